import { z } from 'zod';
import type { MessageKey } from '../i18n';

/**
 * Size bands for cities and money bands for projects and contracts: a peer
 * match compares bands, not exact figures, and people who do not know the
 * exact figure can still choose a band. Keys are stored; labels are i18n
 * messages (`band.population.<key>`, `band.value.<key>`).
 */

export interface Band<Key extends string> {
  key: Key;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound; null for the open-ended top band. */
  max: number | null;
}

/**
 * City population bands, following the OECD/European Commission size classes
 * of functional urban areas (small urban areas 50,000–200,000, medium-sized
 * 200,000–500,000, metropolitan 500,000–1.5 million, large metropolitan
 * 1.5 million or more), with one band below 50,000 for the towns and small
 * communities that take part in U4SSC (OECD, "Defining the city", 2012;
 * Dijkstra, Poelman and Veneri, OECD Regional Development Working Papers 2019/11).
 */
export const populationBands = [
  { key: 'under-50k', min: 0, max: 50_000 },
  { key: '50k-200k', min: 50_000, max: 200_000 },
  { key: '200k-500k', min: 200_000, max: 500_000 },
  { key: '500k-1-5m', min: 500_000, max: 1_500_000 },
  { key: '1-5m-plus', min: 1_500_000, max: null },
] as const satisfies readonly Band<string>[];
export type PopulationBand = (typeof populationBands)[number]['key'];

/**
 * Value bands for budgets and contract values, in US dollars (the currency
 * the UN reports in; convert at the rate of the day the value was set).
 */
export const valueBands = [
  { key: 'under-100k', min: 0, max: 100_000 },
  { key: '100k-500k', min: 100_000, max: 500_000 },
  { key: '500k-1m', min: 500_000, max: 1_000_000 },
  { key: '1m-5m', min: 1_000_000, max: 5_000_000 },
  { key: '5m-20m', min: 5_000_000, max: 20_000_000 },
  { key: '20m-plus', min: 20_000_000, max: null },
] as const satisfies readonly Band<string>[];
export type ValueBand = (typeof valueBands)[number]['key'];

function bandOf<Key extends string>(bands: readonly Band<Key>[], value: number): Key | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return bands.find((band) => value >= band.min && (band.max === null || value < band.max))!.key;
}

/** The band of a population figure (null for a negative or non-finite number). */
export function populationBandOf(population: number): PopulationBand | null {
  return bandOf<PopulationBand>(populationBands, population);
}

/** The band of an amount in US dollars (null for a negative or non-finite number). */
export function valueBandOf(amountUsd: number): ValueBand | null {
  return bandOf<ValueBand>(valueBands, amountUsd);
}

function bandSchema<Key extends string>(bands: readonly Band<Key>[], message: MessageKey) {
  const keys = new Set<string>(bands.map((band) => band.key));
  return z.string().transform((value, ctx) => {
    const key = value.trim().toLowerCase();
    if (!keys.has(key)) {
      ctx.addIssue({ code: 'custom', message, params: { value } });
      return z.NEVER;
    }
    return key as Key;
  });
}

/** A population band key; anything else is refused naming the value. */
export const populationBandSchema = bandSchema<PopulationBand>(
  populationBands,
  'band.error.population',
);

/** A value band key; anything else is refused naming the value. */
export const valueBandSchema = bandSchema<ValueBand>(valueBands, 'band.error.value');

/** Neighbouring bands count as similar when ranking peers: the distance in steps. */
export function bandDistance<Key extends string>(
  bands: readonly Band<Key>[],
  a: Key,
  b: Key,
): number {
  return Math.abs(
    bands.findIndex((band) => band.key === a) - bands.findIndex((band) => band.key === b),
  );
}
