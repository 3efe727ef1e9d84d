import { z } from 'zod';
import { kpiCodeSchema } from '../kpis/framework';
import { readSearchParams } from '../listing/query-params';
import { sdgGoalSchema } from '../sdgs';
import { populationBandSchema, type PopulationBand } from '../taxonomy/bands';
import { regionSchema, type RegionKey } from '../taxonomy/countries';
import { themeKeys, themeSchema, type ThemeKey } from '../taxonomy/themes';
import { isSingleLineText } from '../text/control-characters';

/**
 * The `/peers` challenge as a shareable GET query: several `theme`, `sdg`
 * and `kpi` values, one `size` and `region`, and free text `q`. As on the
 * listings, a bad value is dropped and named, the rest still apply.
 */
export interface ChallengeQuery {
  themes: ThemeKey[];
  sdgs: number[];
  kpis: string[];
  size: PopulationBand | null;
  region: RegionKey | null;
  q: string;
}

const qSchema = z
  .string()
  .trim()
  .max(300)
  .refine((value) => isSingleLineText(value));

export function parseChallengeQuery(params: URLSearchParams): {
  query: ChallengeQuery;
  invalid: string[];
} {
  const raw = readSearchParams(params, ['theme', 'sdg', 'kpi', 'size', 'region', 'q']);
  const invalid = new Set<string>();
  const many = <T>(key: string, schema: z.ZodType<T>, max: number): T[] => {
    const given = raw[key];
    const values = Array.isArray(given) ? given : given === undefined ? [] : [given];
    const out: T[] = [];
    for (const value of values.slice(0, max)) {
      const parsed = schema.safeParse(value);
      if (parsed.success) {
        if (!out.includes(parsed.data)) out.push(parsed.data);
      } else invalid.add(key);
    }
    if (values.length > max) invalid.add(key);
    return out;
  };
  const one = <T>(key: string, schema: z.ZodType<T>): T | null => {
    const given = raw[key];
    const value = Array.isArray(given) ? given[0] : given;
    if (value === undefined) return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    invalid.add(key);
    return null;
  };
  const themes = many('theme', themeSchema, themeKeys.length);
  return {
    query: {
      themes: themeKeys.filter((key) => themes.includes(key)),
      sdgs: many('sdg', sdgGoalSchema, 17).sort((a, b) => a - b),
      kpis: many('kpi', kpiCodeSchema, 30),
      size: one('size', populationBandSchema),
      region: one('region', regionSchema),
      q: one('q', qSchema) ?? '',
    },
    invalid: [...invalid],
  };
}

/** True when the challenge says something to match on (size and region alone do not). */
export function isChallengeGiven(query: ChallengeQuery): boolean {
  return (
    query.themes.length > 0 || query.sdgs.length > 0 || query.kpis.length > 0 || query.q !== ''
  );
}
