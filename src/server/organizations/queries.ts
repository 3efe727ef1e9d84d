import type {
  OrganizationFacet,
  OrganizationFilters,
  OrganizationKind,
  OrganizationStatus,
} from '../../lib/directory/organization-filters';
import type { FacetCount } from '../../lib/listing/facets';
import type { OrganizationSizeBand } from '../../lib/organizations/size-bands';
import type { RegionKey } from '../../lib/taxonomy/countries';
import type { ThemeKey } from '../../lib/taxonomy/themes';
import type { Queryable } from '../db/types';

/**
 * The partners domain's public reads: the directory and its facets, an
 * organization's page, its offerings (which procurement matches notices
 * against) and the hubs it partners with. Every read runs as the caller, so
 * RLS decides what is visible: verified organizations for everyone, a
 * pending or declined one for its members, its reviewers and admins.
 */

export interface OrganizationSummary {
  slug: string;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  summary: string;
  status: OrganizationStatus;
  isDemo: boolean;
  /** Themes of its offerings, in taxonomy order of first appearance. */
  themes: ThemeKey[];
}

export interface Organization extends OrganizationSummary {
  id: string;
  description: string;
  /** An absolute http(s) URL, or null; anything else that was stored is dropped. */
  websiteUrl: string | null;
  sizeBand: OrganizationSizeBand | null;
  regionsServed: RegionKey[];
  countriesServed: string[];
  kpiDimensions: ('EC' | 'EN' | 'SC')[];
  /** When it was first verified ("member since"). */
  verifiedAt: Date | null;
  submittedAt: Date | null;
  declineReason: string | null;
  createdBy: string | null;
}

export interface Offering {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  themes: ThemeKey[];
  sdgs: number[];
  position: number;
}

export interface PartnerHub {
  id: string;
  slug: string;
  name: string;
  region: RegionKey;
  isDemo: boolean;
}

export interface ImplementedRecommendation {
  id: string;
  slug: string;
  code: string | null;
  title: string;
}

export interface DirectoryListing {
  items: OrganizationSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<OrganizationFacet, FacetCount<string>[]>;
}

export const organizationPageSize = 24;

const summaryColumns = `o.slug, o.name, o.kind, o.country, o.summary, o.status, o.is_demo as "isDemo",
  coalesce((select array_agg(distinct t order by t) from public.organization_offerings f
             cross join lateral unnest(f.themes) t where f.organization_id = o.id), '{}') as themes`;

/**
 * One condition per filter, as SQL over `o` (public.organizations) with its
 * parameter. A facet is counted with every filter applied but its own, so
 * its other values still show what they would give.
 */
const conditions: Record<OrganizationFacet, (param: string) => string> = {
  kind: (p) => `o.kind = ${p}`,
  theme: (p) =>
    `exists (select 1 from public.organization_offerings f where f.organization_id = o.id and ${p} = any(f.themes))`,
  sdg: (p) =>
    `exists (select 1 from public.organization_offerings f where f.organization_id = o.id and ${p}::smallint = any(f.sdgs))`,
  dimension: (p) => `${p} = any(o.kpi_dimensions)`,
  region: (p) => `${p} = any(o.regions_served)`,
  country: (p) => `(o.country = ${p} or ${p} = any(o.countries_served))`,
  hub: (p) =>
    `exists (select 1 from public.hub_partners hp join public.hubs h on h.id = hp.hub_id
              where hp.organization_id = o.id and h.slug = ${p})`,
  recommendation: (p) =>
    `exists (select 1 from public.organization_deliverables od join public.deliverables d on d.id = od.deliverable_id
              where od.organization_id = o.id and d.slug = ${p})`,
  size: (p) => `o.size_band = ${p}`,
};

