import { getConnection } from './connection';
import type { Database } from './types';

/**
 * PRIVILEGED ACCESS: the connection as its owner, bypassing row-level security.
 *
 * Only migrations, seeding, content sync and background jobs (outbox workers,
 * search reindexing) may use this. A user's request never does: it goes through
 * `withRequestContext`, so that Postgres policies decide what the user can see.
 * ESLint allows importing this file only from src/server/boot, src/server/seed,
 * src/server/jobs, scripts/, bench/ and tests/ (eslint/boundaries.js); jobs
 * elsewhere receive the opener as a parameter (see `startOutboxWorker`).
 */
export function getPrivilegedDatabase(): Promise<Database> {
  return getConnection();
}
