import { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';
import type { JwtClaims } from '../db/claims';
import type { RequestDb } from '../db/request-context';
import { roles } from '../../lib/permissions';

export const grantRoleSchema = z
  .object({
    intent: z.literal('grant'),
    email: z.string().trim().toLowerCase().pipe(z.email('auth.error.emailInvalid')),
    role: z.enum(roles, { message: 'admin.members.errorTarget' }),
    hubId: z.union([z.uuid(), z.literal('')]).optional(),
    cityId: z.union([z.uuid(), z.literal('')]).optional(),
    organizationId: z.union([z.uuid(), z.literal('')]).optional(),
  })
  .transform((data) => ({
    email: data.email,
    role: data.role,
    hubId: data.role === 'hub_coordinator' ? data.hubId || null : null,
    cityId: data.role === 'city_editor' ? data.cityId || null : null,
    organizationId: data.role === 'org_member' ? data.organizationId || null : null,
  }));

export type GrantRoleInput = z.output<typeof grantRoleSchema>;
export type GrantRoleOutcome =
  { status: 'granted' } | { status: 'error'; field: string; message: MessageKey };

/**
 * Gives a role. The insert runs under the admin's own RLS ("Roles can be
 * granted by admins"), and the audit trigger records it; a non-admin gets a
 * refusal from the database, not from this code.
 */
export async function grantRole(
  db: RequestDb,
  claims: JwtClaims,
  input: GrantRoleInput,
): Promise<GrantRoleOutcome> {
  if (input.role !== 'platform_admin' && !input.hubId && !input.cityId && !input.organizationId) {
    return { status: 'error', field: 'role', message: 'admin.members.errorTarget' };
  }
  // An exact, case-insensitive match (a search would also find "az@…" for "z@…").
  const found = await db.query<{ id: string }>(
    'select id from private.admin_find_user_by_email($1)',
    [input.email],
  );
  const userId = found[0]?.id;
  if (!userId) return { status: 'error', field: 'email', message: 'admin.members.errorNoUser' };
  try {
    await db.savepoint((tx) =>
      tx.query(
        `insert into public.memberships (user_id, role, hub_id, city_id, organization_id, created_by)
         values ($1, $2, $3, $4, $5, $6)`,
        [userId, input.role, input.hubId, input.cityId, input.organizationId, claims.sub],
      ),
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505')
      return { status: 'error', field: 'role', message: 'admin.members.errorDuplicate' };
    if (code === '23503' || code === '23514')
      return { status: 'error', field: 'role', message: 'admin.members.errorTarget' };
    throw error;
  }
  return { status: 'granted' };
}
