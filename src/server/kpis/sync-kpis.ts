import { getTranslator } from '../../lib/i18n';
import {
  kpiCategoryLabel,
  kpiDimensionLabel,
  kpiSubDimensionLabel,
} from '../../lib/kpis/framework';
import type { Queryable } from '../db/types';
import type { KpiContentFile } from './read-kpi-content';

export interface KpiSyncReport {
  /** KPIs in the content. */
  kpis: number;
  /** Rows inserted or changed (0 when the database already matched). */
  changed: number;
  /** KPIs removed because their file is gone. */
  removed: number;
  /**
   * KPIs whose file is gone but which cities have recorded values for: kept,
   * since a city's figures never vanish with a catalogue edit (the seed says so).
   */
  keptInUse: string[];
  /** SDG links inserted, changed or removed. */
  linksChanged: number;
}

/** The one-line summary stored for search results: "Core KPI · Economy › ICT › ICT infrastructure". */
export function kpiSummary(
  item: Pick<KpiContentFile, 'type' | 'dimension' | 'subDimension' | 'category'>,
): string {
  const { t } = getTranslator('en');
  return t('kpis.summary', {
    type: t(`kpis.typeLabel.${item.type}`),
    path: t('kpis.path', {
      dimension: kpiDimensionLabel(t, item.dimension),
      subDimension: kpiSubDimensionLabel(t, item.subDimension),
      category: kpiCategoryLabel(t, item.category),
    }),
  });
}

/**
 * Makes `kpis` and `kpi_sdg_links` match the content files: upserts every
 * KPI by code, removes KPIs whose file is gone (rows added in the portal,
 * without `content_path`, are kept) and sets each synced KPI's SDG links to
 * exactly those in its file. Rows that already match are not touched, so a
 * second run changes nothing and fires no search trigger. A privileged job:
 * run by the seed as the owner.
 */
export async function syncKpis(
  db: Queryable,
  items: readonly KpiContentFile[],
): Promise<KpiSyncReport> {
  const rows = items.map((item) => ({
    code: item.code,
    slug: item.slug,
    name: item.name,
    summary: kpiSummary(item),
    dimension: item.dimension,
    sub_dimension: item.subDimension,
    category: item.category,
    kpi_type: item.type,
    focus: item.focus ?? null,
    unit: item.unit,
    unit_uncertain: item.unitUncertain,
    measure: item.measure,
    themes: item.themes,
    confirmed_in_title: item.confirmedIn?.title ?? null,
    confirmed_in_url: item.confirmedIn?.url ?? null,
    position: item.position,
    content_path: item.contentPath,
  }));
  const changed = await db.query(
    `insert into public.kpis
       (code, slug, name, summary, dimension, sub_dimension, category, kpi_type, focus, unit,
        unit_uncertain, measure, themes, confirmed_in_title, confirmed_in_url, position, content_path)
     select code, slug, name, summary, dimension, sub_dimension, category, kpi_type, focus, unit,
            unit_uncertain, measure, themes, confirmed_in_title, confirmed_in_url, position, content_path
       from jsonb_to_recordset($1::text::jsonb) as r(
         code text, slug text, name text, summary text, dimension text, sub_dimension text,
         category text, kpi_type text, focus text, unit text, unit_uncertain boolean, measure jsonb,
         themes text[], confirmed_in_title text, confirmed_in_url text, position integer,
         content_path text)
     on conflict (code) do update set
       slug = excluded.slug, name = excluded.name, summary = excluded.summary,
       dimension = excluded.dimension, sub_dimension = excluded.sub_dimension,
       category = excluded.category, kpi_type = excluded.kpi_type, focus = excluded.focus,
       unit = excluded.unit, unit_uncertain = excluded.unit_uncertain, measure = excluded.measure,
       themes = excluded.themes, confirmed_in_title = excluded.confirmed_in_title,
       confirmed_in_url = excluded.confirmed_in_url, position = excluded.position,
       content_path = excluded.content_path
     where (kpis.slug, kpis.name, kpis.summary, kpis.dimension, kpis.sub_dimension, kpis.category,
            kpis.kpi_type, kpis.focus, kpis.unit, kpis.unit_uncertain, kpis.measure, kpis.themes,
            kpis.confirmed_in_title, kpis.confirmed_in_url, kpis.position, kpis.content_path)
       is distinct from
           (excluded.slug, excluded.name, excluded.summary, excluded.dimension,
            excluded.sub_dimension, excluded.category, excluded.kpi_type, excluded.focus,
            excluded.unit, excluded.unit_uncertain, excluded.measure, excluded.themes,
            excluded.confirmed_in_title, excluded.confirmed_in_url, excluded.position,
            excluded.content_path)
     returning code`,
    [JSON.stringify(rows)],
  );
  const removed = await db.query(
    `delete from public.kpis k
      where k.content_path is not null and not (k.code = any($1::text[]))
        and not exists (select 1 from public.kpi_assessment_values v where v.kpi_code = k.code)
      returning code`,
    [items.map((item) => item.code)],
  );
  const keptInUse = await db.query<{ code: string }>(
    `select code from public.kpis
      where content_path is not null and not (code = any($1::text[]))
      order by code`,
    [items.map((item) => item.code)],
  );

  const links = items.flatMap((item) =>
    item.sdgLinks.map((link) => ({
      kpi_code: item.code,
      goal: link.goal,
      target: link.target ?? null,
      indicator: link.indicator ?? null,
      basis: link.basis,
      source_title: link.source?.title ?? null,
      source_url: link.source?.url ?? null,
    })),
  );
  const linksJson = JSON.stringify(links);
  const staleLinks = await db.query(
    `delete from public.kpi_sdg_links l
      where l.kpi_code = any($2::text[])
        and not exists (
          select 1 from jsonb_to_recordset($1::text::jsonb) as d(kpi_code text, goal smallint, target text, indicator text)
           where d.kpi_code = l.kpi_code and d.goal = l.goal
             and d.target is not distinct from l.target and d.indicator is not distinct from l.indicator)
      returning l.id`,
    [linksJson, items.map((item) => item.code)],
  );
  const upsertedLinks = await db.query(
    `insert into public.kpi_sdg_links (kpi_code, goal, target, indicator, basis, source_title, source_url)
     select kpi_code, goal, target, indicator, basis, source_title, source_url
       from jsonb_to_recordset($1::text::jsonb) as d(
         kpi_code text, goal smallint, target text, indicator text, basis text,
         source_title text, source_url text)
     on conflict (kpi_code, goal, target, indicator) do update set
       basis = excluded.basis, source_title = excluded.source_title, source_url = excluded.source_url
     where (kpi_sdg_links.basis, kpi_sdg_links.source_title, kpi_sdg_links.source_url)
       is distinct from (excluded.basis, excluded.source_title, excluded.source_url)
     returning id`,
    [linksJson],
  );
  return {
    kpis: items.length,
    changed: changed.length,
    removed: removed.length,
    keptInUse: keptInUse.map((row) => row.code),
    linksChanged: staleLinks.length + upsertedLinks.length,
  };
}
