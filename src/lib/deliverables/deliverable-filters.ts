import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { themeSchema } from '../taxonomy/themes';
import { deliverableKindSchema } from './deliverable-schema';

/** Query parameters of `/deliverables`; each bad value is dropped and named in `invalid`. */
export const deliverableFiltersSchema = z.object({
  kind: deliverableKindSchema.optional(),
  /** A key of the shared theme taxonomy (the sync maps the files' tags to it). */
  theme: themeSchema.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: pageSchema,
});

export type DeliverableFilters = z.infer<typeof deliverableFiltersSchema>;

/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseDeliverableFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): {
  filters: DeliverableFilters;
  invalid: string[];
} {
  return parseListingFilters(deliverableFiltersSchema, source);
}
