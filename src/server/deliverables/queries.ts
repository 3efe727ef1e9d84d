import type { DeliverableFilters } from '../../lib/deliverables/deliverable-filters';
import type { DeliverableKind } from '../../lib/deliverables/deliverable-schema';
import { escapeLike } from '../../lib/listing/query-params';
import type { FacetCount } from '../../lib/listing/facets';
import type { Queryable } from '../db/types';

export interface DeliverableSummary {
  slug: string;
  kind: DeliverableKind;
  code: string | null;
  title: string;
  year: number;
  summary: string;
  uncertain: boolean;
  themes: string[];
}

export interface Deliverable extends DeliverableSummary {
  body: string;
  url: string | null;
  /** What is not confirmed, for readers ("Unconfirmed: …"); set only when `uncertain`. */
  unconfirmedNote: string | null;
  sources: string[];
}

export interface DeliverableListing {
  items: DeliverableSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    kind: FacetCount<DeliverableKind>[];
    theme: FacetCount[];
    year: FacetCount<number>[];
  };
}

const summaryColumns = 'slug, kind, code, title, year, summary, uncertain, themes';
export const deliverablePageSize = 12;

type FilterName = 'kind' | 'theme' | 'year' | 'q';

/** Builds the where clause for the active filters, leaving out `except` (for its own facet counts). */
function whereClause(filters: DeliverableFilters, except?: FilterName) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filters.kind && except !== 'kind') add((p) => `kind = ${p}`, filters.kind);
  if (filters.theme && except !== 'theme') add((p) => `${p} = any(themes)`, filters.theme);
  if (filters.year && except !== 'year') add((p) => `year = ${p}`, filters.year);
  if (filters.q && except !== 'q') {
    add(
      (p) => `(title ilike ${p} or coalesce(code, '') ilike ${p} or summary ilike ${p})`,
      `%${escapeLike(filters.q)}%`,
    );
  }
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/**
 * Lists deliverables visible to the caller (RLS: published ones) with the
 * facet counts a filter panel shows beside each option. Each facet is counted
 * with the other filters applied, so a count says what choosing it would give.
 */
export async function listDeliverables(
  db: Queryable,
  filters: DeliverableFilters,
): Promise<DeliverableListing> {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * deliverablePageSize;
  const items = await db.query<DeliverableSummary>(
    `select ${summaryColumns} from public.deliverables ${where.sql}
      order by kind desc, year desc, coalesce(code, title)
      limit ${deliverablePageSize} offset ${offset}`,
    where.params,
  );
  const [totalRow] = await db.query<{ total: number }>(
    `select count(*)::int as total from public.deliverables ${where.sql}`,
    where.params,
  );
  const byKind = whereClause(filters, 'kind');
  const byTheme = whereClause(filters, 'theme');
  const byYear = whereClause(filters, 'year');
  const [kind, theme, year] = await Promise.all([
    db.query<FacetCount<DeliverableKind>>(
      `select /* bounded: one row per kind */ kind as value, count(*)::int as count from public.deliverables ${byKind.sql}
        group by kind order by kind desc`,
      byKind.params,
    ),
    db.query<FacetCount>(
      `select /* bounded: one row per theme */ t as value, count(*)::int as count
         from public.deliverables, unnest(themes) as t ${byTheme.sql}
        group by t order by count(*) desc, t`,
      byTheme.params,
    ),
    db.query<FacetCount<number>>(
      `select /* bounded: one row per year */ year as value, count(*)::int as count from public.deliverables ${byYear.sql}
        group by year order by year desc`,
      byYear.params,
    ),
  ]);
  return {
    items,
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: deliverablePageSize,
    facets: { kind, theme, year },
  };
}

/** The deliverable with this slug, or null when it does not exist or is not visible to the caller. */
export async function findDeliverable(db: Queryable, slug: string): Promise<Deliverable | null> {
  const [row] = await db.query<Deliverable>(
    `select ${summaryColumns}, body, url, unconfirmed_note as "unconfirmedNote", sources
       from public.deliverables where slug = $1`,
    [slug],
  );
  return row ?? null;
}

/** Other deliverables sharing a theme with this one, most shared themes first. */
export async function listRelatedDeliverables(
  db: Queryable,
  deliverable: Pick<Deliverable, 'slug' | 'themes'>,
  limit = 4,
): Promise<DeliverableSummary[]> {
  if (deliverable.themes.length === 0) return [];
  return db.query<DeliverableSummary>(
    `select ${summaryColumns} from public.deliverables
      where slug <> $1 and themes && $2::text[]
      order by cardinality(array(select unnest(themes) intersect select unnest($2::text[]))) desc, year desc
      limit ${limit}`,
    [deliverable.slug, deliverable.themes],
  );
}

/** The most recent deliverables, for the home page. */
export function listRecentDeliverables(db: Queryable, limit = 4): Promise<DeliverableSummary[]> {
  return db.query<DeliverableSummary>(
    `select ${summaryColumns} from public.deliverables order by year desc, title limit ${limit}`,
  );
}
