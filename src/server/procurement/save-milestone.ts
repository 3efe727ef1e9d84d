import type { MilestoneStatus } from '../../lib/procurement/vocabulary';
import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Contract, ProcessPlan } from './queries';

export interface MilestoneInput {
  /** The milestone to update; null adds one. */
  id: string | null;
  title: string;
  description: string;
  dueOn: string;
  status: MilestoneStatus;
  metOn: string | null;
}

/**
 * Adds or updates a delivery milestone of the contract (OCDS milestoneStatus:
 * a met milestone says when). The first milestone is an `implementation`
 * release, later changes `implementationUpdate`.
 */
export function saveMilestone(
  db: RequestDb,
  input: { plan: ProcessPlan; contract: Contract | null; milestone: MilestoneInput; today: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const m = input.milestone;
    if (!input.contract) refuse('form', 'procurement.error.contractFirst');
    if (input.plan.closedAt) refuse('form', 'procurement.error.closed');
    if (m.status === 'met' && !m.metOn) refuse('met_on', 'procurement.error.metOn');
    if (m.metOn && m.metOn > input.today) refuse('met_on', 'procurement.error.dateFuture');
    const metOn = m.status === 'met' ? m.metOn : null;
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      `select count(*)::int as n from public.procurement_releases
        where process_id = $1 and tags && array['implementation', 'implementationUpdate']`,
      [input.plan.id],
    );
    const rows = m.id
      ? await tx.query(
          `update public.procurement_milestones set title = $3, description = $4, due_on = $5, status = $6, met_on = $7
            where id = $1 and process_id = $2 returning 1`,
          [m.id, input.plan.id, m.title, m.description, m.dueOn, m.status, metOn],
        )
      : await tx.query(
          `insert into public.procurement_milestones (process_id, contract_id, title, description, due_on, status, met_on)
           values ($1, $2, $3, $4, $5, $6, $7) returning 1`,
          [input.plan.id, input.contract!.id, m.title, m.description, m.dueOn, m.status, metOn],
        );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, input.plan.id, [n === 0 ? 'implementation' : 'implementationUpdate']);
    return {};
  });
}
