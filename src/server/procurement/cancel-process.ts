import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { ProcessPlan } from './queries';

/**
 * Cancels a published process before a contract is signed, with the
 * reason: the notice takes no more responses, the process is listed as
 * cancelled, and a `tenderCancellation` release says why. A draft is
 * deleted instead; a process in delivery is closed instead.
 */
export function cancelProcess(
  db: RequestDb,
  input: { plan: ProcessPlan; reason: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const { plan } = input;
    if (!plan.publishedAt) refuse('form', 'procurement.error.notPublished');
    if (plan.status !== 'active' || plan.closedAt || plan.stage === 'delivery')
      refuse('form', 'procurement.error.closed');
    if (input.reason.trim().length < 10)
      refuse('cancellation_reason', 'procurement.error.rationale');
    const rows = await tx.query(
      `update public.procurement_processes set status = 'cancelled', cancellation_reason = $2
        where id = $1 and status = 'active' returning 1`,
      [plan.id, input.reason.trim()],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, plan.id, ['tenderCancellation']);
    return {};
  });
}
