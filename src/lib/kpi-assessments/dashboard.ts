import type { Translator } from '../i18n';
import type { KpiPart } from '../kpis/measures';
import type { KpiForEntry } from './entry-rules';
import { measureProgress, type KpiTarget, type TargetProgress, type YearValue } from './progress';

/**
 * The dashboard's data for one city: each KPI (and each part of a
 * multi-valued KPI) over the reporting years, with the city's own target and
 * the distance to it. Values come from the latest version of each year's
 * assessment; "not available" is a gap (null), a year without an entry is
 * left out.
 */

export interface HistoryEntry {
  year: number;
  kpiCode: string;
  status: 'reported' | 'not-available';
  value: number | null;
  parts: Record<string, number | null> | null;
}

export interface TargetEntry extends KpiTarget {
  kpiCode: string;
  partKey: string;
}

export interface DashboardSeries {
  kpi: KpiForEntry;
  part: KpiPart | null;
  points: YearValue[];
  target: TargetEntry | null;
  progress: TargetProgress | null;
}

/** The series of the given KPIs, in the catalogue's order, parts in the measure's order. */
export function buildDashboardSeries(
  kpis: readonly KpiForEntry[],
  history: readonly HistoryEntry[],
  targets: readonly TargetEntry[],
): DashboardSeries[] {
  const byKpi = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const list = byKpi.get(entry.kpiCode) ?? [];
    list.push(entry);
    byKpi.set(entry.kpiCode, list);
  }
  const targetOf = new Map(targets.map((t) => [`${t.kpiCode}|${t.partKey}`, t]));
  const series: DashboardSeries[] = [];
  for (const kpi of kpis) {
    const entries = (byKpi.get(kpi.code) ?? []).sort((a, b) => a.year - b.year);
    const parts: (KpiPart | null)[] = kpi.measure.parts ?? [null];
    for (const part of parts) {
      const points = entries.map((entry) => ({
        year: entry.year,
        value:
          entry.status !== 'reported'
            ? null
            : part
              ? (entry.parts?.[part.key] ?? null)
              : entry.value,
      }));
      const target = targetOf.get(`${kpi.code}|${part?.key ?? ''}`) ?? null;
      series.push({
        kpi,
        part,
        points,
        target,
        progress: target ? measureProgress(points, target) : null,
      });
    }
  }
  return series;
}

/** True when the series has something to draw: a value or a target. */
export function hasData(series: DashboardSeries): boolean {
  return series.target !== null || series.points.some((p) => p.value !== null);
}

type Words = Pick<Translator, 't' | 'formatNumber'>;

/** A series' title: the KPI's name, and the part's. */
export function seriesTitle(series: DashboardSeries): string {
  return series.part ? `${series.kpi.name} · ${series.part.label}` : series.kpi.name;
}

/**
 * What a series' chart shows, in words (its description): every year's
 * value, the city's target, and the distance to it.
 */
export function describeSeries(i18n: Words, series: DashboardSeries): string {
  const { t, formatNumber } = i18n;
  const kind = series.part?.kind ?? series.kpi.measure.kind;
  const number = (n: number) =>
    kind === 'yes-no' ? t(n === 1 ? 'kpiAssessments.yes' : 'kpiAssessments.no') : formatNumber(n);
  const years = series.points.map((p) =>
    t('kpiAssessments.dashboard.yearValue', {
      year: p.year,
      value: p.value === null ? t('charts.notAvailable') : number(p.value),
    }),
  );
  const parts = [
    years.length > 0
      ? t('kpiAssessments.dashboard.values', { values: years.join(', '), unit: series.kpi.unit })
      : t('kpiAssessments.dashboard.noValues'),
  ];
  if (series.target) {
    parts.push(
      t('kpiAssessments.dashboard.target', {
        value: number(series.target.targetValue),
        year: series.target.targetYear,
        baseline: series.target.baselineYear,
      }),
    );
    const progress = series.progress;
    if (progress?.reached) parts.push(t('kpiAssessments.dashboard.reached'));
    else if (progress?.distance !== null && progress?.distance !== undefined && kind !== 'yes-no') {
      parts.push(
        t(
          progress.distance < 0
            ? 'kpiAssessments.dashboard.distanceDown'
            : 'kpiAssessments.dashboard.distanceUp',
          {
            distance: formatNumber(Math.abs(progress.distance)),
          },
        ),
      );
      if (progress.progressPercent !== null) {
        parts.push(
          t('kpiAssessments.dashboard.progress', {
            percent: formatNumber(progress.progressPercent),
          }),
        );
      }
    }
  }
  return parts.join(' ');
}
