import type { RoleWithTarget } from '../auth/queries';

/**
 * What a person holds, read from their roles for the section sources: the
 * hubs they coordinate, the cities they edit, the organizations they belong
 * to. An admin's power over every hub is not "their" hub: the page lists the
 * hubs someone was made coordinator of.
 */
export function coordinatedHubIds(roles: readonly RoleWithTarget[]): string[] {
  return unique(roles.filter((r) => r.role === 'hub_coordinator').map((r) => r.hubId));
}

/** The cities the person edits, with their slug and name. */
export function editedCities(roles: readonly RoleWithTarget[]): RoleWithTarget[] {
  return roles.filter((r) => r.role === 'city_editor' && r.cityId && r.targetSlug);
}

/** The organizations the person belongs to, with slug, name and status. */
export function memberOrganizations(roles: readonly RoleWithTarget[]): RoleWithTarget[] {
  return roles.filter((r) => r.role === 'org_member' && r.organizationId && r.targetSlug);
}

function unique(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
