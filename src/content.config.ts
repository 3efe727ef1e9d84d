import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { deliverableFrontmatterSchema } from './lib/deliverables/deliverable-schema';

/**
 * Reference content lives in `content/` as Astro content collections. The build
 * validates every file with the same schema that `npm run db:seed` uses to sync
 * them into the `deliverables` table, where they are linked and searched.
 */
const deliverables = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/deliverables' }),
  schema: deliverableFrontmatterSchema,
});

export const collections = { deliverables };
