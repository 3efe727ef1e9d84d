import { getConfig } from '../config';
import { createAlgoliaEngine } from './algolia/algolia-engine';
import type { SearchEngine } from './engine';
import { postgresSearchEngine } from './postgres-engine';

let cached: SearchEngine | undefined;

/**
 * The engine that answers searches: Algolia when ALGOLIA_APP_ID and
 * ALGOLIA_ADMIN_KEY are set, else the embedded Postgres engine. Chosen once
 * per process.
 */
export function getSearchEngine(): SearchEngine {
  if (cached) return cached;
  const { algolia } = getConfig().search;
  cached = algolia ? createAlgoliaEngine(algolia) : postgresSearchEngine;
  return cached;
}
