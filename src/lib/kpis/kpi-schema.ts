import { z } from 'zod';
import { isSdgGoal, isSdgTarget } from '../sdgs';
import { themeKeys } from '../taxonomy/themes';
import {
  kpiCategories,
  kpiCategoryCodes,
  kpiCodePattern,
  kpiDimensionCodes,
  kpiFocuses,
  kpiSubDimensionCodes,
  kpiTypeOfCode,
  kpiTypes,
} from './framework';
import { kpiMeasureSchema } from './measures';

/**
 * One KPI of the catalogue, as stored in `content/kpis/<slug>.yaml`
 * (generated from the reference research by scripts/generate-kpi-catalogue.ts).
 * The same schema validates the Astro content collection at build time and
 * the sync into the `kpis` table, so a file that builds is a file that syncs.
 */

const sourceSchema = z
  .object({
    title: z.string().min(3),
    url: z.url({ protocol: /^https?$/ }),
  })
  .strict();

/**
 * A link between a KPI and the SDGs. `confirmed`: the reference saw it in an
 * ITU text (the Verification Manual names SDG indicators such as 17.6.2).
 * `indicative`: assigned by topic by the reference's compilers, at goal
 * level, not taken from ITU text; the portal never shows it as confirmed.
 */
export const kpiSdgLinkSchema = z
  .object({
    goal: z.number().int().refine(isSdgGoal, 'not an SDG goal'),
    target: z.string().refine(isSdgTarget, 'not an SDG target').optional(),
    indicator: z
      .string()
      .regex(/^\d{1,2}\.(\d{1,2}|[a-d])\.\d{1,2}$/)
      .optional(),
    basis: z.enum(['confirmed', 'indicative']),
    /** Where a confirmed link was seen. */
    source: sourceSchema.optional(),
  })
  .strict()
  .superRefine((link, ctx) => {
    if (link.target && Number(link.target.split('.')[0]) !== link.goal) {
      ctx.addIssue({
        code: 'custom',
        message: `target ${link.target} is not in goal ${link.goal}`,
      });
    }
    if (link.indicator && !link.indicator.startsWith(`${link.target}.`)) {
      ctx.addIssue({ code: 'custom', message: `indicator ${link.indicator} needs its target` });
    }
    if (link.basis === 'confirmed' && !link.source) {
      ctx.addIssue({ code: 'custom', message: 'a confirmed link names its source' });
    }
    if (link.basis === 'indicative' && (link.target || link.indicator)) {
      ctx.addIssue({ code: 'custom', message: 'indicative links are goal-level only' });
    }
  });
export type KpiSdgLink = z.infer<typeof kpiSdgLinkSchema>;

export const kpiContentSchema = z
  .object({
    code: z.string().regex(kpiCodePattern),
    name: z.string().min(2).max(120),
    dimension: z.enum(kpiDimensionCodes),
    subDimension: z.enum(kpiSubDimensionCodes as [string, ...string[]]),
    category: z.enum(kpiCategoryCodes as [string, ...string[]]),
    type: z.enum(kpiTypes),
    /** Smart or sustainable: the official sheets' second tag, when the reference knows it. */
    focus: z.enum(kpiFocuses).optional(),
    /** The unit, paraphrased from the KPI definition by the reference research. */
    unit: z.string().min(1).max(200),
    /** True when the research could not confirm the unit in an ITU publication. */
    unitUncertain: z.boolean().default(false),
    measure: kpiMeasureSchema,
    sdgLinks: z.array(kpiSdgLinkSchema).default([]),
    themes: z.array(z.enum(themeKeys)).min(1),
    /** The ITU publication in which the research confirmed this KPI's code, name and unit. */
    confirmedIn: sourceSchema.optional(),
    /** Position in the framework's order (1–91), so lists follow the official sequence. */
    position: z.number().int().min(1).max(999),
  })
  .strict()
  .superRefine((kpi, ctx) => {
    const category = kpiCategories.find((c) => c.code === kpi.category);
    if (!kpi.code.startsWith(`${kpi.subDimension}:`)) {
      ctx.addIssue({ code: 'custom', message: `code ${kpi.code} is not in ${kpi.subDimension}` });
    }
    if (!kpi.subDimension.startsWith(`${kpi.dimension}:`)) {
      ctx.addIssue({ code: 'custom', message: `${kpi.subDimension} is not in ${kpi.dimension}` });
    }
    if (category && category.subDimension !== kpi.subDimension) {
      ctx.addIssue({ code: 'custom', message: `${kpi.category} is not in ${kpi.subDimension}` });
    }
    if (kpiTypeOfCode(kpi.code) !== kpi.type) {
      ctx.addIssue({ code: 'custom', message: `type ${kpi.type} contradicts code ${kpi.code}` });
    }
    const seen = new Set<string>();
    for (const link of kpi.sdgLinks) {
      const key = `${link.goal}|${link.target ?? ''}|${link.indicator ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `SDG link ${key} repeated` });
      seen.add(key);
    }
  });
export type KpiContent = z.infer<typeof kpiContentSchema>;
