/**
 * One value of a listing's filter with how many results it would give, as
 * every listing's queries return them and `FilterOptions.astro` shows them.
 */
export interface FacetCount<V extends string | number = string> {
  value: V;
  count: number;
}
