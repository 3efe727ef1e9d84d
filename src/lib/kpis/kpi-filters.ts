import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { sdgGoalSchema } from '../sdgs';
import { kpiDimensionCodes, kpiSubDimensionCodes, kpiTypes } from './framework';

/**
 * Query parameters of `/kpis`; each bad value is dropped and named in
 * `invalid`, the others still apply (a shared link with a stale filter
 * still shows results).
 */
export const kpiFiltersSchema = z.object({
  dimension: z.enum(kpiDimensionCodes).optional(),
  subDimension: z.enum(kpiSubDimensionCodes as [string, ...string[]]).optional(),
  type: z.enum(kpiTypes).optional(),
  sdg: sdgGoalSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: pageSchema,
});
export type KpiFilters = z.infer<typeof kpiFiltersSchema>;

/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseKpiFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): { filters: KpiFilters; invalid: string[] } {
  return parseListingFilters(kpiFiltersSchema, source);
}
