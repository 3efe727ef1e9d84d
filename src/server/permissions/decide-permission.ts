import { z } from 'zod';
import {
  anyTarget,
  audienceOf,
  type Permission,
  type IdKey,
  type RolePermission,
  type Target,
} from '../../lib/permissions';
import type { Queryable } from '../db/types';

/**
 * How the database decides each role permission: a boolean expression over
 * the policy helpers (`public.is_platform_admin()`, `public.is_hub_coordinator(id)`,
 * …) that the row-level security policies use, run in the request's own
 * transaction as the caller. The guard and RLS answer from the same
 * functions; this file only says which helpers a permission asks.
 *
 * A permission scoped to a hub, city or organization asked about `'any'`
 * checks "in at least one"; asked without the id, it checks the unscoped
 * part only (admins), exactly as `can()` does.
 */
type Decision = (target: Target) => { sql: string; params: (string | null)[] };

const admin = 'public.is_platform_admin()';
const anyHub = 'exists (select 1 from public.hubs h where public.is_hub_coordinator(h.id))';
const anyCity = 'exists (select 1 from public.cities c where public.is_city_editor(c.id))';
const anyOrganization =
  'exists (select 1 from public.organizations o where public.is_org_member(o.id))';

/** `scopedSql` reads the target's `key` as `$1`; `anySql` answers for `'any'`. */
const scopedTo =
  (key: IdKey, scopedSql: string, anySql: string, unscopedSql = admin): Decision =>
  (target) => {
    if (target === anyTarget) return { sql: anySql, params: [] };
    const id = target[key];
    return id ? { sql: scopedSql, params: [id] } : { sql: unscopedSql, params: [] };
  };

const adminOnly: Decision = () => ({ sql: admin, params: [] });
const anyOrganizationAdmin =
  'exists (select 1 from public.organizations o where public.is_org_admin(o.id))';
const orgAdmins = scopedTo(
  'organizationId',
  `${admin} or public.is_org_admin($1::uuid)`,
  `${admin} or ${anyOrganizationAdmin}`,
);
const hubCoordinators = scopedTo(
  'hubId',
  `${admin} or public.is_hub_coordinator($1::uuid)`,
  `${admin} or ${anyHub}`,
);

const decisions: Record<RolePermission, Decision> = {
  'hub.update': hubCoordinators,
  'hub.create': adminOnly,
  'hub.delete': adminOnly,
  'hub.apply': (target) =>
    target !== anyTarget && target.cityId
      ? scopedTo('cityId', 'public.is_city_editor($1::uuid)', 'false', 'false')(target)
      : scopedTo(
          'organizationId',
          'public.is_org_admin($1::uuid)',
          `${anyCity} or ${anyOrganizationAdmin}`,
          'false',
        )(target),
  'hub.decideApplications': hubCoordinators,
  'hub.manageMembers': hubCoordinators,
  'news.publish': hubCoordinators,
  'event.publish': hubCoordinators,
  'media.upload': hubCoordinators,
  'city.create': hubCoordinators,
  'city.update': scopedTo(
    'cityId',
    `${admin} or public.is_city_editor($1::uuid) or public.is_coordinator_of_city_hub($1::uuid)`,
    `${admin} or ${anyCity} or ${anyHub}`,
  ),
  'city.delete': adminOnly,
  'organization.update': orgAdmins,
  'organization.verify': scopedTo(
    'organizationId',
    `${admin} or public.is_organization_reviewer($1::uuid)`,
    `${admin} or ${anyHub}`,
  ),
  'organization.review': () => ({ sql: `${admin} or ${anyHub}`, params: [] }),
  'organization.delete': adminOnly,
  'organization.viewPending': scopedTo(
    'organizationId',
    `${admin} or public.is_org_member($1::uuid) or public.is_organization_reviewer($1::uuid)`,
    `${admin} or ${anyOrganization} or ${anyHub}`,
  ),
  'organization.readTeam': scopedTo(
    'organizationId',
    `${admin} or public.is_org_member($1::uuid)`,
    `${admin} or ${anyOrganization}`,
  ),
  'organization.manageTeam': orgAdmins,
  'organization.leave': scopedTo(
    'organizationId',
    'public.is_org_member($1::uuid)',
    anyOrganization,
    'false',
  ),
  'organization.readContactRequests': scopedTo(
    'organizationId',
    'public.is_org_admin($1::uuid)',
    anyOrganizationAdmin,
    'false',
  ),
  'caseStudy.write': scopedTo(
    'cityId',
    `${admin} or public.is_city_editor($1::uuid)`,
    `${admin} or ${anyCity}`,
  ),
  'caseStudy.review': scopedTo(
    'cityId',
    `${admin} or public.is_coordinator_of_city_hub($1::uuid)`,
    `${admin} or ${anyHub}`,
  ),
  'kpiAssessment.read': scopedTo(
    'cityId',
    'public.is_city_editor($1::uuid) or public.is_coordinator_of_city_hub($1::uuid)',
    `${anyCity} or ${anyHub}`,
    'false',
  ),
  'kpiAssessment.write': scopedTo('cityId', 'public.is_city_editor($1::uuid)', anyCity, 'false'),
  'membership.grant': adminOnly,
  'membership.revoke': adminOnly,
  'deliverable.manage': adminOnly,
  'audit.read': adminOnly,
  'account.disable': adminOnly,
  'admin.access': adminOnly,
  'procurement.manage': scopedTo('cityId', 'public.is_city_editor($1::uuid)', anyCity, 'false'),
  'procurement.respond': scopedTo(
    'organizationId',
    'public.is_org_member($1::uuid)',
    anyOrganization,
    'false',
  ),
};

const uuid = z.uuid();

/**
 * Asks the database whether the caller (the request's role and claims) may
 * do `permission` on `target`. Public permissions are always allowed, member
 * permissions need a signed-in caller, role permissions run their decision.
 * An id that is not a UUID names nothing: refused without a query.
 */
export async function decidePermission(
  db: Queryable,
  permission: Permission,
  target: Target,
  signedIn: boolean,
): Promise<boolean> {
  const audience = audienceOf(permission);
  if (audience === 'public') return true;
  if (!signedIn) return false;
  if (audience === 'member') return true;
  const { sql, params } = decisions[permission as RolePermission](target);
  if (!params.every((id) => id === null || uuid.safeParse(id).success)) return false;
  const [row] = await db.query<{ allowed: boolean | null }>(`select (${sql}) as allowed`, params);
  return row?.allowed === true;
}
