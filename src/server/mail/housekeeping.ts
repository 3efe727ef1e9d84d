import type { Database } from '../db/types';

/** How often the housekeeping runs, and how long after the start it first runs. */
export const housekeepingIntervalMs = 60 * 60_000;
const firstRunDelayMs = 60_000;

let timer: NodeJS.Timeout | undefined;

/**
 * Forgets what the portal promises to forget (the privacy notice states each
 * period; `private.purge_expired_rows()` holds them): rate-limit counters,
 * used sign-in links, ended sessions, sent and development-mailbox mail.
 * Before, only the SMTP worker ran it, so a server without SMTP kept those
 * rows for ever. A job on the owner connection, started once by the boot,
 * hourly, whether or not mail is sent; idempotent.
 */
export function startHousekeeping(openDb: () => Promise<Database>): void {
  if (timer) return;
  const run = async () => {
    try {
      const db = await openDb();
      await db.query('select private.purge_expired_rows()');
    } catch (error) {
      console.error('[housekeeping] run failed:', (error as Error).message);
    }
  };
  const first = setTimeout(() => {
    void run();
    timer = setInterval(run, housekeepingIntervalMs);
    timer.unref();
  }, firstRunDelayMs);
  first.unref();
  timer = first;
}
