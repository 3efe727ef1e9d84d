import { z } from 'zod';
import { kpiDimensionCodes } from '../kpis/framework';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { organizationSizeBandSchema } from '../organizations/size-bands';
import { slugSchema } from '../slug';
import { sdgGoalSchema } from '../sdgs';
import { countryCodeSchema, regionSchema } from '../taxonomy/countries';
import { themeSchema } from '../taxonomy/themes';
import { sectorKeys } from '../taxonomy/sectors';

/** The sector of a partner organization (`organizations.kind`; vocabulary in src/lib/taxonomy/sectors.ts). */
export const organizationKindSchema = z.enum(sectorKeys);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

/** Review state of an organization, as the `organizations.status` check allows. */
export const organizationStatusSchema = z.enum(['pending', 'verified', 'declined']);
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;

/**
 * Query parameters of `/directory`, `/directory.csv` and `GET /api/organizations`
 * (one schema, so the three agree): sector, solution theme and SDG of an
 * offering, KPI dimension, region and country served (a country also matches
 * the organization's own), hub it partners with, ITU-T Recommendation it
 * implements (deliverable slug), size band.
 */
export const organizationFiltersSchema = z.object({
  kind: organizationKindSchema.optional(),
  theme: themeSchema.optional(),
  sdg: sdgGoalSchema.optional(),
  dimension: z.enum(kpiDimensionCodes).optional(),
  region: regionSchema.optional(),
  /** An ISO 3166-1 alpha-2 code (`?country=AT`). */
  country: countryCodeSchema.optional(),
  hub: slugSchema.optional(),
  recommendation: slugSchema.optional(),
  size: organizationSizeBandSchema.optional(),
  page: pageSchema,
});
export type OrganizationFilters = z.infer<typeof organizationFiltersSchema>;
export type OrganizationFacet = Exclude<keyof OrganizationFilters, 'page'>;
export const organizationFacets = [
  'kind',
  'theme',
  'sdg',
  'dimension',
  'region',
  'country',
  'hub',
  'recommendation',
  'size',
] as const satisfies readonly OrganizationFacet[];

/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseOrganizationFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): {
  filters: OrganizationFilters;
  invalid: string[];
} {
  return parseListingFilters(organizationFiltersSchema, source);
}
