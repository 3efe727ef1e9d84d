import type { JwtClaims } from '../db/claims';
import type { Queryable } from '../db/types';
import type { Membership, Role } from '../../lib/permissions';

export interface RoleWithTarget extends Membership {
  id: string;
  targetName: string | null;
  targetSlug: string | null;
  /** For a role in an organization: its status (only verified ones are public). */
  organizationStatus: 'pending' | 'verified' | 'declined' | null;
}

/** The signed-in user's profile (RLS: anyone may read profiles; this reads one's own). */
export async function getMyProfile(
  db: Queryable,
  claims: JwtClaims,
): Promise<{ displayName: string; affiliation: string | null } | null> {
  const [row] = await db.query<{ display_name: string; affiliation: string | null }>(
    'select display_name, affiliation from public.profiles where id = $1',
    [claims.sub],
  );
  return row ? { displayName: row.display_name, affiliation: row.affiliation } : null;
}

/**
 * The roles a user holds, with the name of what each is held in. Runs under
 * the caller's RLS: one's own roles always; another user's only as an admin.
 */
export async function listRolesOf(
  db: Queryable,
  userIds: readonly string[],
): Promise<RoleWithTarget[]> {
  if (userIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    user_id: string;
    role: Role;
    hub_id: string | null;
    city_id: string | null;
    organization_id: string | null;
    org_role: 'admin' | 'member' | null;
    target_name: string | null;
    target_slug: string | null;
    organization_status: RoleWithTarget['organizationStatus'];
  }>(
    `select /* bounded: the roles of the users of one page */ m.id, m.user_id, m.role, m.hub_id, m.city_id, m.organization_id, m.org_role,
            coalesce(h.name, c.name, o.name) as target_name, coalesce(h.slug, c.slug, o.slug) as target_slug,
            o.status as organization_status
       from public.memberships m
       left join public.hubs h on h.id = m.hub_id
       left join public.cities c on c.id = m.city_id
       left join public.organizations o on o.id = m.organization_id
      where m.user_id = any($1::uuid[])
      order by m.role, target_name`,
    [userIds],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    role: row.role,
    hubId: row.hub_id,
    cityId: row.city_id,
    organizationId: row.organization_id,
    orgRole: row.org_role,
    targetName: row.target_name,
    targetSlug: row.target_slug,
    organizationStatus: row.organization_status,
  }));
}

/**
 * What the header's account menu needs: a name, and the roles the person
 * holds, so the menu offers role-specific links (through `can()`) only to
 * those who hold the role. One query.
 */
export async function getAccountMenu(
  db: Queryable,
  claims: JwtClaims,
): Promise<{ name: string; memberships: Membership[] }> {
  const [row] = await db.query<{ display_name: string | null; memberships: Membership[] | null }>(
    `select (select display_name from public.profiles where id = $1) as display_name,
            (select json_agg(json_build_object('role', m.role, 'hubId', m.hub_id, 'cityId', m.city_id,
                                               'organizationId', m.organization_id))
               from public.memberships m where m.user_id = $1) as memberships`,
    [claims.sub],
  );
  return { name: row?.display_name ?? claims.email ?? '', memberships: row?.memberships ?? [] };
}