/** Each facet's values for the organizations matching `where` (`o` in scope). */
const facetValues: Record<OrganizationFacet, string> = {
  kind: 'select /* bounded: a facet (limit 300) */ o.kind as value, o.id from matching o',
  theme: `select /* bounded: a facet (limit 300) */ t as value, o.id from matching o join public.organization_offerings f on f.organization_id = o.id
            cross join lateral unnest(f.themes) t`,
  sdg: `select /* bounded: a facet (limit 300) */ s::text as value, o.id from matching o join public.organization_offerings f on f.organization_id = o.id
          cross join lateral unnest(f.sdgs) s`,
  dimension:
    'select /* bounded: a facet (limit 300) */ d as value, o.id from matching o cross join lateral unnest(o.kpi_dimensions) d',
  region:
    'select /* bounded: a facet (limit 300) */ r as value, o.id from matching o cross join lateral unnest(o.regions_served) r',
  country: `select /* bounded: a facet (limit 300) */ c as value, o.id from matching o
              cross join lateral unnest(array_append(o.countries_served, o.country)) c where c is not null`,
  hub: `select /* bounded: a facet (limit 300) */ h.slug as value, o.id from matching o join public.hub_partners hp on hp.organization_id = o.id
          join public.hubs h on h.id = hp.hub_id`,
  recommendation: `select /* bounded: a facet (limit 300) */ d.slug as value, o.id from matching o
                     join public.organization_deliverables od on od.organization_id = o.id
                     join public.deliverables d on d.id = od.deliverable_id`,
  size: 'select /* bounded: a facet (limit 300) */ o.size_band as value, o.id from matching o where o.size_band is not null',
};

function whereClause(filters: OrganizationFilters, except?: OrganizationFacet) {
  // The directory lists verified partners only, the same list for everyone; a
  // member's own pending organization is reached by its address (RLS decides).
  const parts = [`o.status = 'verified'`];
  const params: unknown[] = [];
  for (const facet of Object.keys(conditions) as OrganizationFacet[]) {
    const value = filters[facet];
    if (value === undefined || facet === except) continue;
    params.push(String(value));
    parts.push(conditions[facet](`$${params.length}`));
  }
  return { sql: parts.join(' and '), params };
}

/**
 * Lists verified organizations with the facet counts of the filter panel,
 * demo ones after real ones. `pageSize` is 24 for the page; the open-data
 * exports ask for more (bounded: at most 10,000).
 */
export async function listOrganizations(
  db: Queryable,
  filters: OrganizationFilters,
  options: { pageSize?: number; facets?: boolean } = {},
): Promise<DirectoryListing> {
  const pageSize = Math.min(Math.max(options.pageSize ?? organizationPageSize, 1), 10_000);
  const where = whereClause(filters);
  const offset = (filters.page - 1) * pageSize;
  const items = await db.query<OrganizationSummary>(
    `select ${summaryColumns} from public.organizations o where ${where.sql}
      order by o.is_demo, o.name limit ${pageSize} offset ${offset}`,
    where.params,
  );
  const [totalRow] = await db.query<{ total: number }>(
    `select count(*)::int as total from public.organizations o where ${where.sql}`,
    where.params,
  );
  const facets = Object.fromEntries(
    (Object.keys(facetValues) as OrganizationFacet[]).map((facet) => [facet, []]),
  ) as unknown as Record<OrganizationFacet, FacetCount<string>[]>;
  if (options.facets !== false) {
    for (const facet of Object.keys(facetValues) as OrganizationFacet[]) {
      const scoped = whereClause(filters, facet);
      facets[facet] = await db.query<FacetCount<string>>(
        `with matching as (select o.* from public.organizations o where ${scoped.sql})
         select v.value, count(distinct v.id)::int as count from (${facetValues[facet]}) v
          group by v.value order by count(distinct v.id) desc, v.value limit 300`,
        scoped.params,
      );
    }
  }
  return { items, total: totalRow?.total ?? 0, page: filters.page, pageSize, facets };
}

