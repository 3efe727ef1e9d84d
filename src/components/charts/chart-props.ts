import { z } from 'zod';
import { segmentPatterns, seriesMarks } from './chart-marks';

/**
 * The props schemas of the chart components, built once when the module
 * loads. (In an .astro file they would be built again on every render, and
 * zod compiles a schema the first time it parses with it: on a page of 55
 * charts that was half of the page's time.)
 */

/** The props of LineChart.astro. */
const chartPointSchema = z.object({
  year: z.number().int().min(1900).max(2200),
  value: z.number().nullable(),
});
export const lineChartPropsSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Heading of the value columns in the table, e.g. the unit. */
  valueHeading: z.string().min(1),
  series: z
    .array(
      z.object({
        key: z.string().min(1),
        label: z.string().min(1),
        points: z.array(chartPointSchema),
      }),
    )
    .max(seriesMarks.length),
  target: z
    .object({ year: z.number().int(), value: z.number(), label: z.string().min(1) })
    .nullable()
    .optional(),
  yMin: z.number().optional(),
  yMax: z.number().optional(),
  height: z.number().int().min(120).max(600).default(220),
});

/** The props of BarChart.astro. */
export const barChartPropsSchema = z.object({
  /** Unique on the page; prefixes the ids of the title and description. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  /** What the chart shows, with its main figures in words. */
  description: z.string().min(1),
  labelHeading: z.string().min(1),
  valueHeading: z.string().min(1),
  data: z.array(
    z.object({ label: z.string().min(1), value: z.number(), valueLabel: z.string().optional() }),
  ),
  /** Scale maximum (e.g. 100 for percentages); defaults to the largest value. */
  max: z.number().positive().optional(),
});

/** The props of StackedBar.astro. */
const chartSegmentSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  value: z.number(),
});
export const stackedBarPropsSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  labelHeading: z.string().min(1),
  rows: z.array(
    z.object({
      label: z.string().min(1),
      segments: z.array(chartSegmentSchema).min(1).max(segmentPatterns.length),
    }),
  ),
  /** `percent`: every bar is 100 %; `absolute`: bars are scaled against the largest total. */
  mode: z.enum(['percent', 'absolute']).default('percent'),
});

/** The props of ChartDataTable.astro. */
export const chartDataTablePropsSchema = z.object({
  caption: z.string().min(1),
  headers: z.array(z.string()).min(2),
  rows: z.array(z.array(z.string())),
});
