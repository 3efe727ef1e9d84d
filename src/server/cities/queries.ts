import type { CityFilters, Region } from '../../lib/cities/city-filters';
import type { Queryable } from '../db/types';
import type { FacetCount } from '../../lib/listing/facets';

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
  uncertain: boolean;
  isDemo: boolean;
  /** Every hub the city belongs to (`hub_cities`), real hubs first, by name. */
  hubs: CityHub[];
}

export interface City extends CitySummary {
  kpiSource: string | null;
  uncertainNote: string | null;
  latitude: number | null;
  longitude: number | null;
}

const columns = `c.id, c.slug, c.name, c.country, c.region, c.kpi_implemented as "kpiImplemented",
  c.uncertain, c.is_demo as "isDemo",
  coalesce((select jsonb_agg(jsonb_build_object('slug', h.slug, 'name', h.name) order by h.is_demo, h.name)
              from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
             where hc.city_id = c.id), '[]'::jsonb) as hubs`;
const from = 'from public.cities c';
export const cityPageSize = 24;

function whereClause(filters: CityFilters, except?: 'region' | 'country' | 'kpi') {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filters.region && except !== 'region') {
    params.push(filters.region);
    conditions.push(`c.region = $${params.length}`);
  }
  if (filters.country && except !== 'country') {
    params.push(filters.country);
    conditions.push(`c.country = $${params.length}`);
  }
  if (filters.kpi && except !== 'kpi') conditions.push('c.kpi_implemented');
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/** Lists cities with facet counts for the filter panel; demo cities sort after real ones. */
export async function listCities(db: Queryable, filters: CityFilters) {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * cityPageSize;
  const items = await db.query<CitySummary>(
    `select ${columns} ${from} ${where.sql}
      order by c.is_demo, c.name limit ${cityPageSize} offset ${offset}`,
    where.params,
  );
  const [totalRow] = await db.query<{ total: number }>(
    `select count(*)::int as total ${from} ${where.sql}`,
    where.params,
  );
  const byRegion = whereClause(filters, 'region');
  const byCountry = whereClause(filters, 'country');
  const byKpi = whereClause(filters, 'kpi');
  const region = await db.query<FacetCount<Region>>(
    `select /* bounded: one row per region */ c.region as value, count(*)::int as count ${from} ${byRegion.sql} group by c.region order by c.region`,
    byRegion.params,
  );
  const country = await db.query<FacetCount>(
    `select /* bounded: one row per country code */ c.country as value, count(*)::int as count ${from} ${byCountry.sql} group by c.country order by c.country`,
    byCountry.params,
  );
  const [kpi] = await db.query<{ count: number }>(
    `select count(*)::int as count ${from} ${byKpi.sql ? `${byKpi.sql} and` : 'where'} c.kpi_implemented`,
    byKpi.params,
  );
  return {
    items,
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: cityPageSize,
    facets: { region, country, kpiImplemented: kpi?.count ?? 0 },
  };
}

/** The city with this slug, or null. */
export async function findCity(db: Queryable, slug: string): Promise<City | null> {
  const [row] = await db.query<City>(
    `select ${columns}, c.kpi_source as "kpiSource", c.uncertain_note as "uncertainNote",
            c.latitude, c.longitude
       ${from} where c.slug = $1`,
    [slug],
  );
  return row ?? null;
}

/** Other cities in the same country, for "Connected". */
export function listPeerCities(db: Queryable, city: Pick<City, 'slug' | 'country'>) {
  return db.query<CitySummary>(
    `select ${columns} ${from} where c.country = $1 and c.slug <> $2 order by c.name limit 6`,
    [city.country, city.slug],
  );
}
