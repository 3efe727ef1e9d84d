import type { KpiFilters } from '../../lib/kpis/kpi-filters';
import type { KpiDimension, KpiFocus, KpiType } from '../../lib/kpis/framework';
import type { KpiMeasure } from '../../lib/kpis/measures';
import { escapeLike } from '../../lib/listing/query-params';
import type { Queryable } from '../db/types';

export type SdgLinkBasis = 'confirmed' | 'indicative';

/** A KPI's link to one goal, for cards: confirmed if any link to that goal is. */
export interface KpiGoalLink {
  goal: number;
  basis: SdgLinkBasis;
}

export interface KpiSummary {
  code: string;
  slug: string;
  name: string;
  dimension: KpiDimension;
  subDimension: string;
  category: string;
  type: KpiType;
  focus: KpiFocus | null;
  unit: string;
  unitUncertain: boolean;
  goals: KpiGoalLink[];
}

/** One link to the SDGs as stored: goal, target and indicator where known. */
export interface KpiSdgLinkDetail {
  goal: number;
  target: string | null;
  indicator: string | null;
  basis: SdgLinkBasis;
  sourceTitle: string | null;
  sourceUrl: string | null;
}

export interface Kpi extends KpiSummary {
  measure: KpiMeasure;
  themes: string[];
  confirmedInTitle: string | null;
  confirmedInUrl: string | null;
  sdgLinks: KpiSdgLinkDetail[];
}

export interface FacetCount<V extends string | number = string> {
  value: V;
  count: number;
}

export interface KpiListing {
  items: KpiSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    dimension: FacetCount<KpiDimension>[];
    subDimension: FacetCount[];
    type: FacetCount<KpiType>[];
    sdg: FacetCount<number>[];
  };
}

export const kpiPageSize = 30;

const summaryColumns = `k.code, k.slug, k.name, k.dimension, k.sub_dimension as "subDimension",
  k.category, k.kpi_type as type, k.focus, k.unit, k.unit_uncertain as "unitUncertain",
  coalesce((select jsonb_agg(jsonb_build_object('goal', g.goal, 'basis', g.basis) order by g.goal)
              from (select l.goal, min(l.basis) as basis from public.kpi_sdg_links l
                     where l.kpi_code = k.code group by l.goal) g), '[]'::jsonb) as goals`;

type FilterName = 'dimension' | 'subDimension' | 'type' | 'sdg' | 'q';

/** The where clause of the active filters, leaving out `except` (for that facet's own counts). */
function whereClause(filters: KpiFilters, except?: FilterName) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filters.dimension && except !== 'dimension')
    add((p) => `k.dimension = ${p}`, filters.dimension);
  if (filters.subDimension && except !== 'subDimension') {
    add((p) => `k.sub_dimension = ${p}`, filters.subDimension);
  }
  if (filters.type && except !== 'type') add((p) => `k.kpi_type = ${p}`, filters.type);
  if (filters.sdg && except !== 'sdg') {
    add(
      (p) =>
        `exists (select 1 from public.kpi_sdg_links l where l.kpi_code = k.code and l.goal = ${p})`,
      filters.sdg,
    );
  }
  if (filters.q && except !== 'q') {
    add((p) => `(k.name ilike ${p} or k.code ilike ${p})`, `%${escapeLike(filters.q)}%`);
  }
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

/**
 * Lists the catalogue in the framework's order with the facet counts shown
 * beside each filter option, each counted with the other filters applied
 * (a count says what choosing that option would give).
 */
