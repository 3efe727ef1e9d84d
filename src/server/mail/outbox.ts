import type { Queryable } from '../db/types';
import { getConfig } from '../config';

export interface OutgoingMail {
  to: string;
  /** What the mail is about, e.g. `auth.confirm_signup`; shown in the mailbox. */
  kind: string;
  subject: string;
  text: string;
}

/** Where new mail goes: SMTP when SMTP_URL is set, else it stays in the outbox ('mailbox'). */
export function mailDelivery(): 'smtp' | 'mailbox' {
  return getConfig().mail.delivery;
}

/**
 * Queues a mail from a user's request. The database function accepts only
 * known recipients (an account's address or a pending new address), so a
 * request can never turn the portal into a mail relay.
 */
export async function queueMail(db: Queryable, mail: OutgoingMail): Promise<void> {
  await db.query('select private.enqueue_mail($1, $2, $3, $4, $5)', [
    mail.to,
    mail.kind,
    mail.subject,
    mail.text,
    mailDelivery(),
  ]);
}

/**
 * Queues a mail from a background job running on the privileged connection
 * (e.g. notices about hub decisions): writes the outbox directly.
 */
export async function queueMailAsOwner(db: Queryable, mail: OutgoingMail): Promise<void> {
  await db.query(
    'insert into private.outbox (to_email, kind, subject, body_text, delivery) values (lower($1), $2, $3, $4, $5)',
    [mail.to, mail.kind, mail.subject, mail.text, mailDelivery()],
  );
}
