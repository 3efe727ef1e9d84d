import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { slugSchema } from '../slug';
import { populationBandSchema } from '../taxonomy/bands';
import { countryCodeSchema, regionSchema, type RegionKey } from '../taxonomy/countries';
import { themeSchema } from '../taxonomy/themes';

/** The regions vocabulary lives in src/lib/taxonomy; re-exported for the places code. */
export { regionSchema };
export type Region = RegionKey;

/** The U4SSC KPI status a city can be filtered by: reported implemented, or verified by a third party. */
export const cityKpiStatuses = ['implemented', 'verified'] as const;

/** Query parameters of `/cities`; each facet takes one value. */
export const cityFiltersSchema = z.object({
  /** An ISO 3166-1 alpha-2 code (`?country=NO`). */
  country: countryCodeSchema.optional(),
  region: regionSchema.optional(),
  /** A hub's slug: cities that are members of it. */
  hub: slugSchema.optional(),
  /** A population band (src/lib/taxonomy/bands.ts). */
  size: populationBandSchema.optional(),
  kpi: z.enum(cityKpiStatuses).optional(),
  /** A theme the city's published case studies work on. */
  theme: themeSchema.optional(),
  page: pageSchema,
});
export type CityFilters = z.infer<typeof cityFiltersSchema>;
export type CityFacetName = Exclude<keyof CityFilters, 'page'>;
export const cityFacetNames = [
  'country',
  'region',
  'hub',
  'size',
  'kpi',
  'theme',
] as const satisfies readonly CityFacetName[];

/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseCityFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): {
  filters: CityFilters;
  invalid: string[];
} {
  return parseListingFilters(cityFiltersSchema, source);
}
