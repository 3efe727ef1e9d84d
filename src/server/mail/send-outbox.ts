import nodemailer from 'nodemailer';
import type { Database } from '../db/types';
import { getConfig } from '../config';

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    replyTo?: string;
  }): Promise<unknown>;
}

interface OutboxRow {
  id: string;
  to_email: string;
  subject: string;
  body_text: string;
  reply_to: string | null;
}

/**
 * Sends queued SMTP mail, oldest first, a batch at a time. A job, not a
 * request: it runs on the privileged connection. A short transaction claims
 * the batch for five minutes (SKIP LOCKED, so several instances never take the
 * same mail); sending happens outside any transaction, so a slow SMTP server
 * never holds the database. A failed mail is retried on later runs, up to 5
 * attempts. Sent bodies (which hold one-time links) are blanked.
 */
export async function sendPendingMail(
  db: Database,
  transport: MailTransport,
  from: string,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  const rows = await db.transaction((tx) =>
    tx.query<OutboxRow>(
      `update private.outbox o set claimed_until = now() + interval '5 minutes', attempts = o.attempts + 1
        where o.id in (
          select id from private.outbox
           where sent_at is null and delivery = 'smtp' and attempts < 5
             and (claimed_until is null or claimed_until < now())
           order by created_at limit $1 for update skip locked)
        returning o.id, o.to_email, o.subject, o.body_text, o.reply_to`,
      [batch],
    ),
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await transport.sendMail({
        from,
        to: row.to_email,
        subject: row.subject,
        text: row.body_text,
        ...(row.reply_to ? { replyTo: row.reply_to } : {}),
      });
      await db.query(
        "update private.outbox set sent_at = now(), body_text = '', last_error = null, claimed_until = null where id = $1",
        [row.id],
      );
      sent += 1;
    } catch (error) {
      await db.query(
        'update private.outbox set last_error = $2, claimed_until = null where id = $1',
        [row.id, String((error as Error).message ?? error).slice(0, 500)],
      );
      failed += 1;
    }
  }
  await db.query('select private.purge_expired_rows()');
  return { sent, failed };
}

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the outbox worker in this server process when SMTP_URL is set:
 * every 15 s it sends what is queued. Started once by the server's boot
 * (`src/server/boot`), never from a request; idempotent. Returns whether a
 * worker runs.
 */
export function startOutboxWorker(openDb: () => Promise<Database>): boolean {
  const config = getConfig().mail;
  if (timer) return true;
  if (!config.smtpUrl) return false;
  const transport = nodemailer.createTransport(config.smtpUrl);
  const run = async () => {
    try {
      const db = await openDb();
      const result = await sendPendingMail(db, transport, config.from);
      if (result.failed > 0) console.warn(`[mail] ${result.failed} mail(s) failed, will retry`);
    } catch (error) {
      console.error('[mail] outbox run failed:', (error as Error).message);
    }
  };
  timer = setInterval(run, 15_000);
  timer.unref();
  void run();
  return true;
}
