import { describe, expect, it } from 'vitest';
import { estimateTotal, roundEstimate } from '../../src/server/search/estimate';

describe('estimated search totals', () => {
  it('extrapolates from the share of the table read', () => {
    // 1,001 matches in the first 1,250 of 10,000 blocks: about 8,000 in all.
    expect(estimateTotal(1001, 1249, 10_000)).toBe(8008);
  });

  it('never estimates fewer rows than were read', () => {
    expect(estimateTotal(1001, 9999, 10_000)).toBe(1001);
    expect(estimateTotal(1001, 20_000, 10_000)).toBe(1001);
    expect(estimateTotal(0, 0, 10_000)).toBe(0);
  });

  it('rounds estimates to two significant digits', () => {
    expect(roundEstimate(7994)).toBe(8000);
    expect(roundEstimate(17_385)).toBe(17_000);
    expect(roundEstimate(1921)).toBe(1900);
    expect(roundEstimate(154)).toBe(150);
    expect(roundEstimate(42)).toBe(42);
  });
});
