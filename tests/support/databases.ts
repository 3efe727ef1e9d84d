import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { inject } from 'vitest';
import { wrapPglite } from '../../src/server/db/pglite-driver';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import type { Database, Queryable } from '../../src/server/db/types';
import type { JwtClaims } from '../../src/server/db/claims';

export interface TestTarget {
  name: 'pglite' | 'postgres';
  /** `poolSize` (PostgreSQL only, default 4): connections, for tests of parallel requests. */
  open(options?: { poolSize?: number }): Promise<Database>;
  /**
   * A new, empty database of the same kind (no bootstrap, no migrations), for
   * tests that build the schema themselves; dropped again on close.
   */
  openEmpty(): Promise<Database>;
}

/**
 * Creates a private copy of the seeded PostgreSQL database (CREATE DATABASE …
 * TEMPLATE, a file copy) so that a test file whose use cases commit, as real
 * requests do, never changes what another file sees; dropped again on close.
 * The same isolation PGlite gets by loading its own copy of the seeded dump.
 * With `empty`, the new database is made from template0 instead: nothing in it.
 */
async function openPostgresCopy(
  templateUrl: string,
  options: { poolSize?: number; empty?: boolean } = {},
): Promise<Database> {
  const { poolSize = 4, empty = false } = options;
  const template = new URL(templateUrl);
  const templateName = decodeURIComponent(template.pathname.slice(1));
  // Named as a copy either way, so the global setup drops it if a run is interrupted.
  const copyName = `${templateName}_copy_${randomBytes(5).toString('hex')}`;
  const maintenance = new URL(templateUrl);
  maintenance.pathname = '/postgres';
  const admin = openPostgresDatabase({ url: maintenance.toString(), poolSize: 1 });
  try {
    await admin.exec(
      `create database "${copyName}" template "${empty ? 'template0' : templateName}"`,
    );
  } finally {
    await admin.close();
  }
  const copyUrl = new URL(templateUrl);
  copyUrl.pathname = `/${copyName}`;
  const db = openPostgresDatabase({ url: copyUrl.toString(), poolSize });
  return {
    ...db,
    async close() {
      await db.close();
      const cleanup = openPostgresDatabase({ url: maintenance.toString(), poolSize: 1 });
      try {
        await cleanup.exec(`drop database if exists "${copyName}" with (force)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}

/**
 * The databases every integration test runs against: a seeded PGlite always,
 * and the seeded PostgreSQL server when TEST_DATABASE_URL is set (each test
 * file gets its own copy of both). Use with `describe.each(testTargets())`.
 */
export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [
    {
      name: 'pglite',
      async open() {
        const tar = fs.readFileSync(inject('pgliteDump'));
        const pg = await PGlite.create({
          loadDataDir: new Blob([tar]),
          extensions: { pg_trgm, unaccent },
        });
        return wrapPglite(pg);
      },
      async openEmpty() {
        return wrapPglite(await PGlite.create({ extensions: { pg_trgm, unaccent } }));
      },
    },
  ];
  const url = inject('postgresUrl');
  if (url) {
    targets.push({
      name: 'postgres',
      open: (options) => openPostgresCopy(url, { poolSize: options?.poolSize }),
      openEmpty: () => openPostgresCopy(url, { poolSize: 1, empty: true }),
    });
  }
  return targets;
}

class Rollback extends Error {}

/**
 * Runs `fn` as a user would reach the database (role `anon`, or
 * `authenticated` with these claims) in a transaction that is always rolled
 * back, so tests never change the shared seeded database.
 */
export async function asUser<T>(
  db: Database,
  claims: JwtClaims | null,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
        [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
      );
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** Runs `fn` with the owner's privileges in a transaction that is always rolled back. */
export async function asOwner<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** Claims for a seeded user id, as the identity provider would issue them. */
export function claimsFor(userId: string, email = `${userId}@test.local`): JwtClaims {
  return {
    sub: userId,
    email,
    role: 'authenticated',
    aal: 'aal1',
    exp: Math.floor(Date.now() / 1000) + 3600,
    app_metadata: {},
    user_metadata: {},
  };
}

/** Runs a statement expecting Postgres to refuse it; returns the error's SQLSTATE code. */
export async function expectRefusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  }
  throw new Error('Expected the database to refuse the statement, but it succeeded');
}
