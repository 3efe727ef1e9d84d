import { z } from 'zod';
import { sdgGoalSchema } from '../sdgs';
import { slugSchema } from '../slug';
import { themeKeys, themeSchema } from '../taxonomy/themes';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item.catch(undefined as never)).max(20),
  );

/**
 * The query of `/directory/match` (a shareable GET URL): a city, and the
 * challenge described as themes and SDGs. Unknown values are dropped.
 */
export const matchQuerySchema = z.object({
  city: slugSchema.optional().catch(undefined),
  theme: list(themeSchema).transform((themes) => themeKeys.filter((key) => themes.includes(key))),
  sdg: list(sdgGoalSchema).transform((goals) =>
    [...new Set(goals.filter((goal): goal is number => typeof goal === 'number'))].sort(
      (a, b) => a - b,
    ),
  ),
});
export type MatchQuery = z.output<typeof matchQuerySchema>;

/** Reads the query string (repeated keys are lists). */
export function parseMatchQuery(params: URLSearchParams): MatchQuery {
  return matchQuerySchema.parse({
    city: params.get('city') || undefined,
    theme: params.getAll('theme'),
    sdg: params.getAll('sdg'),
  });
}
