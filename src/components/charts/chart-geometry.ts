/**
 * Geometry of the server-rendered charts (BarChart, StackedBar, LineChart).
 * Pure functions, unit-tested, so the components only map numbers to SVG.
 *
 * Every chart is drawn without a viewBox: horizontal positions are
 * percentages of the chart's width and vertical ones CSS pixels. The SVG
 * then fills any width from 320 px up while its text keeps its size (a
 * scaled viewBox would shrink labels to unreadable sizes on phones).
 */

/** A value's position, 0–100, on a scale from `min` to `max` (clamped). */
export function percentOf(value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || max <= min) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

/**
 * Round tick values covering [min, max] (1, 2 or 5 × a power of ten
 * apart), about `count` of them, always including 0 when the range does.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const [low, high] = min < max ? [min, max] : [max, min];
  const rough = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= last + step / 2; value += step) {
    // Rounding keeps 0.1 + 0.2 from printing as 0.30000000000000004.
    ticks.push(Number(value.toPrecision(12)));
  }
  return ticks;
}

// Bar chart ----------------------------------------------------------------

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarLayout {
  label: string;
  value: number;
  /** Top of the row's label, px. */
  labelY: number;
  /** Top of the bar, px. */
  barY: number;
  /** Bar width as a percentage of the bar area. */
  widthPercent: number;
}

export interface BarChartLayout {
  height: number;
  barHeight: number;
  /** Share of the width the bars may take; the rest is for the value labels. */
  barAreaPercent: number;
  max: number;
  bars: BarLayout[];
}

/**
 * Horizontal bars, one row per datum: the label on its own line, the bar
 * under it, the value at the right end. Negative values are drawn as 0
 * (the charts show counts and shares); the scale's maximum is the largest
 * value or `max`, whichever is larger.
 */
export function layoutBarChart(
  data: readonly BarDatum[],
  options: { max?: number; barHeight?: number; labelHeight?: number; gap?: number } = {},
): BarChartLayout {
  const barHeight = options.barHeight ?? 20;
  const labelHeight = options.labelHeight ?? 22;
  const gap = options.gap ?? 14;
  const max = Math.max(
    options.max ?? 0,
    ...data.map((d) => (Number.isFinite(d.value) ? d.value : 0)),
    0,
  );
  const rowHeight = labelHeight + barHeight + gap;
  const barAreaPercent = 86;
  return {
    height: Math.max(rowHeight * data.length - gap, 0),
    barHeight,
    barAreaPercent,
    max,
    bars: data.map((datum, index) => ({
      label: datum.label,
      value: datum.value,
      labelY: index * rowHeight,
      barY: index * rowHeight + labelHeight,
      widthPercent:
        max > 0 ? (percentOf(Math.max(0, datum.value), 0, max) * barAreaPercent) / 100 : 0,
    })),
  };
}

// Stacked / percentage bar --------------------------------------------------

export interface StackSegmentDatum {
  key: string;
  label: string;
  value: number;
}

export interface StackRowDatum {
  label: string;
  segments: readonly StackSegmentDatum[];
}

export interface StackSegmentLayout extends StackSegmentDatum {
  /** Start and width as percentages of the full width. */
  xPercent: number;
  widthPercent: number;
  /** This segment's share of its row, 0–100, rounded so a row's shares add up to 100. */
  share: number;
}

export interface StackRowLayout {
  label: string;
  total: number;
  labelY: number;
  barY: number;
  segments: StackSegmentLayout[];
}

/**
 * Rounds shares to whole percentages that still add up to 100 (largest
 * remainder), so a table never reads "33 % + 33 % + 33 %".
 */
export function roundShares(values: readonly number[]): number[] {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = clean.reduce((sum, v) => sum + v, 0);
  if (total === 0) return clean.map(() => 0);
  const exact = clean.map((v) => (v / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, v) => sum + v, 0);
  const order = exact
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (clean[i]! > 0) {
      floors[i]! += 1;
      left -= 1;
    }
  }
  return floors;
}

/**
 * One bar per row split into segments. `percent` mode fills each bar to
 * 100 % (shares); `absolute` mode scales every row against the largest
 * total, so rows can be compared.
 */
export function layoutStackedBars(
  rows: readonly StackRowDatum[],
  options: {
    mode?: 'percent' | 'absolute';
    barHeight?: number;
    labelHeight?: number;
    /** Room under each bar for a line of text (the shares in words). */
    noteHeight?: number;
    gap?: number;
  } = {},
): { height: number; barHeight: number; rows: StackRowLayout[] } {
  const mode = options.mode ?? 'percent';
  const barHeight = options.barHeight ?? 24;
  const labelHeight = options.labelHeight ?? 22;
  const noteHeight = options.noteHeight ?? 0;
  const gap = options.gap ?? 14;
  const rowHeight = labelHeight + barHeight + noteHeight + gap;
  const totals = rows.map((row) =>
    row.segments.reduce(
      (sum, s) => sum + (Number.isFinite(s.value) && s.value > 0 ? s.value : 0),
      0,
    ),
  );
  const largest = Math.max(0, ...totals);
  return {
    height: Math.max(rowHeight * rows.length - gap, 0),
    barHeight,
    rows: rows.map((row, index) => {
      const total = totals[index]!;
      const scale = mode === 'percent' ? total : largest;
      const shares = roundShares(row.segments.map((s) => s.value));
      let x = 0;
      const segments = row.segments.map((segment, i) => {
        const value = Number.isFinite(segment.value) && segment.value > 0 ? segment.value : 0;
        const width = scale > 0 ? (value / scale) * 100 : 0;
        const laid = { ...segment, xPercent: x, widthPercent: width, share: shares[i]! };
        x += width;
        return laid;
      });
      return {
        label: row.label,
        total,
        labelY: index * rowHeight,
        barY: index * rowHeight + labelHeight,
        segments,
      };
    }),
  };
}

