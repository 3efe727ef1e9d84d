import { kpiDimensionCodes, type KpiDimension, type KpiType } from '../kpis/framework';

/**
 * How complete an assessment is: of the catalogue's core and advanced KPIs,
 * and of each dimension's, how many have a value, how many are marked "not
 * available" (with a reason: an answer too), and how many are still missing.
 * Counts only, never values: this is what hub coordinators see of their
 * cities' assessments.
 */

export interface CompletenessCount {
  reported: number;
  notAvailable: number;
  missing: number;
  total: number;
}

export interface Completeness {
  all: CompletenessCount;
  byType: Record<KpiType, CompletenessCount>;
  byDimension: Record<KpiDimension, CompletenessCount>;
}

export type EntryStatus = 'reported' | 'not-available';

const empty = (): CompletenessCount => ({ reported: 0, notAvailable: 0, missing: 0, total: 0 });

/** Completeness of the entries (code → status) against the catalogue. */
export function computeCompleteness(
  catalogue: readonly { code: string; type: KpiType; dimension: KpiDimension }[],
  statuses: ReadonlyMap<string, EntryStatus>,
): Completeness {
  const result: Completeness = {
    all: empty(),
    byType: { core: empty(), advanced: empty() },
    byDimension: Object.fromEntries(kpiDimensionCodes.map((d) => [d, empty()])) as Record<
      KpiDimension,
      CompletenessCount
    >,
  };
  for (const kpi of catalogue) {
    const status = statuses.get(kpi.code);
    for (const count of [result.all, result.byType[kpi.type], result.byDimension[kpi.dimension]]) {
      count.total += 1;
      if (status === 'reported') count.reported += 1;
      else if (status === 'not-available') count.notAvailable += 1;
      else count.missing += 1;
    }
  }
  return result;
}

/** The share answered (a value or a reason), as a whole percentage rounded down (100 only when complete). */
export function answeredPercent(count: CompletenessCount): number {
  if (count.total === 0) return 0;
  return Math.floor(((count.reported + count.notAvailable) / count.total) * 100);
}
