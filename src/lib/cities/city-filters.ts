import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { countryCodeSchema, regionSchema, type RegionKey } from '../taxonomy/countries';

/** The regions vocabulary lives in src/lib/taxonomy; re-exported for the places code. */
export { regionSchema };
export type Region = RegionKey;

/** Query parameters of `/cities`. */
export const cityFiltersSchema = z.object({
  region: regionSchema.optional(),
  /** An ISO 3166-1 alpha-2 code (`?country=NO`). */
  country: countryCodeSchema.optional(),
  kpi: z.literal('implemented').optional(),
  page: pageSchema,
});
export type CityFilters = z.infer<typeof cityFiltersSchema>;
/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseCityFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): {
  filters: CityFilters;
  invalid: string[];
} {
  return parseListingFilters(cityFiltersSchema, source);
}
