import type { Queryable } from '../db/types';
import { listOfferings, listOfferingsMatching } from '../organizations/queries';
import type { NoticeTopics, OrganizationInterests } from './match-opportunities';

/**
 * The thin adapter between the matching rule (`match-opportunities.ts`) and
 * the partners domain, which stores organizations' offerings
 * (`organization_offerings`, read through its `queries.ts`). An organization
 * follows the themes of its offerings: its admins choose them, and that is
 * the choice the mail rule reads.
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
    return { ...org, offerings: own, followedThemes: [...new Set(own.flatMap((o) => o.themes))] };
  });
}

/** The interests of the given organizations (an organization's dashboard). */
export async function loadInterestsOf(
  db: Queryable,
  organizations: readonly { id: string; verified: boolean }[],
): Promise<OrganizationInterests[]> {
  const offerings = (
    await Promise.all(organizations.slice(0, 50).map((org) => listOfferings(db, org.id)))
  ).flat();
  return interestsFrom(organizations, offerings);
}

/** The verified organizations with an offering that shares a theme or an SDG with a notice. */
export async function loadInterestsMatching(
  db: Queryable,
  notice: Pick<NoticeTopics, 'themes' | 'sdgs'>,
): Promise<OrganizationInterests[]> {
  const offerings = await listOfferingsMatching(db, notice, 2000);
  const organizations = [...new Set(offerings.map((o) => o.organizationId))].map((id) => ({
    id,
    verified: true,
  }));
  return interestsFrom(organizations, offerings);
}
