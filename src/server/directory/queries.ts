import type {
  OrganizationFilters,
  OrganizationKind,
  OrganizationStatus,
} from '../../lib/directory/organization-filters';
import type { Region } from '../../lib/cities/city-filters';
import type { Queryable } from '../db/types';
import type { FacetCount } from '../../lib/listing/facets';

export interface OrganizationSummary {
  slug: string;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  summary: string;
  status: OrganizationStatus;
  isDemo: boolean;
}

export interface Organization extends OrganizationSummary {
  id: string;
  /** An absolute http(s) URL, or null; anything else that was stored is dropped. */
  websiteUrl: string | null;
}

export interface PartnerHub {
  slug: string;
  name: string;
  region: Region;
  isDemo: boolean;
}

const columns = `o.slug, o.name, o.kind, o.country, o.summary, o.status, o.is_demo as "isDemo"`;
// The directory lists verified partners only, the same list for everyone; a
// member's own pending organization is reached by its address (RLS decides).
const from = `from public.organizations o`;
const listed = `o.status = 'verified'`;
export const organizationPageSize = 24;

function whereClause(filters: OrganizationFilters, except?: 'kind' | 'country') {
  const conditions: string[] = [listed];
  const params: unknown[] = [];
  if (filters.kind && except !== 'kind') {
    params.push(filters.kind);
    conditions.push(`o.kind = $${params.length}`);
  }
  if (filters.country && except !== 'country') {
    params.push(filters.country);
    conditions.push(`o.country = $${params.length}`);
  }
  return { sql: `where ${conditions.join(' and ')}`, params };
}

/**
 * Lists verified partner organizations with the facet counts of the filter
 * panel (each facet counted with the other filters applied); demo ones sort
 * after real ones.
 */
export async function listOrganizations(db: Queryable, filters: OrganizationFilters) {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * organizationPageSize;
  const items = await db.query<OrganizationSummary>(
    `select ${columns} ${from} ${where.sql}
      order by o.is_demo, o.name limit ${organizationPageSize} offset ${offset}`,
    where.params,
  );
  const [totalRow] = await db.query<{ total: number }>(
    `select count(*)::int as total ${from} ${where.sql}`,
    where.params,
  );
  const byKind = whereClause(filters, 'kind');
  const byCountry = whereClause(filters, 'country');
  const kind = await db.query<FacetCount<OrganizationKind>>(
    `select /* bounded: one row per sector */ o.kind as value, count(*)::int as count ${from} ${byKind.sql} group by o.kind order by o.kind`,
    byKind.params,
  );
  const country = await db.query<FacetCount>(
    `select /* bounded: one row per country code */ o.country as value, count(*)::int as count ${from} ${byCountry.sql} and o.country is not null
      group by o.country order by o.country`,
    byCountry.params,
  );
  return {
    items,
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: organizationPageSize,
    facets: { kind, country },
  };
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

/**
 * The organization with this slug as the caller may see it, or null: RLS
 * shows visitors verified ones only, and members and admins their pending one.
 */
export async function findOrganization(db: Queryable, slug: string): Promise<Organization | null> {
  const [row] = await db.query<Organization>(
    `select o.id, ${columns}, o.website_url as "websiteUrl" ${from} where o.slug = $1`,
    [slug],
  );
  return row ? { ...row, websiteUrl: safeWebsite(row.websiteUrl) } : null;
}

/** Hubs the organization is a partner of (`hub_partners`), for "Connected". */
export function listPartnerHubs(db: Queryable, organizationId: string): Promise<PartnerHub[]> {
  return db.query<PartnerHub>(
    `select h.slug, h.name, h.region, h.is_demo as "isDemo"
       from public.hub_partners hp join public.hubs h on h.id = hp.hub_id
      where hp.organization_id = $1
      order by h.is_demo, h.name limit 200`,
    [organizationId],
  );
}
