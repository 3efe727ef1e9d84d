import {
  cityFacetNames,
  type CityFacetName,
  type CityFilters,
  type Region,
} from '../../lib/cities/city-filters';
import type { FacetCount } from '../../lib/listing/facets';
import { populationBands } from '../../lib/taxonomy/bands';
import type { Queryable } from '../db/types';

/**
 * Reads of the cities domain: the `/cities` listing with its facets, a city's
 * profile, its contact. Case studies, partners and peers of a city come from
 * the case-studies domain's queries.
 */

export interface CityHub {
  slug: string;
  name: string;
}

export interface CitySummary {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 code ("NO"); pages show `countryName(code)`. */
  country: string;
  region: Region;
  kpiImplemented: boolean;
  /** Third-party verification of its U4SSC KPIs: true, false, or null when not known. */
  kpiVerified: boolean | null;
  uncertain: boolean;
  isDemo: boolean;
  population: number | null;
  /** Every hub the city belongs to (`hub_cities`), real hubs first, by name. */
  hubs: CityHub[];
}

export interface City extends CitySummary {
  kpiSource: string | null;
  uncertainNote: string | null;
  kpiYear: number | null;
  kpiReportUrl: string | null;
  latitude: number | null;
  longitude: number | null;
  populationYear: number | null;
  sdgPriorities: number[];
  profile: string;
  contactEmail: string | null;
  websiteUrl: string | null;
  hubIds: string[];
}

const columns = `c.id, c.slug, c.name, c.country, c.region, c.kpi_implemented as "kpiImplemented",
  c.kpi_verified as "kpiVerified", c.uncertain, c.is_demo as "isDemo", c.population,
  coalesce((select jsonb_agg(jsonb_build_object('slug', h.slug, 'name', h.name) order by h.is_demo, h.name)
              from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
             where hc.city_id = c.id), '[]'::jsonb) as hubs`;
export const cityPageSize = 24;

/**
 * The population band of `column` in SQL, built from the bands of
 * src/lib/taxonomy/bands.ts so that the listing and the taxonomy agree.
 */
export function populationBandSql(column: string): string {
  const cases = populationBands
    .map((band) =>
      band.max === null ? `else '${band.key}'` : `when ${column} < ${band.max} then '${band.key}'`,
    )
    .join(' ');
  return `(case when ${column} is null or ${column} < 0 then null ${cases} end)`;
}

/**
 * Every city with the facts its facets read: size band, hubs, and the themes
 * of its published case studies (as lead or partner city).
 */
const factsCte = `
  city_themes as (
    select x.city_id, array_agg(distinct x.theme) as themes
      from (select cs.lead_city_id as city_id, t.theme
              from public.case_studies cs, unnest(cs.themes) as t(theme) where cs.status = 'published'
            union all
            select cc.city_id, t.theme
              from public.case_study_cities cc join public.case_studies cs on cs.id = cc.case_study_id,
                   unnest(cs.themes) as t(theme)
             where cs.status = 'published') as x
     group by x.city_id
  ),
  facts as (
    select c.id, c.country, c.region, c.kpi_implemented, c.kpi_verified, c.is_demo, c.name,
           ${populationBandSql('c.population')} as size,
           array(select h.slug from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
                  where hc.city_id = c.id) as hubs,
           coalesce(ct.themes, '{}') as themes
      from public.cities c left join city_themes ct on ct.city_id = c.id
  )`;

function conditions(filters: CityFilters, params: unknown[], except?: CityFacetName): string {
  const out: string[] = [];
  const add = (name: CityFacetName, sql: (p: string) => string, value: unknown) => {
    if (value === undefined || name === except) return;
    params.push(value);
    out.push(sql(`$${params.length}`));
  };
  add('country', (p) => `f.country = ${p}`, filters.country);
  add('region', (p) => `f.region = ${p}`, filters.region);
  add('hub', (p) => `${p} = any (f.hubs)`, filters.hub);
  add('size', (p) => `f.size = ${p}`, filters.size);
  add('theme', (p) => `${p} = any (f.themes)`, filters.theme);
  if (filters.kpi && except !== 'kpi')
    out.push(filters.kpi === 'verified' ? 'f.kpi_verified is true' : 'f.kpi_implemented');
  return out.length > 0 ? `where ${out.join(' and ')}` : '';
}

