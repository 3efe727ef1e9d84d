import { describe, expect, it } from 'vitest';
import {
  layoutBarChart,
  layoutLineChart,
  layoutStackedBars,
  niceTicks,
  percentOf,
  roundShares,
} from '../../src/components/charts/chart-geometry';
import { markerPath, segmentPatterns, seriesMarks } from '../../src/components/charts/chart-marks';

describe('scales and ticks', () => {
  it('places values on a 0–100 scale and clamps what falls outside', () => {
    expect(percentOf(50, 0, 200)).toBe(25);
    expect(percentOf(-5, 0, 10)).toBe(0);
    expect(percentOf(15, 0, 10)).toBe(100);
    expect(percentOf(3, 5, 5)).toBe(0);
    expect(percentOf(Number.NaN, 0, 10)).toBe(0);
  });

  it('chooses round ticks that cover the range', () => {
    expect(niceTicks(0, 45)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-12, 30)).toEqual([-20, -10, 0, 10, 20, 30]);
    expect(niceTicks(7, 7)).toEqual([6, 6.5, 7, 7.5, 8]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(1200, 98_000)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000]);
    expect(niceTicks(Number.NaN, 3)).toEqual([0]);
  });

  it('always steps by 1, 2 or 5 × a power of ten, without float noise', () => {
    for (const [low, high] of [
      [3, 97],
      [0.013, 0.092],
      [15, 16],
      [-3.3, -0.2],
    ] as const) {
      const ticks = niceTicks(low, high);
      expect(ticks[0]).toBeLessThanOrEqual(low);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(high);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
      for (const tick of ticks) expect(String(tick)).not.toMatch(/0000|9999/);
    }
  });
});

describe('bar chart layout', () => {
  it('scales bars against the largest value and stacks rows downwards', () => {
    const layout = layoutBarChart([
      { label: 'Economy', value: 45 },
      { label: 'Environment', value: 17 },
      { label: 'Society and culture', value: 29 },
    ]);
    expect(layout.max).toBe(45);
    const expected = [1, 17 / 45, 29 / 45].map((share) => share * layout.barAreaPercent);
    layout.bars.forEach((bar, index) => expect(bar.widthPercent).toBeCloseTo(expected[index]!, 9));
    const ys = layout.bars.map((bar) => bar.barY);
    expect(ys[1]! - ys[0]!).toBe(ys[2]! - ys[1]!);
    expect(layout.bars.every((bar) => bar.barY > bar.labelY)).toBe(true);
    expect(layout.height).toBe(ys[2]! + layout.barHeight);
  });

  it('uses a fixed maximum when given, and draws negatives and NaN as empty bars', () => {
    const layout = layoutBarChart(
      [
        { label: 'a', value: 50 },
        { label: 'b', value: -3 },
        { label: 'c', value: Number.NaN },
      ],
      { max: 100 },
    );
    expect(layout.bars.map((bar) => bar.widthPercent)).toEqual([layout.barAreaPercent / 2, 0, 0]);
    expect(layoutBarChart([{ label: 'zero', value: 0 }]).bars[0]!.widthPercent).toBe(0);
    expect(layoutBarChart([]).height).toBe(0);
  });
});

describe('stacked bars', () => {
  it('rounds shares to whole percentages that add up to 100', () => {
    expect(roundShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundShares([24, 21])).toEqual([53, 47]);
    expect(roundShares([0, 0])).toEqual([0, 0]);
    expect(roundShares([5, 0, -2])).toEqual([100, 0, 0]);
    for (const values of [
      [1, 2, 3, 4, 5, 6, 7],
      [0.1, 0.1, 0.1],
      [99, 1, 0.001],
    ]) {
      expect(roundShares(values).reduce((sum, v) => sum + v, 0)).toBe(100);
    }
  });

  it('fills percentage bars to 100 % and places segments end to end', () => {
    const layout = layoutStackedBars(
      [
        {
          label: 'Economy',
          segments: [
            { key: 'core', label: 'Core', value: 24 },
            { key: 'advanced', label: 'Advanced', value: 21 },
          ],
        },
        {
          label: 'Empty',
          segments: [
            { key: 'core', label: 'Core', value: 0 },
            { key: 'advanced', label: 'Advanced', value: 0 },
          ],
        },
      ],
      { noteHeight: 20 },
    );
    const [economy, empty] = layout.rows;
    expect(economy!.total).toBe(45);
    expect(economy!.segments.map((s) => s.share)).toEqual([53, 47]);
    expect(economy!.segments[1]!.xPercent).toBeCloseTo(economy!.segments[0]!.widthPercent);
    expect(economy!.segments.reduce((sum, s) => sum + s.widthPercent, 0)).toBeCloseTo(100);
    expect(empty!.segments.every((s) => s.widthPercent === 0)).toBe(true);
    // The last row's note line fits inside the chart.
    expect(layout.height).toBe(empty!.barY + layout.barHeight + 20);
  });

  it('scales absolute bars against the largest total', () => {
    const layout = layoutStackedBars(
      [
        { label: 'a', segments: [{ key: 'x', label: 'x', value: 50 }] },
        { label: 'b', segments: [{ key: 'x', label: 'x', value: 25 }] },
      ],
      { mode: 'absolute' },
    );
    expect(layout.rows.map((row) => row.segments[0]!.widthPercent)).toEqual([100, 50]);
  });
});

