import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Award, ProcessPlan } from './queries';

export interface AwardInput {
  /** `bid:<id>`, `organization:<id>` (a directory organization), or `other` (named below). */
  supplier: string;
  supplierName: string;
  amount: number;
  currency: string;
  valueUsd: number | null;
  awardedOn: string;
  justification: string;
  nonBidderReason: string;
}

/**
 * Awards the process (or corrects the award): to a bid, or to a supplier
 * that did not bid, which needs a recorded reason. The tenderers become
 * public with it. An `award` release, or `awardUpdate` for a correction.
 */
export function awardProcess(
  db: RequestDb,
  input: { plan: ProcessPlan; current: Award | null; award: AwardInput; today: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const { plan, award } = input;
    if (!plan.tenderRecordedAt) refuse('form', 'procurement.error.tenderFirst');
    if (plan.closedAt || plan.status !== 'active') refuse('form', 'procurement.error.closed');
    if (award.awardedOn > input.today) refuse('awarded_on', 'procurement.error.dateFuture');
    const [signed] = await tx.query(
      'select 1 from public.procurement_contracts where process_id = $1',
      [plan.id],
    );
    if (signed) refuse('form', 'procurement.error.contractSigned');
    let bidId: string | null = null;
    let organizationId: string | null = null;
    let name = award.supplierName.trim();
    if (award.supplier.startsWith('bid:')) {
      bidId = award.supplier.slice(4);
      const [bid] = await tx.query(
        'select 1 from public.procurement_bids where id = $1 and process_id = $2',
        [bidId, plan.id],
      );
      if (!bid) refuse('supplier', 'procurement.error.supplier');
    } else if (award.supplier.startsWith('organization:')) {
      organizationId = award.supplier.slice(13);
      const [org] = await tx.query<{ name: string; bid: string | null }>(
        `select o.name, (select b.id from public.procurement_bids b where b.process_id = $2 and b.organization_id = o.id limit 1) as bid
           from public.organizations o where o.id = $1 and o.status = 'verified'`,
        [organizationId, plan.id],
      );
      if (!org) refuse('supplier', 'procurement.error.supplier');
      name = org!.name;
      bidId = org!.bid;
    }
    if (name.length < 2 && !bidId) refuse('supplier_name', 'procurement.error.bidderName');
    if (!bidId && award.nonBidderReason.trim().length < 10)
      refuse('non_bidder_reason', 'procurement.error.nonBidderReason');
    if (award.currency !== 'USD' && award.valueUsd === null)
      refuse('value_usd', 'procurement.error.amountUsd');
    const values = [
      plan.id,
      bidId,
      organizationId,
      name || 'bidder',
      award.amount,
      award.currency,
      award.currency === 'USD' ? award.amount : award.valueUsd,
      award.awardedOn,
      award.justification,
      bidId ? '' : award.nonBidderReason,
    ];
    const rows = input.current
      ? await tx.query(
          `update public.procurement_awards set bid_id = $2, organization_id = $3, supplier_name = $4, amount = $5,
             currency = $6, value_usd = $7, awarded_on = $8, justification = $9, non_bidder_reason = $10
           where process_id = $1 returning 1`,
          values,
        )
      : await tx.query(
          `insert into public.procurement_awards (process_id, bid_id, organization_id, supplier_name, amount, currency,
             value_usd, awarded_on, justification, non_bidder_reason)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning 1`,
          values,
        );
    if (rows.length === 0) refuse('form', 'procurement.error.forbidden');
    await publishRelease(tx, plan.id, [input.current ? 'awardUpdate' : 'award']);
    return {};
  });
}
