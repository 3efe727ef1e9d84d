import type { Queryable } from '../db/types';
import { listOfferings, listOfferingsMatching } from '../organizations/queries';
import type { NoticeTopics, OrganizationInterests } from './match-opportunities';
import { listThemeChoices, listThemeChoicesForNotice } from './private-queries';

/**
 * The thin adapter between the matching rule (`match-opportunities.ts`) and
 * the partners domain, which stores organizations' offerings
 * (`organization_offerings`, read through its `queries.ts`). An organization
 * follows the themes its members chose (`procurement_theme_follows`), or,
 * until they choose, the themes of its offerings.
 */
function interestsFrom(
  organizations: readonly { id: string; verified: boolean }[],
  offerings: readonly {
    id: string;
    organizationId: string;
    title: string;
    themes: readonly string[];
    sdgs: readonly number[];
  }[],
  choices: ReadonlyMap<string, readonly string[]>,
): OrganizationInterests[] {
  return organizations.map((org) => {
    const own = offerings
      .filter((offering) => offering.organizationId === org.id)
      .map((offering) => ({
        id: offering.id,
        title: offering.title,
        themes: offering.themes,
        sdgs: offering.sdgs,
      }));
    const chosen = choices.get(org.id);
    const followedThemes = chosen ?? [...new Set(own.flatMap((o) => o.themes))];
    return { ...org, offerings: own, followedThemes, themesChosen: chosen !== undefined };
  });
}

/** The interests of the given organizations (an organization's dashboard). */
export async function loadInterestsOf(
  db: Queryable,
  organizations: readonly { id: string; verified: boolean }[],
): Promise<OrganizationInterests[]> {
  const some = organizations.slice(0, 50);
  const offerings = (await Promise.all(some.map((org) => listOfferings(db, org.id)))).flat();
  const choices = await listThemeChoices(
    db,
    some.map((org) => org.id),
  );
  return interestsFrom(organizations, offerings, choices);
}

/**
 * The verified organizations with an offering that shares a theme or an SDG
 * with a notice, with the themes they follow (read as the process's city
 * editor, in the transaction that publishes the notice).
 */
export async function loadInterestsMatching(
  db: Queryable,
  notice: Pick<NoticeTopics, 'id' | 'themes' | 'sdgs'>,
): Promise<OrganizationInterests[]> {
  const offerings = await listOfferingsMatching(db, notice, 2000);
  const organizations = [...new Set(offerings.map((o) => o.organizationId))].map((id) => ({
    id,
    verified: true,
  }));
  const choices = await listThemeChoicesForNotice(
    db,
    notice.id,
    organizations.map((org) => org.id),
  );
  return interestsFrom(organizations, offerings, choices);
}
