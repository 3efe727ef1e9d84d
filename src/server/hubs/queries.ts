import type { Region } from '../../lib/cities/city-filters';
import type { Queryable } from '../db/types';
import type { FacetCount } from '../../lib/listing/facets';

export interface HubSummary {
  id: string;
  slug: string;
  name: string;
  region: Region;
  countries: string[];
  hostName: string | null;
  summary: string;
  isDemo: boolean;
  cityCount: number;
}

export interface Hub extends HubSummary {
  description: unknown;
  websiteUrl: string | null;
  sourceUrl: string | null;
  sinceLabel: string | null;
}

export interface HubFilters {
  region?: Region;
  country?: string;
}

const summaryColumns = `h.id, h.slug, h.name, h.region, h.countries, h.host_name as "hostName", h.summary,
  h.is_demo as "isDemo", (select count(*)::int from public.hub_cities hc where hc.hub_id = h.id) as "cityCount"`;

function whereClause(filters: HubFilters, except?: keyof HubFilters) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filters.region && except !== 'region') {
    params.push(filters.region);
    conditions.push(`h.region = $${params.length}`);
  }
  if (filters.country && except !== 'country') {
    params.push(filters.country);
    conditions.push(`$${params.length} = any(h.countries)`);
  }
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

export const hubPageSize = 24;

/**
 * One page of hubs (real ones first) with the total and the region and
 * country facet counts for the filter panel; the independent reads are sent
 * together.
 */