/** Keeps a stored website only if it is an absolute http or https URL, so a link can never run script. */
function safeWebsite(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const organizationColumns = `o.id, ${summaryColumns}, o.description, o.website_url as "websiteUrl",
  o.size_band as "sizeBand", o.regions_served as "regionsServed", o.countries_served as "countriesServed",
  o.kpi_dimensions as "kpiDimensions", o.verified_at as "verifiedAt", o.submitted_at as "submittedAt",
  o.decline_reason as "declineReason", o.created_by as "createdBy"`;

/**
 * The organization with this slug as the caller may see it, or null: RLS
 * shows visitors verified ones only, and members, reviewers and admins a
 * pending or declined one.
 */
export async function findOrganization(db: Queryable, slug: string): Promise<Organization | null> {
  const [row] = await db.query<Organization>(
    `select ${organizationColumns} from public.organizations o where o.slug = $1`,
    [slug],
  );
  return row ? { ...row, websiteUrl: safeWebsite(row.websiteUrl) } : null;
}

/** The same by id (use cases and the review queue). */
export async function findOrganizationById(
  db: Queryable,
  id: string,
): Promise<Organization | null> {
  const [row] = await db.query<Organization>(
    `select ${organizationColumns} from public.organizations o where o.id = $1`,
    [id],
  );
  return row ? { ...row, websiteUrl: safeWebsite(row.websiteUrl) } : null;
}

/** Hubs the organization is a partner of (`hub_partners`), for "Connected". */
export function listPartnerHubs(db: Queryable, organizationId: string): Promise<PartnerHub[]> {
  return db.query<PartnerHub>(
    `select h.id, h.slug, h.name, h.region, h.is_demo as "isDemo"
       from public.hub_partners hp join public.hubs h on h.id = hp.hub_id
      where hp.organization_id = $1
      order by h.is_demo, h.name limit 100`,
    [organizationId],
  );
}

/** The organization's offerings, in its own order. */
export function listOfferings(db: Queryable, organizationId: string): Promise<Offering[]> {
  return db.query<Offering>(
    `select f.id, f.organization_id as "organizationId", f.title, f.description, f.themes,
            f.sdgs::int[] as sdgs, f.position
       from public.organization_offerings f
      where f.organization_id = $1
      order by f.position, f.created_at limit 12`,
    [organizationId],
  );
}

/** ITU-T Recommendations the organization implements. */
export function listImplementedRecommendations(
  db: Queryable,
  organizationId: string,
): Promise<ImplementedRecommendation[]> {
  return db.query<ImplementedRecommendation>(
    `select d.id, d.slug, d.code, d.title
       from public.organization_deliverables od join public.deliverables d on d.id = od.deliverable_id
      where od.organization_id = $1
      order by d.code nulls last, d.title limit 100`,
    [organizationId],
  );
}

export interface OfferingWithOrganization extends Offering {
  organizationSlug: string;
  organizationName: string;
  isDemo: boolean;
}

/**
 * Offerings of verified organizations sharing a theme or an SDG with what is
 * asked: what procurement (a notice's themes) and matchmaking start from.
 */
export function listOfferingsMatching(
  db: Queryable,
  wanted: { themes: readonly string[]; sdgs: readonly number[] },
  limit = 500,
): Promise<OfferingWithOrganization[]> {
  return db.query<OfferingWithOrganization>(
    `select f.id, f.organization_id as "organizationId", f.title, f.description, f.themes,
            f.sdgs::int[] as sdgs, f.position, o.slug as "organizationSlug", o.name as "organizationName",
            o.is_demo as "isDemo"
       from public.organization_offerings f join public.organizations o on o.id = f.organization_id
      where o.status = 'verified' and (f.themes && $1::text[] or f.sdgs && $2::smallint[])
      order by o.name, f.position limit $3`,
    [wanted.themes, wanted.sdgs, Math.min(Math.max(limit, 1), 2000)],
  );
}

/** Recommendations a registration form may offer (ITU-T Recommendations, by code). */
export function listRecommendationOptions(db: Queryable): Promise<ImplementedRecommendation[]> {
  return db.query<ImplementedRecommendation>(
    `select d.id, d.slug, d.code, d.title from public.deliverables d
      where d.kind = 'recommendation' and d.published
      order by d.code nulls last, d.title limit 200`,
  );
}

/** Every hub, for the registration's choice of hubs to join. */
export function listHubOptions(db: Queryable): Promise<PartnerHub[]> {
  return db.query<PartnerHub>(
    `select h.id, h.slug, h.name, h.region, h.is_demo as "isDemo" from public.hubs h
      order by h.is_demo, h.name limit 200`,
  );
}

/** Names of hubs by slug (the directory's hub facet shows names). */
export async function hubNamesBySlug(
  db: Queryable,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.query<{ slug: string; name: string }>(
    'select slug, name from public.hubs where slug = any($1::text[]) limit 500',
    [slugs],
  );
  return new Map(rows.map((row) => [row.slug, row.name]));
}

/** Codes (or titles) of Recommendations by slug, for the directory's facet. */
export async function recommendationLabelsBySlug(
  db: Queryable,
  slugs: readonly string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.query<{ slug: string; label: string }>(
    `select slug, coalesce(code, title) as label from public.deliverables where slug = any($1::text[]) limit 500`,
    [slugs],
  );
  return new Map(rows.map((row) => [row.slug, row.label]));
}

export interface MyOrganization {
  id: string;
  slug: string;
  name: string;
  status: OrganizationStatus;
  orgRole: 'admin' | 'member';
  isDemo: boolean;
}

/** The organizations the signed-in person belongs to, with their role in each. */
export function listMyOrganizations(db: Queryable, userId: string): Promise<MyOrganization[]> {
  return db.query<MyOrganization>(
    `select o.id, o.slug, o.name, o.status, m.org_role as "orgRole", o.is_demo as "isDemo"
       from public.memberships m join public.organizations o on o.id = m.organization_id
      where m.user_id = $1 and m.role = 'org_member'
      order by o.name limit 100`,
    [userId],
  );
}

export interface OrganizationRecord {
  slug: string;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  websiteUrl: string | null;
  summary: string;
  sizeBand: OrganizationSizeBand | null;
  regionsServed: string[];
  countriesServed: string[];
  kpiDimensions: string[];
  themes: string[];
  sdgs: number[];
  hubs: string[];
  recommendations: string[];
  offerings: { title: string; description: string; themes: string[]; sdgs: number[] }[];
  memberSince: Date | null;
  isDemo: boolean;
}

/**
 * Verified organizations as open data (`/directory.csv`, `GET /api/organizations`):
 * the directory's filters, public fields only (never an e-mail address),
 * bounded pages.
 */
export async function listOrganizationRecords(
  db: Queryable,
  filters: OrganizationFilters,
  pageSize: number,
): Promise<{ items: OrganizationRecord[]; total: number }> {
  const size = Math.min(Math.max(pageSize, 1), 10_000);
  const where = whereClause(filters);
  const items = await db.query<OrganizationRecord>(
    `select o.slug, o.name, o.kind, o.country, o.website_url as "websiteUrl", o.summary,
            o.size_band as "sizeBand", o.regions_served as "regionsServed",
            o.countries_served as "countriesServed", o.kpi_dimensions as "kpiDimensions",
            coalesce((select array_agg(distinct t order by t) from public.organization_offerings f
                       cross join lateral unnest(f.themes) t where f.organization_id = o.id), '{}') as themes,
            coalesce((select array_agg(distinct s::int order by s::int) from public.organization_offerings f
                       cross join lateral unnest(f.sdgs) s where f.organization_id = o.id), '{}') as sdgs,
            coalesce((select array_agg(h.slug order by h.slug) from public.hub_partners hp
                       join public.hubs h on h.id = hp.hub_id where hp.organization_id = o.id), '{}') as hubs,
            coalesce((select array_agg(coalesce(d.code, d.slug) order by d.code) from public.organization_deliverables od
                       join public.deliverables d on d.id = od.deliverable_id where od.organization_id = o.id), '{}')
              as recommendations,
            coalesce((select jsonb_agg(jsonb_build_object('title', f.title, 'description', f.description,
                        'themes', f.themes, 'sdgs', f.sdgs) order by f.position)
                       from public.organization_offerings f where f.organization_id = o.id), '[]'::jsonb) as offerings,
            o.verified_at as "memberSince", o.is_demo as "isDemo"
       from public.organizations o where ${where.sql}
      order by o.is_demo, o.name limit ${size} offset ${(filters.page - 1) * size}`,
    where.params,
  );
  const [totalRow] = await db.query<{ total: number }>(
    `select count(*)::int as total from public.organizations o where ${where.sql}`,
    where.params,
  );
  return {
    items: items.map((item) => ({ ...item, websiteUrl: safeWebsite(item.websiteUrl) })),
    total: totalRow?.total ?? 0,
  };
}

export interface LinkableOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  isDemo: boolean;
}

