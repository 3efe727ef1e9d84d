import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import type { ProcessPlan } from './queries';

/**
 * Records a bid received: the bidder from the directory (linked) or by name,
 * its value and a summary of its contents, which stay private to the city's
 * editors and admins and to the bidder. No release: tenderers are published
 * with the award.
 */
export function recordBid(
  db: RequestDb,
  input: {
    plan: ProcessPlan;
    organizationId: string | null;
    bidderName: string;
    amount: number | null;
    currency: string | null;
    summary: string;
    receivedOn: string;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (!input.plan.tenderRecordedAt) refuse('form', 'procurement.error.tenderFirst');
    let name = input.bidderName.trim();
    if (input.organizationId) {
      const [org] = await tx.query<{ name: string }>(
        `select name from public.organizations where id = $1 and status = 'verified'`,
        [input.organizationId],
      );
      if (!org) refuse('organization', 'procurement.error.organization');
      name = org!.name;
    }
    if (name.length < 2) refuse('bidder_name', 'procurement.error.bidderName');
    if ((input.amount === null) !== (input.currency === null))
      refuse(input.amount === null ? 'amount' : 'currency', 'procurement.error.budgetPair');
    const rows = await tx.query(
      `insert into public.procurement_bids (process_id, organization_id, bidder_name, amount, currency, summary, received_on)
       values ($1, $2, $3, $4, $5, $6, $7) returning 1`,
      [
        input.plan.id,
        input.organizationId,
        name,
        input.amount,
        input.currency,
        input.summary,
        input.receivedOn,
      ],
    );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    return {};
  });
}
