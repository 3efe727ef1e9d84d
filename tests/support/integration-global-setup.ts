import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { wrapPglite } from '../../src/server/db/pglite-driver';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import { dropPortalSchema } from '../../src/server/db/migrate';
import { prepareDatabase } from '../../src/server/boot/prepare-database';
import { requireOrSkip } from './suite-requirements';

const rootDir = path.resolve(import.meta.dirname, '../..');

/**
 * Migrates and seeds one PGlite, saves its data directory as a tarball that
 * every test file loads (0.5 s instead of a fresh migrate and seed), and, when
 * TEST_DATABASE_URL is set, resets, migrates and seeds that PostgreSQL database.
 */
export default async function setup({
  provide,
}: {
  provide: (key: string, value: unknown) => void;
}) {
  const pg = await PGlite.create({ extensions: { pg_trgm, unaccent } });
  const db = wrapPglite(pg);
  await prepareDatabase(db, { rootDir, seedDemoData: true }, { seed: 'always' });
  const dump = await pg.dumpDataDir('none');
  const dumpFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pglite-')),
    'seeded.tar',
  );
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  provide('pgliteDump', dumpFile);

  const url = process.env.TEST_DATABASE_URL;
  const server = requireOrSkip(
    Boolean(url),
    'The PostgreSQL server suite',
    'set TEST_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/portal_test (.ci/run does)',
  );
  provide('postgresUrl', server.run ? url : '');
  if (server.run && url) {
    await dropLeftoverCopies(url);
    const pgServer = openPostgresDatabase({ url, poolSize: 2 });
    try {
      await dropPortalSchema(pgServer);
      await prepareDatabase(pgServer, { rootDir, seedDemoData: true }, { seed: 'always' });
    } finally {
      // No session may stay open: each test file copies this database as a template.
      await pgServer.close();
    }
  }
  return () => fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
}

/** Drops per-file copies (see tests/support/databases.ts) left by an interrupted run. */
async function dropLeftoverCopies(url: string): Promise<void> {
  const templateName = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = openPostgresDatabase({ url: maintenance.toString(), poolSize: 1 });
  try {
    const copies = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1 escape '!'",
      [`${templateName.replace(/[!%_]/g, '!$&')}!_copy!_%`],
    );
    for (const { datname } of copies) {
      await admin.exec(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresUrl: string;
  }
}
