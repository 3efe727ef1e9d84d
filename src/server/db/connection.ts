import path from 'node:path';
import { getConfig } from '../config';
import { openPgliteDatabase } from './pglite-driver';
import { openPostgresDatabase } from './postgres-driver';
import type { Database } from './types';

/**
 * The process-wide database handle. Not for use cases: requests go through
 * `request-context.ts` (which drops privileges to `anon`/`authenticated`) and
 * jobs through `privileged.ts`. This module only decides which driver to open.
 */
let opening: Promise<Database> | undefined;

/** Opens the configured database once per process: `DATABASE_URL`, else PGlite under `.data/`. */
export function getConnection(): Promise<Database> {
  opening ??= openConfigured().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
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
  return path.join(getConfig().server.dataDir, 'pglite');
}

async function openConfigured(): Promise<Database> {
  const { database } = getConfig();
  if (database.url) {
    return openPostgresDatabase({
      url: database.url,
      poolSize: database.poolSize,
      prepare: database.prepare,
    });
  }
  return openPgliteDatabase(pgliteDir());
}
