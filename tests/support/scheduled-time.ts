import type { Database } from '../../src/server/db/types';

/** Tables with scheduled publication, and the function that re-derives an item's search record. */
const searchSync = {
  news_items: 'private.search_sync_news',
  events: 'private.search_sync_event',
} as const;

/**
 * Lets the scheduled time of a news item or event come without waiting for
 * the clock: as the owner, moves its `published_at` to just before now, as if
 * the time it was scheduled for had passed, and returns the new time.
 *
 * Integration tests cannot move a PostgreSQL server's clock (`now()`), so they
 * move the item's time instead, and write nothing more than time passing
 * would: the edit triggers (revision history, updated_at/by) are skipped
 * (`session_replication_role = replica`, owner only, this transaction only),
 * and the search record is re-derived as its trigger would have. Nothing in
 * the portal can do this: it needs the owner connection, which only tests,
 * migrations, the seed and jobs hold.
 */
export async function letScheduledTimeCome(
  db: Database,
  table: keyof typeof searchSync,
  id: string,
): Promise<Date> {
  return db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    const [row] = await tx.query<{ publishedAt: Date }>(
      // Milliseconds, as a time that went through the portal's code (a JS Date) has.
      `update public.${table} set published_at = date_trunc('milliseconds', now()) - interval '1 second'
        where id = $1 and published_at > now()
        returning published_at as "publishedAt"`,
      [id],
    );
    if (!row) throw new Error(`${table} ${id} is not scheduled for later`);
    await tx.query('set local session_replication_role = origin');
    await tx.query(`select ${searchSync[table]}($1)`, [id]);
    return new Date(row.publishedAt);
  });
}
