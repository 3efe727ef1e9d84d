import type { Queryable } from '../db/types';
import { findOrganization, type Organization } from './queries';

export interface DashboardContext {
  organization: Organization;
  /** The caller's role in it; null for a platform admin who is not a member. */
  orgRole: 'admin' | 'member' | null;
  /** May edit it and its team: its admins and platform admins. */
  canManage: boolean;
}

/**
 * The organization of a dashboard page as the caller sees it (null: not
 * found or not visible), with what they may do there. The page still asks
 * the guard for its permission; this only decides what to show.
 */
export async function loadDashboard(
  db: Queryable,
  slug: string,
  userId: string,
): Promise<DashboardContext | null> {
  const organization = await findOrganization(db, slug);
  if (!organization) return null;
  const [row] = await db.query<{ org_role: 'admin' | 'member' | null; is_admin: boolean }>(
    `select (select m.org_role from public.memberships m
              where m.organization_id = $1 and m.user_id = $2 and m.role = 'org_member') as org_role,
            public.is_platform_admin() as is_admin`,
    [organization.id, userId],
  );
  const orgRole = row?.org_role ?? null;
  return { organization, orgRole, canManage: orgRole === 'admin' || row?.is_admin === true };
}

export interface DashboardCounts {
  openRequests: number;
  pendingJoins: number;
  openInvitations: number;
  offerings: number;
}

/** What waits for the organization's admins (each count under RLS: 0 for members). */
export async function countDashboard(
  db: Queryable,
  organizationId: string,
): Promise<DashboardCounts> {
  const [row] = await db.query<DashboardCounts>(
    `select
       (select count(*)::int from public.organization_contact_requests c
         where c.organization_id = $1 and c.status = 'open') as "openRequests",
       (select count(*)::int from public.organization_join_requests j
         where j.organization_id = $1 and j.status = 'pending') as "pendingJoins",
       (select count(*)::int from public.organization_invitations i
         where i.organization_id = $1 and i.accepted_at is null and i.revoked_at is null and i.expires_at > now())
         as "openInvitations",
       (select count(*)::int from public.organization_offerings f where f.organization_id = $1) as offerings`,
    [organizationId],
  );
  return row ?? { openRequests: 0, pendingJoins: 0, openInvitations: 0, offerings: 0 };
}
