/**
 * Approximate counts for large result sets. The Postgres engine reads at most
 * a bounded number of matches per query, bucket by bucket (each bucket a
 * fixed, random sixteenth of the records); when there are more, the database
 * estimates the total from the share of buckets read (public.search_candidates
 * in migration 20261129200900_search.sql) and the engine rounds it here. Pure,
 * so the rounding is unit-tested.
 */

/**
 * How many matches the engine ranks and counts exactly before it estimates
 * (300 measured about 20 % faster than 500 at 100,000 records, and 500 faster
 * than 1,000; docs/search.md).
 */
export const exactMatchLimit = 300;

/**
 * Rounds an estimate to two significant digits, the precision it has
 * ("about 8,000 results", not "about 7,994").
 */
export function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}
