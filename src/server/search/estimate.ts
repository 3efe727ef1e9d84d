/**
 * Estimated totals for large result sets. The Postgres engine reads at most a
 * bounded number of matches per query (the first ones in table order); when
 * there are more, the total is extrapolated from how far into the table those
 * matches reached. Pure, so the arithmetic is unit-tested.
 */

/**
 * How many matches the engine ranks and counts exactly before it estimates
 * (500 measured faster than 1,000 at 100,000 records; README, section Search).
 */
export const exactMatchLimit = 500;

/**
 * Estimates how many rows match from the first `sampled` matches, read in
 * table order up to block `lastBlock` (0-based) of `tableBlocks`: matches are
 * assumed to be spread evenly, so the total is sampled rows / share read.
 * Never less than `sampled` (which are known to exist).
 */
export function estimateTotal(sampled: number, lastBlock: number, tableBlocks: number): number {
  if (sampled <= 0) return 0;
  const share = Math.min(1, (lastBlock + 1) / Math.max(1, tableBlocks));
  return Math.max(sampled, Math.round(sampled / share));
}

/**
 * Rounds an estimate to two significant digits, the precision it has
 * ("about 8,000 results", not "about 7,994").
 */
export function roundEstimate(value: number): number {
  if (value < 100) return Math.round(value);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}
