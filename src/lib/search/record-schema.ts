import { z } from 'zod';

/**
 * The one shape of every searchable thing on the portal. The database builds
 * these records (public.search_documents), the Algolia index mirrors them, and
 * the UI renders them, so every layer agrees on the same fields.
 */
export const searchTypes = [
  'hub',
  'city',
  'case_study',
  'organization',
  'deliverable',
  'news',
  'event',
  'kpi',
  'procurement',
] as const;
export const searchTypeSchema = z.enum(searchTypes);
export type SearchType = z.infer<typeof searchTypeSchema>;

/** Record ids are `type:source_id`, so one id names one record across engines. */
export const searchRecordIdSchema = z
  .string()
  .regex(
    /^(hub|city|case_study|organization|deliverable|news|event|kpi|procurement):[^\s]{1,200}$/,
  );

/** A link from one record to another: the hub of a city, a deliverable a case study applies. */
export const searchLinkSchema = z.object({
  id: searchRecordIdSchema,
  type: searchTypeSchema,
  title: z.string().min(1),
  url: z.string().startsWith('/'),
  /** How the records relate: `hub`, `implements`, `city`, `organization`, `case_study`… */
  relation: z.string().min(1).max(40),
});
export type SearchLink = z.infer<typeof searchLinkSchema>;

export const searchRecordSchema = z.object({
  id: searchRecordIdSchema,
  type: searchTypeSchema,
  title: z.string().min(1),
  summary: z.string(),
  text: z.string(),
  url: z.string().regex(/^\/[^/]/, 'a path on this site'),
  code: z.string().nullable(),
  subtype: z.string().nullable(),
  hubs: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string().nullable(),
  sdgs: z.array(z.number().int().min(1).max(17)),
  themes: z.array(z.string()),
  kpi_codes: z.array(z.string()),
  links: z.array(searchLinkSchema),
  is_demo: z.boolean(),
  date: z.string().nullable(),
  visible_from: z.string().nullable(),
  content_hash: z.string(),
});
export type SearchRecord = z.infer<typeof searchRecordSchema>;

/** Facets offered beside results, in the order they are shown. */
export const searchFacetNames = ['type', 'hub', 'country', 'sdg', 'theme'] as const;
export type SearchFacetName = (typeof searchFacetNames)[number];
