/**
 * Shared start-up of the search commands: the privileged database (these are
 * background jobs) and the Algolia client, failing with a clear message when
 * Algolia is not configured.
 */
import { closeConnection, describeConnection } from '../src/server/db/connection';
import { getPrivilegedDatabase } from '../src/server/db/privileged';
import type { Database } from '../src/server/db/types';
import { createAlgoliaClient, type AlgoliaClient } from '../src/server/search/algolia/client';
import { getConfig, type AlgoliaConfig } from '../src/server/config';

export interface SearchJobContext {
  db: Database;
  client: AlgoliaClient;
  config: AlgoliaConfig;
}

/** Opens what a search job needs, or explains which variables are missing. */
export async function openSearchJob(command: string): Promise<SearchJobContext | null> {
  const config = getConfig().search.algolia;
  if (!config) {
    console.log(
      `${command}: Algolia is not configured (set ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY). ` +
        'The embedded Postgres engine needs no index: its records are kept current by triggers.',
    );
    return null;
  }
  const db = await getPrivilegedDatabase();
  console.log(`Database: ${describeConnection()}; Algolia index: ${config.indexName}`);
  return { db, config, client: createAlgoliaClient(config, 'admin') };
}

/** Runs a job and exits with a non-zero code on failure. */
export function runJob(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeConnection());
}
