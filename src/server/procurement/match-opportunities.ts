/**
 * Which organizations a notice concerns, and which notices concern an
 * organization: pure functions over themes and SDGs, so the rule is one and
 * tested (tests/unit/procurement-matching.test.ts). The data comes from the
 * partners domain (offerings, followed themes) through a thin adapter
 * (`matching-sources.ts`).
 *
 * The rule:
 * - an organization's offering matches a notice when they share a theme or
 *   an SDG; the organization matches when one of its offerings does, or when
 *   it follows one of the notice's themes;
 * - it is told by mail when it is verified, one of its offerings matches,
 *   and it follows at least one of the notice's themes (following is how an
 *   organization chooses the mail it gets);
 * - opportunities are ranked by shared themes (2 points each, 3 when
 *   followed), then shared SDGs (1 each), then the nearest deadline.
 */
export interface NoticeTopics {
  id: string;
  themes: readonly string[];
  sdgs: readonly number[];
  deadline: Date;
}

export interface Offering {
  id: string;
  title: string;
  themes: readonly string[];
  sdgs: readonly number[];
}

export interface OrganizationInterests {
  id: string;
  verified: boolean;
  offerings: readonly Offering[];
  followedThemes: readonly string[];
  /** Whether its members chose the followed themes (otherwise: its offerings' themes). */
  themesChosen?: boolean;
}

export interface Match {
  noticeId: string;
  score: number;
  sharedThemes: string[];
  sharedSdgs: number[];
  followedThemes: string[];
  /** The offerings that match, by title, for "matches your offering …". */
  offerings: string[];
}

const intersect = <T>(a: readonly T[], b: readonly T[]) => a.filter((value) => b.includes(value));

/** How (and whether) a notice matches an organization; null when nothing is shared. */
export function matchNotice(notice: NoticeTopics, org: OrganizationInterests): Match | null {
  const matching = org.offerings.filter(
    (offering) =>
      intersect(offering.themes, notice.themes).length > 0 ||
      intersect(offering.sdgs, notice.sdgs).length > 0,
  );
  const followed = intersect(notice.themes, org.followedThemes);
  if (matching.length === 0 && followed.length === 0) return null;
  const offeredThemes = [...new Set(matching.flatMap((o) => intersect(notice.themes, o.themes)))];
  const sharedThemes = [...new Set([...offeredThemes, ...followed])].sort(
    (a, b) => notice.themes.indexOf(a) - notice.themes.indexOf(b),
  );
  const sharedSdgs = [...new Set(matching.flatMap((o) => intersect(notice.sdgs, o.sdgs)))].sort(
    (a, b) => a - b,
  );
  const score =
    sharedThemes.reduce((sum, theme) => sum + (followed.includes(theme) ? 3 : 2), 0) +
    sharedSdgs.length;
  return {
    noticeId: notice.id,
    score,
    sharedThemes,
    sharedSdgs,
    followedThemes: followed,
    offerings: matching.map((o) => o.title),
  };
}

/** The notices that match an organization, best first, then by the nearest deadline. */
export function rankOpportunities(
  notices: readonly NoticeTopics[],
  org: OrganizationInterests,
): Match[] {
  const deadlines = new Map(notices.map((n) => [n.id, n.deadline.getTime()]));
  return notices
    .map((notice) => matchNotice(notice, org))
    .filter((match): match is Match => match !== null)
    .sort((a, b) => b.score - a.score || deadlines.get(a.noticeId)! - deadlines.get(b.noticeId)!);
}

/** The organizations to tell by mail about a notice: verified, with a matching offering, following one of its themes. */
export function organizationsToNotify(
  notice: NoticeTopics,
  organizations: readonly OrganizationInterests[],
): string[] {
  return organizations
    .filter((org) => {
      if (!org.verified || intersect(notice.themes, org.followedThemes).length === 0) return false;
      const match = matchNotice(notice, { ...org, followedThemes: [] });
      return match !== null;
    })
    .map((org) => org.id);
}
