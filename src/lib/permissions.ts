/**
 * The permission catalogue: what each role may do, mirroring the row-level
 * security policies in supabase/migrations so the interface shows only the
 * actions that will succeed. RLS stays the authority: a check here that says
 * yes never replaces the database's decision.
 */
export const roles = ['platform_admin', 'hub_coordinator', 'city_editor', 'org_member'] as const;
export type Role = (typeof roles)[number];

/** One role a user holds, and what it is held in. */
export interface Membership {
  userId?: string;
  role: Role;
  hubId?: string | null;
  cityId?: string | null;
  organizationId?: string | null;
}

/** What a check is about; only the ids a permission needs are read. */
export interface PermissionTarget {
  hubId?: string | null;
  cityId?: string | null;
  /** The hub a city belongs to (coordinators look after their hub's cities). */
  cityHubId?: string | null;
  organizationId?: string | null;
  /** Who registered an organization (they see it while it is pending). */
  createdBy?: string | null;
}

type Rule = (
  memberships: readonly Membership[],
  target: PermissionTarget,
  userId: string | null,
) => boolean;

const isAdmin = (ms: readonly Membership[]) => ms.some((m) => m.role === 'platform_admin');
const coordinates = (ms: readonly Membership[], hubId?: string | null) =>
  Boolean(hubId) && ms.some((m) => m.role === 'hub_coordinator' && m.hubId === hubId);
const edits = (ms: readonly Membership[], cityId?: string | null) =>
  Boolean(cityId) && ms.some((m) => m.role === 'city_editor' && m.cityId === cityId);
const belongs = (ms: readonly Membership[], orgId?: string | null) =>
  Boolean(orgId) && ms.some((m) => m.role === 'org_member' && m.organizationId === orgId);

/** Each permission with the policy it mirrors (table · operation). */
export const permissions = {
  /** hubs · update: "Hubs can be edited by their coordinators and admins". */
  'hub.update': (ms, t) => isAdmin(ms) || coordinates(ms, t.hubId),
  /** hubs · insert/delete: admins. */
  'hub.create': (ms) => isAdmin(ms),
  'hub.delete': (ms) => isAdmin(ms),
  /** cities · insert: admins and coordinators of the city's hub. */
  'city.create': (ms, t) => isAdmin(ms) || coordinates(ms, t.hubId),
  /** cities · update: the city's editors, its hub's coordinators, admins. */
  'city.update': (ms, t) => isAdmin(ms) || edits(ms, t.cityId) || coordinates(ms, t.cityHubId),
  'city.delete': (ms) => isAdmin(ms),
  /** organizations · insert: any member, as pending. */
  'organization.register': (_ms, _t, userId) => userId !== null,
  /** organizations · update: its members and admins. */
  'organization.update': (ms, t) => isAdmin(ms) || belongs(ms, t.organizationId),
  /** organizations · status: admins only (guard trigger). */
  'organization.verify': (ms) => isAdmin(ms),
  'organization.delete': (ms) => isAdmin(ms),
  /** organizations · select of a pending one: its creator, members, admins. */
  'organization.viewPending': (ms, t, userId) =>
    isAdmin(ms) || belongs(ms, t.organizationId) || (userId !== null && t.createdBy === userId),
  /** memberships · insert/delete: admins. */
  'membership.grant': (ms) => isAdmin(ms),
  'membership.revoke': (ms) => isAdmin(ms),
  /** deliverables · insert/update/delete and unpublished rows: admins. */
  'deliverable.manage': (ms) => isAdmin(ms),
  /** audit_log · select: admins. */
  'audit.read': (ms) => isAdmin(ms),
  /** private.admin_* functions: admins. */
  'account.disable': (ms) => isAdmin(ms),
  'admin.access': (ms) => isAdmin(ms),
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

/**
 * Whether a user with these memberships may do `permission` on `target`.
 * For showing or hiding actions only; the database decides.
 */
export function can(
  memberships: readonly Membership[],
  permission: Permission,
  target: PermissionTarget = {},
  userId: string | null = null,
): boolean {
  return permissions[permission](memberships, target, userId);
}
