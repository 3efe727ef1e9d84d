import { z } from 'zod';
import { kpiDimensionCodes } from '../kpis/framework';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { sdgGoalSchema } from '../sdgs';
import { slugSchema } from '../slug';
import { populationBandSchema } from '../taxonomy/bands';
import { countryCodeSchema, regionSchema } from '../taxonomy/countries';
import { themeSchema } from '../taxonomy/themes';
import { sectorSchema } from '../taxonomy/sectors';
import { keyOf, projectStatuses } from './vocabulary';

/**
 * The query parameters of `/case-studies`, `/case-studies.csv` and
 * `GET /api/case-studies` (one schema, so the three answer the same
 * question). Each facet takes one value; a bad value is dropped and named,
 * the others still apply, so a shared link with a stale filter still works.
 */
export const caseStudyFiltersSchema = z.object({
  theme: themeSchema.optional(),
  sdg: sdgGoalSchema.optional(),
  kpi: z.enum(kpiDimensionCodes).optional(),
  hub: slugSchema.optional(),
  region: regionSchema.optional(),
  country: countryCodeSchema.optional(),
  size: populationBandSchema.optional(),
  status: keyOf(projectStatuses, 'caseStudy.error.projectStatus').optional(),
  gender: z.literal('responsive').optional(),
  deliverable: slugSchema.optional(),
  sector: sectorSchema.optional(),
  page: pageSchema,
});
export type CaseStudyFilters = z.infer<typeof caseStudyFiltersSchema>;

/** The facets of the listing, in the order the filter panel shows them. */
export const caseStudyFacetNames = [
  'theme',
  'sdg',
  'kpi',
  'hub',
  'region',
  'country',
  'size',
  'status',
  'gender',
  'deliverable',
  'sector',
] as const;
export type CaseStudyFacetName = (typeof caseStudyFacetNames)[number];

/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseCaseStudyFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): { filters: CaseStudyFilters; invalid: string[] } {
  return parseListingFilters(caseStudyFiltersSchema, source);
}
