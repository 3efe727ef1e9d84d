import type { Queryable } from '../db/types';
import type { OrganizationInterests } from './match-opportunities';

/**
 * The thin adapter between the matching rule (`match-opportunities.ts`) and
 * where organizations' offerings and followed themes are stored: the
 * partners domain's `public.organization_offerings (id, organization_id,
 * title, description, themes, sdgs)`. Until that table exists (it arrives
 * with the partners work), organizations have no offerings and follow no
 * themes, so nothing matches and no mail is sent; the dashboard still lists
 * every open notice.
 */
export async function loadOrganizationInterests(
  db: Queryable,
  organizationIds: readonly string[] | null,
): Promise<OrganizationInterests[]> {
  const [ready] = await db.query<{ offerings: boolean }>(
    `select to_regclass('public.organization_offerings') is not null as offerings`,
  );
  const orgs = await db.query<{ id: string; verified: boolean }>(
    `select o.id, o.status = 'verified' as verified from public.organizations o
      where ($1::uuid[] is null or o.id = any ($1::uuid[])) and o.status = 'verified'
      order by o.id limit 5000`,
    [organizationIds],
  );
  if (!ready?.offerings || orgs.length === 0) {
    return orgs.map((org) => ({ ...org, offerings: [], followedThemes: [] }));
  }
  const offerings = await db.query<{
    id: string;
    organizationId: string;
    title: string;
    themes: string[];
    sdgs: number[];
  }>(
    `select f.id, f.organization_id as "organizationId", f.title, f.themes, f.sdgs::int[] as sdgs
       from public.organization_offerings f where f.organization_id = any ($1::uuid[]) limit 20000`,
    [orgs.map((org) => org.id)],
  );
  return orgs.map((org) => {
    const own = offerings.filter((o) => o.organizationId === org.id);
    return {
      ...org,
      offerings: own,
      followedThemes: [...new Set(own.flatMap((o) => o.themes))],
    };
  });
}
