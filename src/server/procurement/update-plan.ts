import type { RequestDb } from '../db/request-context';
import { missingRequired, planChecklist } from '../../lib/procurement/plan-checklist';
import { planColumns, planPlaceholders, planValues } from './create-process';
import { inSavepoint, refuse, type Outcome } from './outcome';
import type { PlanInput } from './plan-form';
import { publishRelease } from './publish-release';
import type { ProcessPlan } from './queries';

/**
 * Saves the plan. Once the plan is published the change is public at once,
 * as a `planningUpdate` release in the same transaction, and a published
 * plan must keep every required item of the checklist.
 */
export function updatePlan(
  db: RequestDb,
  input: {
    process: Pick<ProcessPlan, 'id' | 'publishedAt' | 'closedAt' | 'status'>;
    plan: PlanInput;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (input.process.closedAt || input.process.status === 'cancelled')
      refuse('form', 'procurement.error.closed');
    if (input.process.publishedAt) {
      const missing = missingRequired(planChecklist(input.plan));
      if (missing.length > 0) refuse('form', 'procurement.error.planIncomplete');
    }
    const set = planColumns.map((column, i) => `${column} = ${planPlaceholders(1)[i]}`).join(', ');
    const rows = await tx.query(
      `update public.procurement_processes set ${set} where id = $1 returning 1`,
      [input.process.id, ...planValues(input.plan)],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    if (input.process.publishedAt) await publishRelease(tx, input.process.id, ['planningUpdate']);
    return {};
  });
}
