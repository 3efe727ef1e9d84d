import { z } from 'zod';
import { optionalInteger, optionalText, optionalUrl } from './variables';

/** Part "search" (search): Algolia instead of the embedded Postgres engine. */
export const searchVariables = z
  .object({
    ALGOLIA_APP_ID: optionalText,
    ALGOLIA_ADMIN_KEY: optionalText,
    ALGOLIA_SEARCH_KEY: optionalText,
    ALGOLIA_INDEX_NAME: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, "_", "." or "-"')
        .optional(),
    ),
    // Tests and the local fixture only: send every request to this address.
    ALGOLIA_HOST_URL: optionalUrl(/^https?$/, 'must be an http(s) URL'),
    SEARCH_WORKER_INTERVAL_MS: optionalInteger(100, 3_600_000),
  })
  .superRefine((vars, context) => {
    if (Boolean(vars.ALGOLIA_APP_ID) !== Boolean(vars.ALGOLIA_ADMIN_KEY)) {
      context.addIssue({
        code: 'custom',
        path: [vars.ALGOLIA_APP_ID ? 'ALGOLIA_ADMIN_KEY' : 'ALGOLIA_APP_ID'],
        message: 'set both ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY to use Algolia, or neither',
      });
    }
  });

export interface AlgoliaConfig {
  appId: string;
  adminKey: string;
  /** Key used for queries; a search-only key in production, the admin key if none is set. */
  searchKey: string;
  indexName: string;
  hostUrl?: string;
}

export interface SearchConfig {
  /** Null: the embedded Postgres engine answers, with nothing to configure. */
  algolia: AlgoliaConfig | null;
  workerIntervalMs: number;
}

export function buildSearchConfig(vars: z.output<typeof searchVariables>): SearchConfig {
  const algolia =
    vars.ALGOLIA_APP_ID && vars.ALGOLIA_ADMIN_KEY
      ? {
          appId: vars.ALGOLIA_APP_ID,
          adminKey: vars.ALGOLIA_ADMIN_KEY,
          searchKey: vars.ALGOLIA_SEARCH_KEY ?? vars.ALGOLIA_ADMIN_KEY,
          indexName: vars.ALGOLIA_INDEX_NAME ?? 'portal_search',
          hostUrl: vars.ALGOLIA_HOST_URL,
        }
      : null;
  return { algolia, workerIntervalMs: vars.SEARCH_WORKER_INTERVAL_MS ?? 2000 };
}
