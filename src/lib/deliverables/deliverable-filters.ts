import { z } from 'zod';
import { pageSchema } from '../listing/query-params';
import { deliverableKindSchema } from './deliverable-schema';

/** Query parameters of `/deliverables`; each bad value is dropped and named in `invalid`. */
export const deliverableFiltersSchema = z.object({
  kind: deliverableKindSchema.optional(),
  theme: z.string().trim().min(2).max(60).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: pageSchema,
});

export type DeliverableFilters = z.infer<typeof deliverableFiltersSchema>;

export const deliverableFilterKeys = ['kind', 'theme', 'year', 'q', 'page'] as const;

/** Parses the filters field by field, so one bad value does not discard the others. */
export function parseDeliverableFilters(raw: Record<string, string | string[] | undefined>): {
  filters: DeliverableFilters;
  invalid: string[];
} {
  const invalid: string[] = [];
  const filters: Record<string, unknown> = {};
  for (const key of deliverableFilterKeys) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value === undefined) continue;
    const field = deliverableFiltersSchema.shape[key].safeParse(value);
    if (field.success) filters[key] = field.data;
    else invalid.push(key);
  }
  return { filters: deliverableFiltersSchema.parse(filters), invalid };
}