// Line chart over years --------------------------------------------------------

export interface LinePoint {
  year: number;
  value: number | null;
}

export interface LineSeriesDatum {
  key: string;
  label: string;
  points: readonly LinePoint[];
}

export interface LineTarget {
  year: number;
  value: number;
  label: string;
}

export interface PlacedPoint {
  year: number;
  value: number;
  xPercent: number;
  y: number;
}

export interface LineChartLayout {
  height: number;
  plotTop: number;
  plotBottom: number;
  years: { year: number; xPercent: number; anchor: 'start' | 'middle' | 'end' }[];
  yTicks: { value: number; y: number }[];
  series: {
    key: string;
    label: string;
    points: PlacedPoint[];
    /** Lines between consecutive known values; a value reported as missing breaks the line. */
    segments: [PlacedPoint, PlacedPoint][];
  }[];
  target: (PlacedPoint & { label: string }) | null;
}

/**
 * A line chart over whole years: x spans the first to the last year of the
 * data (and the target's year), y spans nice ticks over the values and the
 * target (and `yMin`/`yMax`, e.g. 0 and 100 for a percentage). A point given
 * with a null value (a year reported as "not available") breaks the line
 * rather than drawing a guess across it; years simply not listed do not.
 */
export function layoutLineChart(
  series: readonly LineSeriesDatum[],
  options: { target?: LineTarget | null; height?: number; yMin?: number; yMax?: number } = {},
): LineChartLayout {
  const height = options.height ?? 220;
  const plotTop = 20;
  const plotBottom = height - 28;
  const target = options.target ?? null;
  const known = series.flatMap((s) =>
    s.points.filter(
      (p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value),
    ),
  );
  const yearsSeen = [
    ...known.map((p) => p.year),
    ...series.flatMap((s) => s.points.map((p) => p.year)),
  ];
  if (target) yearsSeen.push(target.year);
  const firstYear = yearsSeen.length ? Math.min(...yearsSeen) : 0;
  const lastYear = yearsSeen.length ? Math.max(...yearsSeen) : firstYear;
  const values = [...known.map((p) => p.value), ...(target ? [target.value] : [])];
  if (options.yMin !== undefined) values.push(options.yMin);
  if (options.yMax !== undefined) values.push(options.yMax);
  const ticks = values.length ? niceTicks(Math.min(...values), Math.max(...values)) : [0, 1];
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const yOf = (value: number) =>
    plotBottom - (percentOf(value, low, high) / 100) * (plotBottom - plotTop);
  // A single year sits in the middle; otherwise years span 4 %–96 % so end markers stay inside.
  const xOf = (year: number) =>
    firstYear === lastYear ? 50 : 4 + ((year - firstYear) / (lastYear - firstYear)) * 92;
  const span = lastYear - firstYear;
  const every = span <= 8 ? 1 : span <= 20 ? 2 : 5;
  const years: LineChartLayout['years'] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    if ((year - firstYear) % every !== 0 && year !== lastYear) continue;
    years.push({
      year,
      xPercent: xOf(year),
      anchor:
        firstYear === lastYear
          ? 'middle'
          : year === firstYear
            ? 'start'
            : year === lastYear
              ? 'end'
              : 'middle',
    });
  }
  return {
    height,
    plotTop,
    plotBottom,
    years,
    yTicks: ticks.map((value) => ({ value, y: yOf(value) })),
    series: series.map((s) => {
      const sorted = [...s.points].sort((a, b) => a.year - b.year);
      const placed = sorted.map((p) =>
        p.value === null || !Number.isFinite(p.value)
          ? null
          : { year: p.year, value: p.value, xPercent: xOf(p.year), y: yOf(p.value) },
      );
      const segments: [PlacedPoint, PlacedPoint][] = [];
      for (let i = 1; i < placed.length; i += 1) {
        const a = placed[i - 1];
        const b = placed[i];
        if (a && b) segments.push([a, b]);
      }
      return {
        key: s.key,
        label: s.label,
        points: placed.filter((p): p is PlacedPoint => p !== null),
        segments,
      };
    }),
    target: target ? { ...target, xPercent: xOf(target.year), y: yOf(target.value) } : null,
  };
}
