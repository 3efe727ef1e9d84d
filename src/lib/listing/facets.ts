/**
 * One value of a listing's filter with how many results it would give, as
 * every listing's queries return them and `FilterOptions.astro` shows them.
 */
export interface FacetCount<V extends string | number = string> {
  value: V;
  count: number;
}

/**
 * A country facet (ISO codes from the database) as filter options named in
 * the reader's language and sorted by that name: "NO" is "Norway" in English
 * and sorts under N, wherever its code would sort.
 */
export function countryFacetOptions(
  facets: readonly FacetCount[],
  countryName: (code: string) => string,
): (FacetCount & { label: string })[] {
  return facets
    .map((facet) => ({ ...facet, label: countryName(facet.value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * At most this many options in a facet whose values grow with the data (the
 * hubs of /news and /events): every read is bounded (issue 16, "Growth").
 */
export const hubFacetLimit = 500;

/**
 * Listings that grow without bound (news, events) count at most this many
 * rows for their total and facets, through the index, instead of counting
 * every row on every request: "more than 1,000" is what a reader needs to
 * know, and pagination stops at the thousandth item (filters narrow it).
 */
export const listingCountCap = 1000;
