import type { Queryable } from '../db/types';
import { rankOpportunities, type Match } from './match-opportunities';
import { loadInterestsOf } from './matching-sources';
import { listOpenNotices, type MemberOrganization, type OpenNotice } from './queries';

export interface OrganizationOpportunities {
  organization: MemberOrganization;
  matching: { notice: OpenNotice; match: Match }[];
  other: OpenNotice[];
  /** The themes it gets mail about, and whether its members chose them. */
  followedThemes: readonly string[];
  themesChosen: boolean;
}

/**
 * An organization's dashboard: the open notices that match its offerings or
 * followed themes (best first), then every other open notice, and the themes
 * it follows. Unverified
 * organizations get the list too, but cannot respond until verified.
 */
export async function listOpportunities(
  db: Queryable,
  organizations: readonly MemberOrganization[],
): Promise<OrganizationOpportunities[]> {
  const notices = await listOpenNotices(db, 200);
  const interests = await loadInterestsOf(db, organizations);
  return organizations.map((organization) => {
    const own = interests.find((i) => i.id === organization.id) ?? {
      id: organization.id,
      verified: organization.verified,
      offerings: [],
      followedThemes: [],
    };
    const matches = rankOpportunities(notices, own);
    const matched = new Set(matches.map((m) => m.noticeId));
    return {
      organization,
      matching: matches.map((match) => ({
        match,
        notice: notices.find((n) => n.id === match.noticeId)!,
      })),
      other: notices.filter((n) => !matched.has(n.id)),
      followedThemes: own.followedThemes,
      themesChosen: own.themesChosen ?? false,
    };
  });
}
