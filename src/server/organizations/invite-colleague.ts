import { z } from 'zod';
import type { NoticeWording } from '../mail/notices';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { enforceRateLimits, rateLimitRules } from '../http/rate-limit';
import { createInvitationToken } from './invitation-token';
import { tellAboutOrganization } from './notices';

export const invitationFormSchema = z.object({
  email: z
    .string({ message: 'organizations.error.email' })
    .trim()
    .toLowerCase()
    .max(254, { message: 'organizations.error.email' })
    .pipe(z.email({ message: 'organizations.error.email' })),
  role: z.enum(['member', 'admin'], { message: 'organizations.error.role' }),
});
export type InvitationForm = z.output<typeof invitationFormSchema>;

export type InviteOutcome = { ok: true; email: string } | { ok: false; errors: FieldError[] };

/**
 * Invites a colleague by mail: a single-use link that expires after seven
 * days and works only for the invited address. A new invitation to the same
 * address replaces the open one (its link stops working). Only the
 * organization's admins may (RLS); at most 20 invitations an hour per
 * person, since each one sends a mail to an address of their choosing.
 */
export async function inviteColleague(
  db: RequestDb,
  context: { userId: string; organizationId: string; wording: NoticeWording },
  input: InvitationForm,
): Promise<InviteOutcome> {
  await enforceRateLimits(db, [
    { rule: rateLimitRules.invitationsPerAccount, key: context.userId },
  ]);
  const { token, hash } = createInvitationToken();
  let row: { id: string } | undefined;
  try {
    [row] = await db.savepoint(async (tx) => {
      await tx.query(
        `update public.organization_invitations set revoked_at = now()
          where organization_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
        [context.organizationId, input.email],
      );
      return tx.query<{ id: string }>(
        `insert into public.organization_invitations (organization_id, email, org_role, token_hash)
         values ($1, $2, $3, $4) returning id`,
        [context.organizationId, input.email, input.role, hash],
      );
    });
  } catch (error) {
    if ((error as { code?: string }).code === '42501')
      return {
        ok: false,
        errors: [{ field: 'form', message: 'organizations.forbidden.adminsOnly' }],
      };
    throw error;
  }
  await tellAboutOrganization(db, context.wording, 'invitation', row!.id, token);
  return { ok: true, email: input.email };
}
