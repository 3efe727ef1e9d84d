import { describe, expect, it } from 'vitest';
import { roundEstimate } from '../../src/server/search/estimate';

describe('estimated search totals', () => {
  it('rounds estimates to two significant digits', () => {
    expect(roundEstimate(7994)).toBe(8000);
    expect(roundEstimate(17_385)).toBe(17_000);
    expect(roundEstimate(1921)).toBe(1900);
    expect(roundEstimate(154)).toBe(150);
    expect(roundEstimate(42)).toBe(42);
  });
});