describe('line chart over years', () => {
  const series = [
    {
      key: 'value',
      label: 'Fjordby',
      points: [
        { year: 2021, value: 40 },
        { year: 2022, value: null },
        { year: 2023, value: 60 },
        { year: 2024, value: 70 },
      ],
    },
  ];

  it('spans the years of the data and the target, and breaks the line at a missing value', () => {
    const layout = layoutLineChart(series, { target: { year: 2030, value: 90, label: 'Target' } });
    expect(layout.years[0]).toMatchObject({ year: 2021, xPercent: 4, anchor: 'start' });
    expect(layout.years[layout.years.length - 1]).toMatchObject({
      year: 2030,
      xPercent: 96,
      anchor: 'end',
    });
    const [line] = layout.series;
    expect(line!.points.map((p) => p.year)).toEqual([2021, 2023, 2024]);
    expect(line!.segments.map(([a, b]) => [a.year, b.year])).toEqual([[2023, 2024]]);
    expect(layout.target).toMatchObject({ year: 2030, xPercent: 96 });
    // Higher values are drawn higher (smaller y), the target above the data.
    expect(line!.points[2]!.y).toBeLessThan(line!.points[0]!.y);
    expect(layout.target!.y).toBeLessThan(line!.points[2]!.y);
  });

  it('keeps ticks within the plot, honours yMin/yMax and joins years not listed', () => {
    const layout = layoutLineChart(
      [
        {
          key: 'v',
          label: 'v',
          points: [
            { year: 2019, value: 12 },
            { year: 2021, value: 18 },
          ],
        },
      ],
      { yMin: 0, yMax: 100, height: 200 },
    );
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(layout.yTicks[0]!.y).toBe(layout.plotBottom);
    expect(layout.yTicks[layout.yTicks.length - 1]!.y).toBe(layout.plotTop);
    expect(layout.series[0]!.segments).toHaveLength(1);
  });

  it('centres a single year and survives a chart with no values', () => {
    const single = layoutLineChart([{ key: 'v', label: 'v', points: [{ year: 2024, value: 5 }] }]);
    expect(single.years).toEqual([{ year: 2024, xPercent: 50, anchor: 'middle' }]);
    const empty = layoutLineChart([{ key: 'v', label: 'v', points: [] }]);
    expect(empty.series[0]!.points).toEqual([]);
    expect(empty.yTicks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it('labels every other year on long spans', () => {
    const points = Array.from({ length: 16 }, (_, i) => ({ year: 2010 + i, value: i }));
    const layout = layoutLineChart([{ key: 'v', label: 'v', points }]);
    expect(layout.years.map((y) => y.year)).toEqual([
      2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2025,
    ]);
  });
});

describe('marks that do not rely on colour', () => {
  it('gives every series its own marker shape and dash pattern, and every segment its own fill', () => {
    expect(new Set(seriesMarks.map((mark) => mark.shape)).size).toBe(seriesMarks.length);
    expect(new Set(seriesMarks.map((mark) => mark.dash ?? 'solid')).size).toBe(seriesMarks.length);
    expect(new Set(segmentPatterns).size).toBe(segmentPatterns.length);
    for (const mark of seriesMarks) expect(markerPath(mark.shape)).toMatch(/^M /);
  });
});
