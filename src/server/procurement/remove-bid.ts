import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';

/** Removes a bid recorded by mistake, unless the award names it. */
export function removeBid(
  db: RequestDb,
  input: { processId: string; bidId: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const [awarded] = await tx.query('select 1 from public.procurement_awards where bid_id = $1', [
      input.bidId,
    ]);
    if (awarded) refuse('form', 'procurement.error.bidAwarded');
    const rows = await tx.query(
      'delete from public.procurement_bids where id = $1 and process_id = $2 returning 1',
      [input.bidId, input.processId],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    return {};
  });
}
