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
