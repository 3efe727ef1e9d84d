import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';

/**
 * Saves the evaluation: each bid's score (0–100) on each published
 * criterion; an empty field removes a score. Only criteria and bids of this
 * process are accepted (the table's keys check the same).
 */
export function scoreBids(
  db: RequestDb,
  input: {
    processId: string;
    scores: { bidId: string; criterionId: string; score: number | null }[];
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const [published] = await tx.query<{ ok: boolean }>(
      'select public.is_procurement_notice_published($1) and public.can_edit_procurement($1) as ok',
      [input.processId],
    );
    if (!published?.ok) refuse('form', 'procurement.error.forbidden');
    for (const entry of input.scores) {
      if (entry.score === null) {
        await tx.query(
          'delete from public.procurement_scores where process_id = $1 and bid_id = $2 and criterion_id = $3',
          [input.processId, entry.bidId, entry.criterionId],
        );
      } else {
        await tx.query(
          `insert into public.procurement_scores (process_id, bid_id, criterion_id, score) values ($1, $2, $3, $4)
           on conflict (bid_id, criterion_id) do update set score = excluded.score`,
          [input.processId, entry.bidId, entry.criterionId, entry.score],
        );
      }
    }
    return {};
  });
}
