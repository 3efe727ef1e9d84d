import type { RequestDb } from '../db/request-context';
import { methodsNeedingRationale, type TenderMethod } from '../../lib/procurement/vocabulary';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Notice, ProcessPlan } from './queries';

/**
 * Records the tender once the notice has closed: the method (OCDS `method`
 * codelist; limited and direct say why) starts "evaluate and award". A
 * `tenderUpdate` release; interested parties that agreed to be named appear
 * in it.
 */
export function recordTender(
  db: RequestDb,
  input: {
    plan: ProcessPlan;
    notice: Notice | null;
    method: TenderMethod;
    rationale: string;
    now: Date;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const { plan, notice } = input;
    if (!notice?.publishedAt) refuse('form', 'procurement.error.notPublished');
    if (plan.closedAt || plan.status !== 'active') refuse('form', 'procurement.error.closed');
    if (notice!.deadline.getTime() > input.now.getTime())
      refuse('method', 'procurement.error.noticeStillOpen');
    if (methodsNeedingRationale.includes(input.method) && input.rationale.trim().length < 10)
      refuse('method_rationale', 'procurement.error.methodRationale');
    const rows = await tx.query(
      `update public.procurement_processes
          set tender_method = $2, tender_method_rationale = $3,
              tender_recorded_at = coalesce(tender_recorded_at, now()),
              stage = case when stage in ('plan', 'market') then 'evaluation' else stage end
        where id = $1 returning 1`,
      [plan.id, input.method, input.rationale],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, plan.id, ['tenderUpdate']);
    return {};
  });
}
