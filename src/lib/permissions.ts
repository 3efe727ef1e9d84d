import type { MessageKey } from './i18n';

/**
 * The permission catalogue: the one list of what can be done in the portal,
 * who may do it, and the policy each entry mirrors. Routes name an entry when
 * they call the guard (`requirePermission` in src/server/permissions), which
 * asks the database's own helper functions; pages and islands name the same
 * entry with `can()` to show only the actions that will succeed. RLS stays
 * the authority: a check that says yes never replaces the database's decision.
 *
 * Each entry has an audience:
 * - `public`: anyone, signed in or not (sign-in, sign-up, contact forms);
 * - `member`: any signed-in account (its own settings, event registration);
 * - `role`: decided by memberships, in the database (src/server/permissions/decisions.ts).
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
  /** For org_member: admin (runs the organization and its team) or member. */
  orgRole?: 'admin' | 'member' | null;
}

/** What a check is about; only the ids a permission needs are read. */
export interface PermissionTarget {
  hubId?: string | null;
  cityId?: string | null;
  /** The hubs a city belongs to (coordinators look after their hubs' cities). */
  cityHubIds?: readonly string[];
  organizationId?: string | null;
  /**
   * The hubs an organization chose when it registered: their coordinators
   * review it (`organization_hub_requests`, `public.is_organization_reviewer`).
   */
  reviewHubIds?: readonly string[] | null;
}

/**
 * The target of a check "in at least one": may this user publish news in
 * any hub (to open the "write news" page, before a hub is chosen)? Only the
 * scoped permissions accept it; a missing id is never read as "any".
 */
export const anyTarget = 'any';
export type Target = PermissionTarget | typeof anyTarget;

export type Audience = 'public' | 'member' | 'role';

type Rule = (memberships: readonly Membership[], target: Target, userId: string | null) => boolean;

interface Definition {
  audience: Audience;
  allows: Rule;
  /** What the 403 page says to someone refused this (default: a general explanation). */
  denied?: { title: MessageKey; body: MessageKey };
}

const isAdmin = (ms: readonly Membership[]) => ms.some((m) => m.role === 'platform_admin');
/** The fields of a target that hold one id. */
export type IdKey = 'hubId' | 'cityId' | 'organizationId';
const idOf = (target: Target, key: IdKey) => (target === anyTarget ? anyTarget : target[key]);
const holds = (
  ms: readonly Membership[],
  role: Role,
  key: 'hubId' | 'cityId' | 'organizationId',
  id: string | null | undefined,
) => Boolean(id) && ms.some((m) => m.role === role && (id === anyTarget || m[key] === id));
const coordinates = (ms: readonly Membership[], t: Target) =>
  holds(ms, 'hub_coordinator', 'hubId', idOf(t, 'hubId'));
const edits = (ms: readonly Membership[], t: Target) =>
  holds(ms, 'city_editor', 'cityId', idOf(t, 'cityId'));
const belongs = (ms: readonly Membership[], t: Target) =>
  holds(ms, 'org_member', 'organizationId', idOf(t, 'organizationId'));
const administers = (ms: readonly Membership[], t: Target) =>
  holds(
    ms.filter((m) => m.orgRole === 'admin'),
    'org_member',
    'organizationId',
    idOf(t, 'organizationId'),
  );
const reviews = (ms: readonly Membership[], t: Target) =>
  t === anyTarget
    ? coordinates(ms, t)
    : (t.reviewHubIds ?? []).some((hubId) => coordinates(ms, { hubId }));

const anyone = { audience: 'public', allows: () => true } as const satisfies Definition;
const signedIn = {
  audience: 'member',
  allows: (_ms, _t, userId) => userId !== null,
} as const satisfies Definition;
const byRole = (
  allows: Rule,
  denied?: Definition['denied'],
): Definition & { audience: 'role' } => ({ audience: 'role', allows, denied });
const adminOnly = byRole((ms) => isAdmin(ms), {
  title: 'admin.forbidden.title',
  body: 'admin.forbidden.body',
});
const publishing = { title: 'hubForm.forbiddenTitle', body: 'hubForm.forbiddenBody' } as const;
const runningAHub = {
  title: 'hubForm.forbiddenHubTitle',
  body: 'hubForm.forbiddenHubBody',
} as const;

