import { z } from 'zod';

/**
 * Frontmatter of one reference deliverable in `content/deliverables/*.md`.
 * The same schema validates the Astro content collection at build time and the
 * sync step that upserts the files into the `deliverables` table, so a file that
 * builds is a file that syncs.
 */
export const deliverableKindSchema = z.enum(['recommendation', 'publication']);
export type DeliverableKind = z.infer<typeof deliverableKindSchema>;

export const deliverableFrontmatterSchema = z
  .object({
    kind: deliverableKindSchema,
    /** Official designation, e.g. "ITU-T Y.4903/L.1603"; publications have none. */
    code: z.string().min(1).optional(),
    title: z.string().min(3),
    year: z.number().int().min(1990).max(2100),
    summary: z.string().min(10),
    /** Link to the official text. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** True when the reference research could not confirm a fact (title, year, attribution). */
    uncertain: z.boolean().default(false),
    /** What exactly is uncertain or noteworthy, in plain words. */
    note: z.string().optional(),
    themes: z.array(z.string().min(2)).default([]),
    /** Where the facts come from. */
    sources: z.array(z.string().min(3)).min(1),
  })
  .strict();

export type DeliverableFrontmatter = z.infer<typeof deliverableFrontmatterSchema>;
