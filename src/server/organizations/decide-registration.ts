import { z } from 'zod';
import { isMultiLineText } from '../../lib/text/control-characters';
import type { RequestDb } from '../db/request-context';
import type { NoticeWording } from '../mail/notices';
import { tellAboutOrganization } from './notices';

const reason = z
  .string()
  .trim()
  .max(2000, { message: 'organizations.error.reasonLength' })
  .refine(isMultiLineText, { message: 'text.error.controlCharacters' });

/** A reviewer's decision: verify, or decline with a reason the applicant will read. */
export const registrationDecisionSchema = z.discriminatedUnion('decision', [
  z.object({
    organization: z.uuid(),
    decision: z.literal('verified'),
    reason: reason.optional(),
  }),
  z.object({
    organization: z.uuid(),
    decision: z.literal('declined'),
    reason: z
      .string({ message: 'organizations.error.reasonRequired' })
      .pipe(reason)
      .refine((text) => text.length > 0, { message: 'organizations.error.reasonRequired' }),
  }),
]);
export type RegistrationDecision = z.output<typeof registrationDecisionSchema>;

export type DecideRegistrationOutcome =
  { ok: true; slug: string } | { ok: false; reason: 'not-found' | 'forbidden' };

/**
 * Verifies or declines a registration waiting for review. RLS lets the
 * coordinators of a hub it chose and platform admins change it, and the
 * guard trigger allows them only pending → verified | declined; a verified
 * organization joins the reviewer's hubs (and applies to the others). Its
 * admins, the applicant among them, are told by mail in the same transaction,
 * and so are the coordinators of the other chosen hubs.
 */
export async function decideRegistration(
  db: RequestDb,
  context: NoticeWording,
  input: RegistrationDecision,
): Promise<DecideRegistrationOutcome> {
  let row: { id: string; slug: string } | undefined;
  try {
    [row] = await db.savepoint((tx) =>
      tx.query<{ id: string; slug: string }>(
        `update public.organizations set status = $2, decline_reason = $3
          where id = $1 and status = 'pending' returning id, slug`,
        [input.organization, input.decision, input.decision === 'declined' ? input.reason : null],
      ),
    );
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return { ok: false, reason: 'forbidden' };
    throw error;
  }
  if (!row) return { ok: false, reason: 'not-found' };
  // Its admins are told; so are the coordinators of the chosen hubs the
  // reviewer does not coordinate, which now have an application each.
  await tellAboutOrganization(
    db,
    context,
    input.decision === 'verified' ? 'registration_verified' : 'registration_declined',
    row.id,
  );
  return { ok: true, slug: row.slug };
}
