import type { Queryable } from '../db/types';

export interface MailboxMessage {
  id: string;
  to: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Date;
}

/** Recent mail meant for the development mailbox (never SMTP mail), newest first. */
export async function listMailbox(db: Queryable, limit = 50): Promise<MailboxMessage[]> {
  const rows = await db.query<{
    id: string;
    to_email: string;
    kind: string;
    subject: string;
    body_text: string;
    created_at: Date | string;
  }>('select * from private.list_mailbox($1)', [limit]);
  return rows.map((row) => ({
    id: row.id,
    to: row.to_email,
    kind: row.kind,
    subject: row.subject,
    body: row.body_text,
    createdAt: new Date(row.created_at),
  }));
}

/** Splits mail text into plain parts and http(s) links, so the page can link them without raw HTML. */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: match[0], href: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
