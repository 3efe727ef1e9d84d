import type { Database } from '../../src/server/db/types';

/**
 * Lets a published notice's deadline pass without waiting: as the owner,
 * moves the notice's publication and deadline back by the same span so the
 * deadline is a minute ago (the notice stays as long as it was), skipping the
 * edit guards as time passing would (`session_replication_role = replica`,
 * this transaction only), and re-derives the search record.
 */
export async function letNoticeDeadlinePass(db: Database, processId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    const rows = await tx.query(
      `update public.procurement_notices
          set published_at = published_at - (deadline - now()) - interval '1 minute',
              deadline = now() - interval '1 minute'
        where process_id = $1 and published_at is not null and deadline > now() returning 1`,
      [processId],
    );
    if (rows.length === 0) throw new Error(`The notice of ${processId} is not open`);
    await tx.query('set local session_replication_role = origin');
    await tx.query('select private.search_sync_procurement($1)', [processId]);
  });
}
