import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Contract, ProcessPlan } from './queries';
import { contractProblem, type ContractInput } from './record-contract';

/**
 * Changes a contract's value or period: always an amendment with a
 * rationale and the before and after values (the database refuses the
 * change otherwise), and a `contractAmendment` release.
 */
export function amendContract(
  db: RequestDb,
  input: {
    plan: ProcessPlan;
    current: Contract;
    contract: ContractInput;
    rationale: string;
    today: string;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (input.plan.closedAt) refuse('form', 'procurement.error.closed');
    const problem = contractProblem(input.contract, input.today);
    if (problem) refuse(problem.field, problem.message);
    const before = {
      amount: input.current.amount,
      currency: input.current.currency,
      periodStart: input.current.periodStart,
      periodEnd: input.current.periodEnd,
      signedOn: input.current.signedOn,
    };
    const after = { ...input.contract };
    const changes = (Object.keys(before) as (keyof typeof before)[])
      .filter((key) => before[key] !== after[key])
      .map((key) => ({ property: key, former_value: before[key], value: after[key] }));
    if (changes.length === 0) refuse('form', 'procurement.error.nothingChanged');
    const description = changes
      .map(
        (change) =>
          `${change.property}: ${String(change.former_value ?? '—')} → ${String(change.value ?? '—')}`,
      )
      .join('; ');
    await tx.query(
      `insert into public.procurement_amendments (process_id, subject, rationale, description, changes)
       values ($1, 'contract', $2, $3, $4::text::jsonb)`,
      [input.plan.id, input.rationale, description, JSON.stringify(changes)],
    );
    const c = input.contract;
    const rows = await tx.query(
      `update public.procurement_contracts set amount = $2, currency = $3, period_start = $4, period_end = $5, signed_on = $6
        where process_id = $1 returning 1`,
      [input.plan.id, c.amount, c.currency, c.periodStart, c.periodEnd, c.signedOn],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, input.plan.id, ['contractAmendment']);
    return {};
  });
}
