import path from 'node:path';
import { getConfig, type Config } from '../config';
import { DatabaseUnavailableError } from './database-unavailable';
import { openPgliteDatabase } from './pglite-driver';
import { openPostgresDatabase } from './postgres-driver';
import type { Database } from './types';

/**
 * The process-wide database handle. Not for use cases: requests go through
 * `request-context.ts` (which drops privileges to `anon`/`authenticated`) and
 * jobs through `privileged.ts`. This module only decides which driver to open.
 */
let opening: Promise<Database> | undefined;

/**
 * Opens the configured database once per process: `DATABASE_URL`, else PGlite
 * under `.data/`. A failure to open is `DatabaseUnavailableError` (a 503) and
 * is retried by the next caller; so is an embedded database that stopped.
 */
export function getConnection(): Promise<Database> {
  if (opening) return opening;
  const attempt: Promise<Database> = openConfigured(() => {
    if (opening === attempt) opening = undefined;
  }).catch((error: unknown) => {
    if (opening === attempt) opening = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `The database (${describeConnection()}) could not be opened: ${reason}`,
      { cause: error },
    );
  });
  opening = attempt;
  return attempt;
}

/** Describes the target for logs and the README's status line, without secrets. */
export function describeConnection(): string {
  const { database, server } = getConfig();
  if (database.url) {
    const url = new URL(database.url);
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return `embedded PGlite in ${path.relative(server.rootDir, pgliteDir()) || '.'}`;
}

/** Closes the handle (CLI scripts and tests end with it). */
export async function closeConnection(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) await (await current).close();
}

function pgliteDir(): string {
  return embeddedDatabaseDir(getConfig());
}

/** The embedded database's folder under DATA_DIR. */
export function embeddedDatabaseDir(config: Pick<Config, 'server'>): string {
  return path.join(config.server.dataDir, 'pglite');
}

async function openConfigured(onDown: () => void): Promise<Database> {
  const { database } = getConfig();
  if (database.url) {
    return openPostgresDatabase({
      url: database.url,
      poolSize: database.poolSize,
      prepare: database.prepare,
    });
  }
  return openPgliteDatabase(pgliteDir(), { onDown });
}
