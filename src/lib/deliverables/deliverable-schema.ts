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
    /**
     * What is not confirmed, as one plain sentence for readers; the page shows
     * it as "Unconfirmed: …". Required exactly when `uncertain` is true.
     */
    unconfirmed: z.string().min(10).optional(),
    themes: z.array(z.string().min(2)).default([]),
    /**
     * Where the facts come from: URLs, or citations a reader can look up.
     * Only an unconfirmed entry may have none (nothing published was found).
     */
    sources: z.array(z.string().min(3)),
    /**
     * The researchers' working note, for the people who maintain this file.
     * Never shown on the site, never synced to the database.
     */
    researchNote: z.string().optional(),
  })
  .strict()
  .superRefine((entry, context) => {
    if (entry.uncertain && !entry.unconfirmed)
      context.addIssue({
        code: 'custom',
        path: ['unconfirmed'],
        message: 'an uncertain entry says what is unconfirmed, for readers',
      });
    if (!entry.uncertain && entry.unconfirmed)
      context.addIssue({
        code: 'custom',
        path: ['unconfirmed'],
        message: 'only an uncertain entry has an "unconfirmed" sentence',
      });
    if (!entry.uncertain && entry.sources.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['sources'],
        message: 'a confirmed entry names at least one source',
      });
  });

export type DeliverableFrontmatter = z.infer<typeof deliverableFrontmatterSchema>;
