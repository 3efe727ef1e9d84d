import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Award, ProcessPlan } from './queries';

export interface ContractInput {
  amount: number;
  currency: string;
  periodStart: string;
  periodEnd: string;
  signedOn: string | null;
}

/** Checks a contract's dates: the period in order, signed no later than today. */
export function contractProblem(contract: ContractInput, today: string) {
  if (contract.periodEnd < contract.periodStart)
    return { field: 'period_end', message: 'procurement.error.periodOrder' } as const;
  if (contract.signedOn && contract.signedOn > today)
    return { field: 'signed_on', message: 'procurement.error.dateFuture' } as const;
  return null;
}

/**
 * Records the contract signed after the award: "manage delivery" starts.
 * A `contract` release.
 */
export function recordContract(
  db: RequestDb,
  input: { plan: ProcessPlan; award: Award | null; contract: ContractInput; today: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (!input.award) refuse('form', 'procurement.error.awardFirst');
    if (input.plan.closedAt) refuse('form', 'procurement.error.closed');
    const problem = contractProblem(input.contract, input.today);
    if (problem) refuse(problem.field, problem.message);
    const c = input.contract;
    const rows = await tx.query(
      `insert into public.procurement_contracts (process_id, award_id, amount, currency, period_start, period_end, signed_on)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (process_id) do nothing returning 1`,
      [
        input.plan.id,
        input.award!.id,
        c.amount,
        c.currency,
        c.periodStart,
        c.periodEnd,
        c.signedOn,
      ],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.contractSigned');
    await tx.query(`update public.procurement_processes set stage = 'delivery' where id = $1`, [
      input.plan.id,
    ]);
    await publishRelease(tx, input.plan.id, ['contract']);
    return {};
  });
}
