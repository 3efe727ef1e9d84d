import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { deliverableFrontmatterSchema } from './lib/deliverables/deliverable-schema';

/**
 * Reference content lives in `content/` as Astro content collections. The build
 * validates every file with the same schema that `npm run db:seed` uses to sync
 * them into the `deliverables` table, where they are linked and searched.
 *
 * Astro's collections speak zod 3 and the portal's schemas zod 4, so the
 * collection delegates to the shared schema and reports its issues.
 */
const deliverables = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/deliverables' }),
  schema: z.unknown().transform((value, context) => {
    const parsed = deliverableFrontmatterSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      context.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
    }
    return z.NEVER;
  }),
});

export const collections = { deliverables };
