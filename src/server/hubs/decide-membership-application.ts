import { z } from 'zod';
import { isMultiLineText } from '../../lib/text/control-characters';
import { sendNotices, type NoticeWording } from '../mail/notices';
import type { RequestDb } from '../db/request-context';

/** A coordinator's decision: approve, or decline with a reason the applicant will read. */
export const membershipDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    application: z.uuid(),
    decision: z.literal('approved'),
    reason: z
      .string()
      .trim()
      .max(2000)
      .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
      .optional(),
  }),
  z.object({
    application: z.uuid(),
    decision: z.literal('declined'),
    reason: z
      .string({ message: 'hubs.applications.error.reasonRequired' })
      .trim()
      .min(1, { message: 'hubs.applications.error.reasonRequired' })
      .max(2000)
      .refine(isMultiLineText, { message: 'text.error.controlCharacters' }),
  }),
]);
export type MembershipDecision = z.infer<typeof membershipDecisionSchema>;

export type DecideOutcome = { ok: true } | { ok: false; reason: 'not-found' };

/**
 * Approves or declines a pending application to `hubId`. RLS lets only the
 * hub's coordinators (and admins) change it, and the hub in the query keeps
 * a decision made on one hub's page from touching another hub's application
 * (a coordinator of several hubs decides each on its own page). Triggers then
 * add the city or organization to this hub only (its other hubs stay) and
 * record the notice to the applicant, worded and handed to the mail outbox
 * in the same transaction (so no decision goes untold).
 */
export async function decideMembershipApplication(
  db: RequestDb,
  input: MembershipDecision & { hubId: string },
  wording: NoticeWording,
): Promise<DecideOutcome> {
  const rows = await db.query(
    `update public.hub_membership_applications set status = $2, decision_reason = $3
      where id = $1 and hub_id = $4 and status = 'pending' returning id`,
    [input.application, input.decision, input.reason || null, input.hubId],
  );
  if (rows.length === 0) return { ok: false, reason: 'not-found' };
  await sendNotices(db, wording);
  return { ok: true };
}
