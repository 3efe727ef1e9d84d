import type { CityInput, Need, PartnerInput, Place } from '../../lib/organizations/matching';
import type { Queryable } from '../db/types';
import type { OrganizationKind } from '../../lib/directory/organization-filters';
import { listCityCaseStudyNeeds } from '../case-studies/queries';
import { listCityOpenNoticeNeeds } from '../procurement/queries';

/**
 * What matchmaking reads (src/lib/organizations/matching.ts ranks it):
 * verified organizations with their offerings and where they work, and
 * cities with where they are and what they work on: their published case
 * studies (as lead or partner city), read through the case-studies domain,
 * and its notices open now, read through the procurement domain.
 */

/** Each city's needs: its published case studies and open notices, by city id. */
async function needsOf(db: Queryable, cityIds: readonly string[]): Promise<Map<string, Need[]>> {
  const needs = new Map<string, Need[]>();
  const [caseStudies, notices] = await Promise.all([
    listCityCaseStudyNeeds(db, cityIds),
    listCityOpenNoticeNeeds(db, cityIds),
  ]);
  for (const { cityId, ...need } of [...caseStudies, ...notices]) {
    const list = needs.get(cityId) ?? [];
    list.push(need);
    needs.set(cityId, list);
  }
  return needs;
}

export interface PartnerForMatching extends PartnerInput {
  slug: string;
  name: string;
  kind: OrganizationKind;
  isDemo: boolean;
}

export interface CityForMatching extends CityInput {
  slug: string;
  name: string;
  isDemo: boolean;
}

/** Every verified organization with offerings, bounded. */
export async function listPartnersForMatching(db: Queryable): Promise<PartnerForMatching[]> {
  const rows = await db.query<{
    id: string;
    slug: string;
    name: string;
    kind: OrganizationKind;
    is_demo: boolean;
    country: string | null;
    countries_served: string[];
    regions_served: string[];
    hub_ids: string[];
    offerings: { title: string; themes: string[]; sdgs: number[] }[];
  }>(
    `select o.id, o.slug, o.name, o.kind, o.is_demo, o.country, o.countries_served, o.regions_served,
            coalesce((select array_agg(hp.hub_id) from public.hub_partners hp where hp.organization_id = o.id), '{}') as hub_ids,
            (select jsonb_agg(jsonb_build_object('title', f.title, 'themes', f.themes, 'sdgs', f.sdgs) order by f.position)
               from public.organization_offerings f where f.organization_id = o.id) as offerings
       from public.organizations o
      where o.status = 'verified'
        and exists (select 1 from public.organization_offerings f where f.organization_id = o.id)
      order by o.name limit 2000`,
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    isDemo: row.is_demo,
    country: row.country,
    countriesServed: row.countries_served,
    regionsServed: row.regions_served,
    hubIds: row.hub_ids,
    offerings: row.offerings ?? [],
  }));
}

/** The offerings and places of one organization (as its members see it), for its own matches. */
export async function findPartnerForMatching(
  db: Queryable,
  organizationId: string,
): Promise<PartnerInput | null> {
  const [row] = await db.query<{
    country: string | null;
    countries_served: string[];
    regions_served: string[];
    hub_ids: string[];
    offerings: { title: string; themes: string[]; sdgs: number[] }[] | null;
  }>(
    `select o.country, o.countries_served, o.regions_served,
            coalesce((select array_agg(hp.hub_id) from public.hub_partners hp where hp.organization_id = o.id), '{}') as hub_ids,
            (select jsonb_agg(jsonb_build_object('title', f.title, 'themes', f.themes, 'sdgs', f.sdgs) order by f.position)
               from public.organization_offerings f where f.organization_id = o.id) as offerings
       from public.organizations o where o.id = $1`,
    [organizationId],
  );
  if (!row) return null;
  return {
    id: organizationId,
    country: row.country,
    countriesServed: row.countries_served,
    regionsServed: row.regions_served,
    hubIds: row.hub_ids,
    offerings: row.offerings ?? [],
  };
}

export interface CityOption {
  slug: string;
  name: string;
  isDemo: boolean;
}

/** Cities to choose from on the matching form, and the ones the caller edits first. */
export function listCityOptions(db: Queryable): Promise<(CityOption & { mine: boolean })[]> {
  return db.query<CityOption & { mine: boolean }>(
    `select c.slug, c.name, c.is_demo as "isDemo", public.is_city_editor(c.id) as mine
       from public.cities c order by public.is_city_editor(c.id) desc, c.name limit 1000`,
  );
}

interface CityRow {
  id: string;
  slug: string;
  name: string;
  is_demo: boolean;
  country: string;
  region: string;
  hub_ids: string[];
}

const cityColumns = `c.id, c.slug, c.name, c.is_demo, c.country, c.region,
  coalesce((select array_agg(hc.hub_id) from public.hub_cities hc where hc.city_id = c.id), '{}') as hub_ids`;

function placeOf(row: CityRow): Place {
  return { country: row.country, region: row.region, hubIds: row.hub_ids };
}

/** One city's place and needs (for "partners for your challenges"). */
export async function findCityForMatching(
  db: Queryable,
  slug: string,
): Promise<CityForMatching | null> {
  const [row] = await db.query<CityRow>(
    `select ${cityColumns} from public.cities c where c.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const needs = await needsOf(db, [row.id]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    isDemo: row.is_demo,
    place: placeOf(row),
    needs: needs.get(row.id) ?? [],
  };
}

/** Every city with its place and needs (for "cities working on what you offer"), bounded. */
export async function listCitiesForMatching(db: Queryable): Promise<CityForMatching[]> {
  const rows = await db.query<CityRow>(
    `select ${cityColumns} from public.cities c order by c.name limit 2000`,
  );
  const needs = await needsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    isDemo: row.is_demo,
    place: placeOf(row),
    needs: needs.get(row.id) ?? [],
  }));
}