/** Each permission with the policy it mirrors (table · operation). */
export const permissions = {
  // identity: anyone may try these; the use cases and rate limits do the rest
  'account.signIn': anyone,
  'account.signUp': anyone,
  'account.requestPasswordReset': anyone,
  'account.resetPassword': anyone,
  'account.confirmEmail': anyone,
  'account.signOut': anyone,
  /** The contact page: anyone may write; rate limits and the honeypot do the rest. */
  'site.contact': anyone,
  /** profiles, sessions, own credentials: the signed-in account itself. */
  'account.manage': signedIn,
  /** The "Your work" page: any member; each section shows only what RLS lets them see. */
  'work.view': signedIn,

  /** hubs · update: "Hubs can be edited by their coordinators and admins". */
  'hub.update': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), runningAHub),
  /** hubs · insert/delete: admins. */
  'hub.create': adminOnly,
  'hub.delete': adminOnly,
  /** hub_membership_applications · insert: editors of the city, admins of the organization. */
  'hub.apply': byRole((ms, t) => edits(ms, t) || administers(ms, t), {
    title: 'hubForm.forbiddenTitle',
    body: 'hubs.apply.none',
  }),
  /** hub_membership_applications · update: the hub's coordinators and admins. */
  'hub.decideApplications': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), runningAHub),
  /** hub_cities, hub_partners · insert/delete: the hub's coordinators and admins (their own hub only). */
  'hub.manageMembers': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), runningAHub),

  /** news_items · insert/update/delete: the hub's coordinators and admins. */
  'news.publish': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), publishing),
  /** events · insert/update/delete: the hub's coordinators and admins. */
  'event.publish': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), publishing),
  /** event_registrations · insert/delete: oneself (the trigger decides confirmed or waiting). */
  'event.register': signedIn,
  /** media_files · insert: the hub's coordinators and admins. */
  'media.upload': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t), publishing),

  /** cities · insert: admins and hub coordinators (who then add it to their hub: hub_cities). */
  'city.create': byRole((ms, t) => isAdmin(ms) || coordinates(ms, t)),
  /** cities · update: the city's editors, the coordinators of any of its hubs, admins. */
  'city.update': byRole(
    (ms, t) =>
      isAdmin(ms) ||
      edits(ms, t) ||
      (t === anyTarget
        ? coordinates(ms, t)
        : (t.cityHubIds ?? []).some((hubId) => coordinates(ms, { hubId }))),
  ),
  'city.delete': adminOnly,
  /** organizations · insert: any member, as pending (its registrant becomes its admin). */
  'organization.register': signedIn,
  /** organizations, organization_offerings, organization_deliverables · update: its admins and platform admins. */
  'organization.update': byRole((ms, t) => isAdmin(ms) || administers(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.adminsOnly',
  }),
  /**
   * organizations · status pending → verified | declined: coordinators of a
   * hub it chose and platform admins (guard trigger).
   */
  'organization.verify': byRole((ms, t) => isAdmin(ms) || reviews(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.reviewers',
  }),
  /** The review queue: platform admins and every hub coordinator (each sees their hubs' registrations). */
  'organization.review': byRole((ms) => isAdmin(ms) || coordinates(ms, anyTarget), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.reviewers',
  }),
  'organization.delete': adminOnly,
  /** organizations · select of a pending or declined one: its members, its reviewers, admins. */
  'organization.viewPending': byRole((ms, t) => isAdmin(ms) || belongs(ms, t) || reviews(ms, t)),
  /** memberships (org_member) · select: the organization's members and platform admins. */
  'organization.readTeam': byRole((ms, t) => isAdmin(ms) || belongs(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.membersOnly',
  }),
  /**
   * organization_invitations · insert/update, memberships (org_member) ·
   * update/delete, organization_join_requests · update: its admins and
   * platform admins (who may repair a team).
   */
  'organization.manageTeam': byRole((ms, t) => isAdmin(ms) || administers(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.adminsOnly',
  }),
  /** memberships (org_member) · delete of one's own: any member. */
  'organization.leave': byRole((ms, t) => belongs(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.membersOnly',
  }),
  /** organization_contact_requests · select/update: the organization's admins only (not platform admins). */
  'organization.readContactRequests': byRole((ms, t) => administers(ms, t), {
    title: 'organizations.forbidden.title',
    body: 'organizations.forbidden.adminsOnly',
  }),
  /** organization_contact_requests · insert: any member, to a verified organization. */
  'organization.contact': signedIn,
  /** organization_join_requests · insert: any member not already in it. */
  'organization.requestToJoin': signedIn,
  /** private.accept_organization_invitation: any member, with the invited address. */
  'organization.acceptInvitation': signedIn,
  /** private.export_my_personal_data: the signed-in person's own data. */
  'account.exportData': signedIn,
  /** case_studies · insert, text and links: the lead city's editors and admins. */
  'caseStudy.write': byRole((ms, t) => isAdmin(ms) || edits(ms, t), {
    title: 'caseStudy.forbidden.title',
    body: 'caseStudy.forbidden.writeBody',
  }),
  /**
   * case_studies · status and badge (guard trigger): the coordinators of any
   * of the lead city's hubs and admins (never of their own case study).
   */
  'caseStudy.review': byRole(
    (ms, t) =>
      isAdmin(ms) ||
      (t === anyTarget
        ? coordinates(ms, t)
        : (t.cityHubIds ?? []).some((hubId) => coordinates(ms, { hubId }))),
    { title: 'caseStudy.forbidden.title', body: 'caseStudy.forbidden.reviewBody' },
  ),
  /**
   * kpi_assessments, kpi_assessment_values, kpi_targets · select of unpublished
   * rows: the city's editors and the coordinators of its hubs (not admins: a
   * city's unpublished figures are the city's).
   */
  'kpiAssessment.read': byRole(
    (ms, t) =>
      edits(ms, t) ||
      (t === anyTarget
        ? coordinates(ms, t)
        : (t.cityHubIds ?? []).some((hubId) => coordinates(ms, { hubId }))),
    { title: 'kpiAssessments.forbidden.title', body: 'kpiAssessments.forbidden.readBody' },
  ),
  /** kpi_assessments, kpi_assessment_values, kpi_targets · insert/update/delete: the city's editors. */
  'kpiAssessment.write': byRole((ms, t) => edits(ms, t), {
    title: 'kpiAssessments.forbidden.title',
    body: 'kpiAssessments.forbidden.writeBody',
  }),
  /** memberships · insert/delete: admins. */
  'membership.grant': adminOnly,
  'membership.revoke': adminOnly,
  /** deliverables · insert/update/delete and unpublished rows: admins. */
  'deliverable.manage': adminOnly,
  /** audit_log · select: admins. */
  'audit.read': adminOnly,
  /** private.admin_* functions: admins. */
  'account.disable': adminOnly,
  'admin.access': adminOnly,

  /**
   * procurement_* · insert/update/delete: the editors of the process's city
   * ("only the city's editors change its processes"; not coordinators, not admins).
   */
  'procurement.manage': byRole((ms, t) => edits(ms, t), {
    title: 'procurement.forbidden.title',
    body: 'procurement.forbidden.body',
  }),
  /** procurement_questions, procurement_interests · insert: members of the organization (verified: RLS). */
  'procurement.respond': byRole((ms, t) => belongs(ms, t), {
    title: 'procurement.respondForbidden.title',
    body: 'procurement.respondForbidden.body',
  }),
} as const satisfies Record<string, Definition>;

export type Permission = keyof typeof permissions;

/** Every permission name, for validating a name that comes from outside the code. */
export const permissionNames = Object.keys(permissions) as Permission[];

/** The permissions decided by memberships (the guard asks the database about these). */
export type RolePermission = {
  [P in Permission]: (typeof permissions)[P]['audience'] extends 'role' ? P : never;
}[Permission];

/** The audience of a permission: public, member or role. */
export function audienceOf(permission: Permission): Audience {
  return permissions[permission].audience;
}

/** What the 403 page says to someone refused `permission`, if it says something specific. */
export function deniedMessages(
  permission: Permission,
): { title: MessageKey; body: MessageKey } | undefined {
  return (permissions[permission] as Definition).denied;
}

/**
 * Whether a user with these memberships may do `permission` on `target`.
 * For showing or hiding actions only (islands, lists); routes ask the
 * database through the guard, and RLS decides.
 */
export function can(
  memberships: readonly Membership[],
  permission: Permission,
  target: Target = {},
  userId: string | null = null,
): boolean {
  const definition: Definition = permissions[permission];
  return definition.allows(memberships, target, userId);
}
