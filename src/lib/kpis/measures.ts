import { z } from 'zod';

/**
 * How a KPI's value is reported, restated from the unit the reference gives
 * (`% of households` is a percentage, `per 100,000 inhabitants` a rate…),
 * so that assessments can validate a value by unit. KPIs the reference
 * lists as multi-valued (air pollutants, transport modes…) are reported in
 * named parts, each with its own kind.
 */
export const kpiValueKinds = ['percentage', 'count', 'rate', 'amount', 'ratio', 'yes-no'] as const;
export type KpiValueKind = (typeof kpiValueKinds)[number];

/**
 * The range a value of each kind may take: percentages 0–100, everything
 * else non-negative; counts are whole numbers; yes/no is a boolean.
 */
export const kpiValueRanges: Readonly<
  Record<Exclude<KpiValueKind, 'yes-no'>, { min: number; max: number | null; integer: boolean }>
> = {
  percentage: { min: 0, max: 100, integer: false },
  count: { min: 0, max: null, integer: true },
  rate: { min: 0, max: null, integer: false },
  amount: { min: 0, max: null, integer: false },
  ratio: { min: 0, max: null, integer: false },
};

export const kpiPartSchema = z
  .object({
    /** Stable kebab-case key, e.g. `pm2-5`, `public-transport`. */
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** The part's name as the reference gives it (English content, like the KPI's name). */
    label: z.string().min(1).max(80),
    kind: z.enum(kpiValueKinds),
  })
  .strict();
export type KpiPart = z.infer<typeof kpiPartSchema>;

export const kpiMeasureSchema = z
  .object({
    kind: z.enum(kpiValueKinds),
    /** Upper bound stated by the unit itself (the Gini coefficient is 0–1). */
    max: z.number().optional(),
    /** Named parts for a KPI reported as several values; absent for a single value. */
    parts: z.array(kpiPartSchema).min(2).max(10).optional(),
  })
  .strict()
  .refine(
    (measure) =>
      !measure.parts ||
      new Set(measure.parts.map((part) => part.key)).size === measure.parts.length,
    { message: 'part keys must be unique' },
  );
export type KpiMeasure = z.infer<typeof kpiMeasureSchema>;