export async function listKpis(db: Queryable, filters: KpiFilters): Promise<KpiListing> {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * kpiPageSize;
  const byDimension = whereClause(filters, 'dimension');
  const bySub = whereClause(filters, 'subDimension');
  const byType = whereClause(filters, 'type');
  const bySdg = whereClause(filters, 'sdg');
  const [items, [totalRow], dimension, subDimension, type, sdg] = await Promise.all([
    db.query<KpiSummary>(
      `select ${summaryColumns} from public.kpis k ${where.sql}
        order by k.position, k.code limit ${kpiPageSize} offset ${offset}`,
      where.params,
    ),
    db.query<{ total: number }>(
      `select count(*)::int as total from public.kpis k ${where.sql}`,
      where.params,
    ),
    db.query<FacetCount<KpiDimension>>(
      `select /* bounded: one row per dimension */ k.dimension as value, count(*)::int as count from public.kpis k ${byDimension.sql}
        group by k.dimension order by min(k.position)`,
      byDimension.params,
    ),
    db.query<FacetCount>(
      `select /* bounded: one row per sub-dimension */ k.sub_dimension as value, count(*)::int as count from public.kpis k ${bySub.sql}
        group by k.sub_dimension order by min(k.position)`,
      bySub.params,
    ),
    db.query<FacetCount<KpiType>>(
      `select /* bounded: one row per KPI type */ k.kpi_type as value, count(*)::int as count from public.kpis k ${byType.sql}
        group by k.kpi_type order by k.kpi_type desc`,
      byType.params,
    ),
    db.query<FacetCount<number>>(
      `select /* bounded: one row per SDG */ l.goal::int as value, count(distinct k.code)::int as count
         from public.kpis k join public.kpi_sdg_links l on l.kpi_code = k.code ${bySdg.sql}
        group by l.goal order by l.goal`,
      bySdg.params,
    ),
  ]);
  return {
    items,
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: kpiPageSize,
    facets: { dimension, subDimension, type, sdg },
  };
}

/** The KPI with this slug and all its SDG links, or null. */
export async function findKpi(db: Queryable, slug: string): Promise<Kpi | null> {
  const [row] = await db.query<Omit<Kpi, 'sdgLinks'>>(
    `select ${summaryColumns}, k.measure, k.themes, k.confirmed_in_title as "confirmedInTitle",
            k.confirmed_in_url as "confirmedInUrl"
       from public.kpis k where k.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const sdgLinks = await db.query<KpiSdgLinkDetail>(
    `select l.goal::int as goal, l.target, l.indicator, l.basis, l.source_title as "sourceTitle",
            l.source_url as "sourceUrl"
       from public.kpi_sdg_links l where l.kpi_code = $1
      order by l.basis, l.goal, l.target nulls first, l.indicator nulls first limit 500`,
    [row.code],
  );
  return { ...row, sdgLinks };
}

/** The other KPIs of a category, in the framework's order. */
export function listKpisInCategory(
  db: Queryable,
  kpi: Pick<KpiSummary, 'category' | 'code'>,
): Promise<KpiSummary[]> {
  return db.query<KpiSummary>(
    `select ${summaryColumns} from public.kpis k
      where k.category = $1 and k.code <> $2 order by k.position limit 200`,
    [kpi.category, kpi.code],
  );
}

export interface KpiCountByDimension {
  dimension: KpiDimension;
  type: KpiType;
  count: number;
}

/** How many core and advanced KPIs each dimension has (for the catalogue's charts). */
export function countKpisByDimension(db: Queryable): Promise<KpiCountByDimension[]> {
  return db.query<KpiCountByDimension>(
    `select /* bounded: one row per dimension and type */ k.dimension, k.kpi_type as type, count(*)::int as count from public.kpis k
      group by k.dimension, k.kpi_type order by min(k.position), k.kpi_type desc`,
  );
}

export interface CaseStudyReference {
  title: string;
  url: string;
  summary: string;
  isDemo: boolean;
}

/**
 * The public case studies that say they affect this KPI. Read from the
 * search records, which hold only published, visible items and list the
 * KPI codes each affects (`kpi_codes`), so the section fills as soon as
 * case studies are published, with the visitor's own RLS.
 */
export function listCaseStudiesAffectingKpi(
  db: Queryable,
  code: string,
  limit = 12,
): Promise<CaseStudyReference[]> {
  return db.query<CaseStudyReference>(
    `select d.title, d.url, d.summary, d.is_demo as "isDemo"
       from public.search_documents d
      where d.type = 'case_study' and $1 = any(d.kpi_codes)
      order by d.dated_at desc nulls last, d.title
      limit ${Number(limit)}`,
    [code],
  );
}
