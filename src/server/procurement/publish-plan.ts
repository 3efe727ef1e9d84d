import type { RequestDb } from '../db/request-context';
import type { Queryable } from '../db/types';
import { missingRequired, planChecklist } from '../../lib/procurement/plan-checklist';
import { inSavepoint, Refusal, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { ProcessPlan } from './queries';

/**
 * Publishes the plan (the process stops being a draft) once the checklist's
 * required items are done: an OCDS `planning` release.
 */
export function publishPlan(db: RequestDb, process: ProcessPlan): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (process.publishedAt) refuse('form', 'procurement.error.alreadyPublished');
    await publishPlanWithin(tx, process);
    return {};
  });
}

/** Publishes the plan inside a write that is already guarded (publishing the notice does too). */
export async function publishPlanWithin(tx: Queryable, process: ProcessPlan): Promise<void> {
  const missing = missingRequired(planChecklist(process));
  if (missing.length > 0) {
    throw new Refusal(missing.map((item) => ({ field: 'form', message: item.label })));
  }
  const rows = await tx.query(
    'update public.procurement_processes set published_at = now() where id = $1 and published_at is null returning 1',
    [process.id],
  );
  if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
  await publishRelease(tx, process.id, ['planning']);
}
