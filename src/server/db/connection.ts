import path from 'node:path';
import { getServerEnv } from '../env';
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
  const env = getServerEnv();
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return `embedded PGlite in ${path.relative(env.rootDir, pgliteDir()) || '.'}`;
}

/** Closes the handle (CLI scripts and tests end with it). */
export async function closeConnection(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) await (await current).close();
}

function pgliteDir(): string {
  return path.join(getServerEnv().dataDir, 'pglite');
}

async function openConfigured(onDown: () => void): Promise<Database> {
  const env = getServerEnv();
  if (env.DATABASE_URL) {
    return openPostgresDatabase({
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      prepare: env.DATABASE_PREPARE,
    });
  }
  return openPgliteDatabase(pgliteDir(), { onDown });
}
