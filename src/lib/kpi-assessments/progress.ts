/**
 * Distance to a city's own target: where a KPI stands against the value the
 * city set itself, measured from its own baseline. Cities are never compared
 * with each other; each figure here is about one city and one KPI (or part).
 */

export interface YearValue {
  year: number;
  /** null: reported as not available that year. */
  value: number | null;
}

export interface KpiTarget {
  baselineYear: number;
  targetValue: number;
  targetYear: number;
}

export interface TargetProgress {
  /** The value of the baseline year, when that year has one. */
  baselineValue: number | null;
  /** The latest year with a value. */
  latest: YearValue | null;
  /** Target minus latest value, in the KPI's unit (positive: still to rise). */
  distance: number | null;
  /**
   * How far from baseline to target the latest value has come, in percent:
   * 0 at the baseline, 100 at the target, negative when it moved away,
   * above 100 past it. Null without a baseline value or when baseline and
   * target are equal.
   */
  progressPercent: number | null;
  /** The target is met (at or beyond it, in the direction of travel). */
  reached: boolean;
}

/** Where a KPI stands against its target, from its values by year. */
export function measureProgress(values: readonly YearValue[], target: KpiTarget): TargetProgress {
  const known = values
    .filter((v): v is { year: number; value: number } => v.value !== null)
    .sort((a, b) => a.year - b.year);
  const latest = known.at(-1) ?? null;
  const baselineValue = known.find((v) => v.year === target.baselineYear)?.value ?? null;
  if (!latest) {
    return { baselineValue, latest: null, distance: null, progressPercent: null, reached: false };
  }
  const distance = round(target.targetValue - latest.value);
  const rising = baselineValue === null ? null : target.targetValue >= baselineValue;
  const reached =
    rising === null
      ? latest.value === target.targetValue
      : rising
        ? latest.value >= target.targetValue
        : latest.value <= target.targetValue;
  const span = baselineValue === null ? 0 : target.targetValue - baselineValue;
  const progressPercent =
    baselineValue === null || span === 0
      ? null
      : Math.round(((latest.value - baselineValue) / span) * 100);
  return { baselineValue, latest, distance, progressPercent, reached };
}

/** Keeps differences of decimals readable (81.3 − 80.1 is 1.2, not 1.1999999999999886). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