export interface CityListing {
  items: CitySummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<CityFacetName, (FacetCount & { label?: string })[]>;
}

/**
 * Cities matching every filter, real ones first, one page, with each facet's
 * counts (a facet in use counted without its own filter). No city is ranked:
 * the order is alphabetical.
 */
export async function listCities(db: Queryable, filters: CityFilters): Promise<CityListing> {
  const params: unknown[] = [];
  const where = conditions(filters, params);
  const offset = (filters.page - 1) * cityPageSize;
  const items = await db.query<CitySummary & { total: number }>(
    `with ${factsCte}
     select ${columns}, count(*) over ()::int as total
       from facts f join public.cities c on c.id = f.id ${where}
      order by c.is_demo, c.name limit ${cityPageSize} offset ${offset}`,
    params,
  );
  let total = items[0]?.total ?? 0;
  if (items.length === 0 && filters.page > 1) {
    const countParams: unknown[] = [];
    const [row] = await db.query<{ total: number }>(
      `with ${factsCte} select count(*)::int as total from facts f ${conditions(filters, countParams)}`,
      countParams,
    );
    total = row?.total ?? 0;
  }
  const countParams: unknown[] = [];
  const parts = cityFacetNames.map((name) => {
    const where = conditions(filters, countParams, name);
    const value =
      name === 'hub'
        ? 'unnest(f.hubs)'
        : name === 'theme'
          ? 'unnest(f.themes)'
          : name === 'kpi'
            ? `unnest(array_remove(array[case when f.kpi_implemented then 'implemented' end,
                                         case when f.kpi_verified then 'verified' end], null))`
            : `f.${name}`;
    return `select /* bounded: one row per facet value */ '${name}' as facet, v.value, count(*)::int as count
              from facts f, lateral (select ${value} as value) as v ${where}
             group by v.value`;
  });
  const counts = await db.query<{ facet: CityFacetName; value: string | null; count: number }>(
    `/* bounded: one row per facet value */ with ${factsCte} ${parts.join(' union all ')}`,
    countParams,
  );
  const hubNames = await db.query<{ slug: string; name: string; isDemo: boolean }>(
    'select slug, name, is_demo as "isDemo" from public.hubs order by is_demo, name limit 500',
  );
  const facets = Object.fromEntries(
    cityFacetNames.map((name) => [name, []]),
  ) as unknown as CityListing['facets'];
  for (const row of counts) {
    if (row.value === null) continue;
    const hub = row.facet === 'hub' ? hubNames.find((h) => h.slug === row.value) : undefined;
    facets[row.facet].push({ value: row.value, count: row.count, label: hub?.name });
  }
  const bandOrder = populationBands.map((band) => band.key as string);
  facets.size.sort((a, b) => bandOrder.indexOf(a.value) - bandOrder.indexOf(b.value));
  facets.hub.sort(
    (a, b) =>
      hubNames.findIndex((h) => h.slug === a.value) - hubNames.findIndex((h) => h.slug === b.value),
  );
  facets.kpi.sort((a, b) => (a.value === 'implemented' ? -1 : b.value === 'implemented' ? 1 : 0));
  for (const name of ['country', 'region', 'theme'] as const)
    facets[name].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    items: items.map(({ total: _total, ...item }) => item),
    total,
    page: filters.page,
    pageSize: cityPageSize,
    facets,
  };
}

/** The city with this slug and its profile, or null. */
export async function findCity(db: Queryable, slug: string): Promise<City | null> {
  const [row] = await db.query<City>(
    `select ${columns}, c.kpi_source as "kpiSource", c.uncertain_note as "uncertainNote",
            c.kpi_year as "kpiYear", c.kpi_report_url as "kpiReportUrl",
            c.latitude, c.longitude, c.population_year as "populationYear",
            c.sdg_priorities as "sdgPriorities", c.profile, c.contact_email as "contactEmail",
            c.website_url as "websiteUrl",
            array(select hc.hub_id::text from public.hub_cities hc where hc.city_id = c.id) as "hubIds"
       from public.cities c where c.slug = $1`,
    [slug],
  );
  return row ?? null;
}

/** A city's role address (the contact case studies show), or null. */
export async function findCityContact(db: Queryable, cityId: string): Promise<string | null> {
  const [row] = await db.query<{ email: string | null }>(
    'select c.contact_email as email from public.cities c where c.id = $1',
    [cityId],
  );
  return row?.email ?? null;
}
