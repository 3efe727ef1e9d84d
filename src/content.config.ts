import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { deliverableFrontmatterSchema } from './lib/deliverables/deliverable-schema';
import { kpiContentSchema } from './lib/kpis/kpi-schema';

/**
 * Reference content lives in `content/` as Astro content collections. The build
 * validates every file with the same schema that `npm run db:seed` uses to sync
 * them into the `deliverables` table, where they are linked and searched.
 *
 * Astro's collections speak zod 3 and the portal's schemas zod 4, so the
 * collection delegates to the shared schema and reports its issues.
 */
function delegateTo<T>(schema: {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}) {
  return z.unknown().transform((value, context) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      context.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
    }
    return z.NEVER;
  });
}

const deliverables = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/deliverables' }),
  schema: delegateTo(deliverableFrontmatterSchema),
});

/** The 91 U4SSC KPIs, generated from the reference research (scripts/generate-kpi-catalogue.ts). */
const kpis = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/kpis' }),
  schema: delegateTo(kpiContentSchema),
});

export const collections = { deliverables, kpis };