export async function listHubs(db: Queryable, filters: HubFilters & { page?: number }) {
  const where = whereClause(filters);
  const byRegion = whereClause(filters, 'region');
  const byCountry = whereClause(filters, 'country');
  const page = Math.max(1, Math.trunc(filters.page ?? 1));
  const [items, [total], region, country] = await Promise.all([
    db.query<HubSummary>(
      `select ${summaryColumns} from public.hubs h ${where.sql} order by h.is_demo, h.name
        limit ${hubPageSize} offset ${(page - 1) * hubPageSize}`,
      where.params,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from public.hubs h ${where.sql}`,
      where.params,
    ),
    db.query<FacetCount<Region>>(
      `select /* bounded: one row per region */ h.region as value, count(*)::int as count
         from public.hubs h ${byRegion.sql} group by h.region order by h.region`,
      byRegion.params,
    ),
    db.query<FacetCount>(
      `select /* bounded: one row per country code */ c as value, count(*)::int as count
         from public.hubs h, unnest(h.countries) as c ${byCountry.sql} group by c order by c`,
      byCountry.params,
    ),
  ]);
  return { items, total: total?.n ?? 0, page, pageSize: hubPageSize, facets: { region, country } };
}

export interface HubMarker {
  slug: string;
  name: string;
  countries: string[];
}

/** Every hub the filters select, for the map (its countries shaded, a dot on the first). */
export function listHubMarkers(db: Queryable, filters: HubFilters): Promise<HubMarker[]> {
  const where = whereClause(filters);
  return db.query<HubMarker>(
    `select h.slug, h.name, h.countries from public.hubs h ${where.sql} order by h.is_demo, h.name limit 1000`,
    where.params,
  );
}

export interface CityMapCell {
  latitude: number;
  longitude: number;
  /** Cities in this one-degree cell; `name` is the first one's. */
  count: number;
  name: string;
}

/**
 * Cities with coordinates for the hubs map, grouped in one-degree cells (at
 * the map's size a degree is under three pixels): one dot per place however
 * many cities the network has, each dot's title naming its city or counting
 * them. With filters, only cities of the hubs they select.
 */
export function listCityMapCells(db: Queryable, filters: HubFilters): Promise<CityMapCell[]> {
  const hubs = whereClause(filters);
  const inHubs = hubs.sql
    ? `and exists (select 1 from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
                    where hc.city_id = c.id and ${hubs.sql.replace(/^where /, '')})`
    : '';
  return db.query<CityMapCell>(
    `select avg(c.latitude)::float8 as latitude, avg(c.longitude)::float8 as longitude,
            count(*)::int as count, min(c.name) as name
       from public.cities c
      where c.latitude is not null and c.longitude is not null ${inHubs}
      group by round(c.latitude), round(c.longitude)
      order by count(*) desc limit 2000`,
    hubs.params,
  );
}

/** The hub with this slug, or null. */
export async function findHub(db: Queryable, slug: string): Promise<Hub | null> {
  const [row] = await db.query<Hub>(
    `select ${summaryColumns}, h.description, h.website_url as "websiteUrl", h.source_url as "sourceUrl",
            h.since_label as "sinceLabel"
       from public.hubs h where h.slug = $1`,
    [slug],
  );
  return row ?? null;
}

export interface HubPerson {
  displayName: string;
  affiliation: string | null;
  isDemo: boolean;
}

/** The hub's coordinators as shown publicly (their profile name and affiliation). */
export function listHubCoordinators(db: Queryable, hubId: string): Promise<HubPerson[]> {
  return db.query<HubPerson>(
    `select p.display_name as "displayName", p.affiliation, p.is_demo as "isDemo"
       from public.memberships m join public.profiles p on p.id = m.user_id
      where m.role = 'hub_coordinator' and m.hub_id = $1
      order by p.display_name limit 100`,
    [hubId],
  );
}

export interface HubMember {
  id: string;
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 code, shown with `countryName`. */
  country: string | null;
  isDemo: boolean;
  /** When the city or organization joined this hub. */
  joinedAt: Date;
}

/** How many cities and partners the public hub page names (the rest are counted). */
export const hubPageMemberLimit = 60;

const boundedLimit = (limit: number) => Math.min(Math.max(Math.trunc(limit), 1), 1000);

/** Member cities of a hub (`hub_cities`; a city may belong to other hubs too), the first `limit` by name. */
export function listHubCities(db: Queryable, hubId: string, limit = 1000): Promise<HubMember[]> {
  return db.query<HubMember>(
    `select c.id, c.slug, c.name, c.country, c.is_demo as "isDemo", hc.created_at as "joinedAt"
       from public.hub_cities hc join public.cities c on c.id = hc.city_id
      where hc.hub_id = $1 order by c.is_demo, c.name limit ${boundedLimit(limit)}`,
    [hubId],
  );
}

/** Partner organizations of a hub that the caller may see (verified ones, for visitors), the first `limit`. */
export function listHubPartners(db: Queryable, hubId: string, limit = 1000): Promise<HubMember[]> {
  return db.query<HubMember>(
    `select o.id, o.slug, o.name, o.country, o.is_demo as "isDemo", hp.created_at as "joinedAt"
       from public.hub_partners hp join public.organizations o on o.id = hp.organization_id
      where hp.hub_id = $1 order by o.is_demo, o.name limit ${boundedLimit(limit)}`,
    [hubId],
  );
}

export interface HubLink {
  slug: string;
  name: string;
  isDemo: boolean;
}

/** The hubs a city belongs to, by name (`hub_cities`). */
export function listCityHubs(db: Queryable, cityId: string): Promise<HubLink[]> {
  return db.query<HubLink>(
    `select h.slug, h.name, h.is_demo as "isDemo"
       from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
      where hc.city_id = $1 order by h.is_demo, h.name limit 200`,
    [cityId],
  );
}

export interface HubOption {
  id: string;
  slug: string;
  name: string;
}

/** Every hub by name, for filters. */
export function listHubOptions(db: Queryable): Promise<HubOption[]> {
  return db.query<HubOption>(
    'select id, slug, name from public.hubs order by is_demo, name limit 2000',
  );
}

/** Hubs the caller coordinates (all of them for an admin): where they may publish. */
export function listManagedHubs(db: Queryable): Promise<HubOption[]> {
  return db.query<HubOption>(
    `select id, slug, name from public.hubs h
      where (select public.is_platform_admin()) or public.is_hub_coordinator(h.id)
      order by is_demo, name limit 2000`,
  );
}

export interface HubWithRequests extends HubOption {
  isDemo: boolean;
  /** Membership requests waiting for a decision. */
  pendingRequests: number;
}

/**
 * The hubs with these ids (the ones a person coordinates) and how many
 * membership requests wait in each, for their "Your work" page. RLS shows
 * the requests to the hub's coordinators (and admins) only.
 */
export function listHubsWithRequests(
  db: Queryable,
  hubIds: readonly string[],
  limit = 20,
): Promise<HubWithRequests[]> {
  if (hubIds.length === 0) return Promise.resolve([]);
  return db.query<HubWithRequests>(
    `select h.id, h.slug, h.name, h.is_demo as "isDemo",
            (select count(*)::integer from public.hub_membership_applications a
              where a.hub_id = h.id and a.status = 'pending') as "pendingRequests"
       from public.hubs h where h.id = any($1::uuid[])
      order by h.is_demo, h.name limit $2`,
    [hubIds, limit],
  );
}

export interface MembershipRequest {
  id: string;
  hubId: string;
  hubSlug: string;
  hubName: string;
  applicantKind: 'city' | 'organization';
  /** The city's or the organization's id. */
  applicantId: string;
  applicantName: string;
  status: 'pending' | 'approved' | 'declined';
  createdAt: Date;
  decidedAt: Date | null;
}

const requestColumns = `a.id, a.hub_id as "hubId", h.slug as "hubSlug", h.name as "hubName",
  case when a.city_id is not null then 'city' else 'organization' end as "applicantKind",
  coalesce(a.city_id, a.organization_id) as "applicantId", coalesce(c.name, o.name) as "applicantName",
  a.status, a.created_at as "createdAt",
  a.decided_at as "decidedAt"`;
const requestFrom = `from public.hub_membership_applications a
  join public.hubs h on h.id = a.hub_id
  left join public.cities c on c.id = a.city_id
  left join public.organizations o on o.id = a.organization_id`;

/** The oldest requests waiting in each of these hubs, at most `perHub` each (RLS: their coordinators). */
export function listPendingRequests(
  db: Queryable,
  hubIds: readonly string[],
  perHub = 5,
): Promise<MembershipRequest[]> {
  if (hubIds.length === 0) return Promise.resolve([]);
  return db.query<MembershipRequest>(
    `select "id", "hubId", "hubSlug", "hubName", "applicantKind", "applicantId", "applicantName", status,
            "createdAt", "decidedAt"
       from (select ${requestColumns},
                    row_number() over (partition by a.hub_id order by a.created_at, a.id) as position
               ${requestFrom}
              where a.hub_id = any($1::uuid[]) and a.status = 'pending') ranked
      where position <= $2
      order by "hubName", "createdAt"`,
    [hubIds, perHub],
  );
}

/**
 * The requests made for these cities and organizations (the ones a person
 * edits or belongs to): those waiting, then the latest decisions, at most
 * `limit`. RLS shows them to the city's editors and the organization's members.
 */
export function listRequestsFor(
  db: Queryable,
  applicants: { cityIds: readonly string[]; organizationIds: readonly string[] },
  limit = 10,
): Promise<MembershipRequest[]> {
  if (applicants.cityIds.length === 0 && applicants.organizationIds.length === 0) {
    return Promise.resolve([]);
  }
  return db.query<MembershipRequest>(
    `select ${requestColumns} ${requestFrom}
      where a.city_id = any($1::uuid[]) or a.organization_id = any($2::uuid[])
      order by (a.status = 'pending') desc, coalesce(a.decided_at, a.created_at) desc, a.id
      limit $3`,
    [applicants.cityIds, applicants.organizationIds, limit],
  );
}
