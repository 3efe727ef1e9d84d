import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { MessageKey } from '../../lib/i18n';

/**
 * Changes to an organization's team by its admins (RLS: the organization's
 * admins and platform admins), and a member leaving. The database keeps an
 * admin in every organization that has members (trigger
 * memberships_keep_an_org_admin): a change that would leave none is refused
 * and said so, nothing changed.
 */
export const teamActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('change-role'),
    membership: z.uuid(),
    role: z.enum(['admin', 'member'], { message: 'organizations.error.role' }),
  }),
  z.object({ intent: z.literal('remove'), membership: z.uuid() }),
  z.object({ intent: z.literal('withdraw'), invitation: z.uuid() }),
  z.object({ intent: z.literal('leave') }),
]);
export type TeamAction = z.output<typeof teamActionSchema>;

export type TeamOutcome =
  { ok: true; notice: MessageKey } | { ok: false; message: MessageKey; status: 403 | 404 | 409 };

function failure(error: unknown): TeamOutcome {
  const { code, constraint_name, constraint } = error as {
    code?: string;
    constraint_name?: string;
    constraint?: string;
  };
  if (code === '23514' && (constraint_name ?? constraint) === 'memberships_keep_an_org_admin')
    return { ok: false, message: 'organizations.error.lastAdmin', status: 409 };
  if (code === '42501')
    return { ok: false, message: 'organizations.forbidden.adminsOnly', status: 403 };
  throw error;
}

/** Runs one change in a savepoint, so a refusal leaves the request's transaction usable. */
export async function changeTeam(
  db: RequestDb,
  context: { organizationId: string; userId: string },
  action: TeamAction,
): Promise<TeamOutcome> {
  try {
    const rows = await db.savepoint((tx) => {
      switch (action.intent) {
        case 'change-role':
          return tx.query(
            `update public.memberships set org_role = $3
              where id = $1 and organization_id = $2 and role = 'org_member' returning id`,
            [action.membership, context.organizationId, action.role],
          );
        case 'remove':
          return tx.query(
            `delete from public.memberships
              where id = $1 and organization_id = $2 and role = 'org_member' returning id`,
            [action.membership, context.organizationId],
          );
        case 'withdraw':
          return tx.query(
            `update public.organization_invitations set revoked_at = now()
              where id = $1 and organization_id = $2 and accepted_at is null and revoked_at is null
              returning id`,
            [action.invitation, context.organizationId],
          );
        case 'leave':
          return tx.query(
            `delete from public.memberships
              where organization_id = $1 and user_id = $2 and role = 'org_member' returning id`,
            [context.organizationId, context.userId],
          );
      }
    });
    if (rows.length === 0)
      return { ok: false, message: 'organizations.error.notFound', status: 404 };
  } catch (error) {
    return failure(error);
  }
  const notices: Record<TeamAction['intent'], MessageKey> = {
    'change-role': 'organizations.team.roleChanged',
    remove: 'organizations.team.removed',
    withdraw: 'organizations.team.withdrawn',
    leave: 'organizations.team.left',
  };
  return { ok: true, notice: notices[action.intent] };
}
