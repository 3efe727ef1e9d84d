import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { countryCodeSchema } from '../taxonomy/countries';
import { sectorKeys } from '../taxonomy/sectors';

/** The sector of a partner organization (`organizations.kind`; vocabulary in src/lib/taxonomy/sectors.ts). */
export const organizationKindSchema = z.enum(sectorKeys);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

/** Review state of an organization, as the `organizations.status` check allows. */
export const organizationStatusSchema = z.enum(['pending', 'verified', 'rejected']);
export type OrganizationStatus = z.infer<typeof organizationStatusSchema>;

/** Query parameters of `/directory`. */
export const organizationFiltersSchema = z.object({
  kind: organizationKindSchema.optional(),
  /** An ISO 3166-1 alpha-2 code (`?country=AT`). */
  country: countryCodeSchema.optional(),
  page: pageSchema,
});
export type OrganizationFilters = z.infer<typeof organizationFiltersSchema>;
/** Parses field by field: a bad value is dropped and named, the rest still apply. */
export function parseOrganizationFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): {
  filters: OrganizationFilters;
  invalid: string[];
} {
  return parseListingFilters(organizationFiltersSchema, source);
}