/**
 * Organizations other domains may link publicly (a case study's partners,
 * a contract's supplier): verified ones only, by name, optionally those
 * with these ids (to check a choice). Bounded.
 */
export function listLinkableOrganizations(
  db: Queryable,
  options: { ids?: readonly string[]; limit?: number } = {},
): Promise<LinkableOrganization[]> {
  return db.query<LinkableOrganization>(
    `select o.id, o.slug, o.name, o.kind, o.is_demo as "isDemo" from public.organizations o
      where o.status = 'verified' and ($1::uuid[] is null or o.id = any($1::uuid[]))
      order by o.is_demo, o.name limit $2`,
    [options.ids ?? null, Math.min(Math.max(options.limit ?? 500, 1), 2000)],
  );
}

export interface OrganizationWaiting {
  organizationId: string;
  /** Contact requests not answered yet (0 unless the caller is one of its admins). */
  openRequests: number;
  /** Requests to join waiting (0 unless the caller is one of its admins). */
  pendingJoins: number;
}

/** What waits for the caller in each of these organizations (RLS: admins see their requests). */
export function listOrganizationWaiting(
  db: Queryable,
  organizationIds: readonly string[],
): Promise<OrganizationWaiting[]> {
  return db.query<OrganizationWaiting>(
    `select o.id as "organizationId",
            (select count(*)::int from public.organization_contact_requests c
              where c.organization_id = o.id and c.status = 'open' and public.is_org_admin(o.id)) as "openRequests",
            (select count(*)::int from public.organization_join_requests j
              where j.organization_id = o.id and j.status = 'pending' and public.is_org_admin(o.id)) as "pendingJoins"
       from public.organizations o where o.id = any($1::uuid[]) limit 100`,
    [organizationIds],
  );
}

export interface RegistrationWaiting {
  slug: string;
  name: string;
  submittedAt: Date | null;
  isDemo: boolean;
}

/**
 * Registrations waiting for the caller's review (those that chose a hub they
 * coordinate; all for platform admins): the first few, oldest first, and how many.
 */
export async function listRegistrationsWaiting(
  db: Queryable,
  limit = 5,
): Promise<{ total: number; items: RegistrationWaiting[] }> {
  const rows = await db.query<RegistrationWaiting & { total: number }>(
    `select o.slug, o.name, o.submitted_at as "submittedAt", o.is_demo as "isDemo",
            count(*) over ()::int as total
       from public.organizations o
      where o.status = 'pending' and (public.is_organization_reviewer(o.id) or public.is_platform_admin())
      order by o.submitted_at nulls first, o.name
      limit $1`,
    [Math.min(Math.max(limit, 1), 50)],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  };
}
