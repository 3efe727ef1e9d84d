import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Contract, ProcessPlan } from './queries';

/**
 * Closes a process in delivery with a closing note and the lessons learned:
 * the contract ends (`terminated`), the process is complete, and a
 * `contractTermination` release carries the note. A closed process can then
 * become a case study (prefilled, reviewed as any other).
 */
export function closeProcess(
  db: RequestDb,
  input: {
    plan: ProcessPlan;
    contract: Contract | null;
    closingNote: string;
    lessonsLearned: string;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (!input.contract) refuse('form', 'procurement.error.contractFirst');
    if (input.plan.closedAt) refuse('form', 'procurement.error.closed');
    await tx.query(
      `update public.procurement_contracts set status = 'terminated' where process_id = $1`,
      [input.plan.id],
    );
    const rows = await tx.query(
      `update public.procurement_processes
          set closing_note = $2, lessons_learned = $3, closed_at = now(), stage = 'closed', status = 'complete'
        where id = $1 and closed_at is null returning 1`,
      [input.plan.id, input.closingNote, input.lessonsLearned],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, input.plan.id, ['contractTermination']);
    return {};
  });
}
