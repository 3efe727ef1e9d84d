import { getTranslator } from '../../src/lib/i18n';
import type { Queryable } from '../../src/server/db/types';
import type { NoticeWording } from '../../src/server/mail/notices';

/** How tests word notices: English, links to a fixed origin. */
export const testWording: NoticeWording = {
  i18n: getTranslator('en'),
  origin: 'https://portal.test',
};

export interface QueuedMail {
  to_email: string;
  kind: string;
  subject: string;
  body_text: string;
}

/** The mail queued for an address (optionally of one kind), oldest first. Read as the owner. */
export function mailTo(db: Queryable, to: string, kind?: string): Promise<QueuedMail[]> {
  return db.query<QueuedMail>(
    `select to_email, kind, subject, body_text from private.outbox
      where to_email = lower($1) and ($2::text is null or kind = $2)
      order by created_at, id`,
    [to, kind ?? null],
  );
}
