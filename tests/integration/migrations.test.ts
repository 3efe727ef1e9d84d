import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrapPglite } from '../../src/server/db/pglite-driver';
import {
  applyBootstrap,
  migrate,
  MigrationChangedError,
  MigrationHistoryError,
  readMigrationFiles,
} from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';

const rootDir = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(rootDir, 'supabase', 'migrations');

describe.each(testTargets())('migration runner on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('records every file in supabase_migrations.schema_migrations, as the Supabase CLI does', async () => {
    const rows = await db.query<{ version: string; name: string }>(
      'select version, name from supabase_migrations.schema_migrations order by version',
    );
    expect(rows.map((r) => `${r.version}_${r.name}.sql`)).toEqual(
      readMigrationFiles(migrationsDir).map((m) => m.file),
    );
  });

  it('applies nothing the second time', async () => {
    await applyBootstrap(db, path.join(rootDir, 'supabase', 'bootstrap.sql'));
    const report = await migrate(db, migrationsDir);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(readMigrationFiles(migrationsDir).length);
  });
});

describe('migration runner safety (fresh PGlite)', () => {
  let db: Database;
  let tempDir: string;
  beforeAll(async () => {
    db = wrapPglite(await PGlite.create({ extensions: { pg_trgm, unaccent } }));
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'));
    for (const file of fs.readdirSync(migrationsDir)) {
      fs.copyFileSync(path.join(migrationsDir, file), path.join(tempDir, file));
    }
    await applyBootstrap(db, path.join(rootDir, 'supabase', 'bootstrap.sql'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('runs the bootstrap twice without error and leaves the Supabase roles and auth functions', async () => {
    await applyBootstrap(db, path.join(rootDir, 'supabase', 'bootstrap.sql'));
    const roles = await db.query<{ rolname: string }>(
      "select rolname from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1",
    );
    expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated', 'service_role']);
    const [fns] = await db.query<{ uid: string | null; jwt: string | null; role: string | null }>(
      `select to_regprocedure('auth.uid()')::text as uid, to_regprocedure('auth.jwt()')::text as jwt,
              to_regprocedure('auth.role()')::text as role`,
    );
    expect(fns).toEqual({ uid: 'auth.uid()', jwt: 'auth.jwt()', role: 'auth.role()' });
  });

  it('applies all files in order on an empty database', async () => {
    const report = await migrate(db, tempDir);
    expect(report.applied).toEqual(readMigrationFiles(migrationsDir).map((m) => m.file));
  });

  it('refuses to continue when an applied file was edited', async () => {
    const [first] = readMigrationFiles(tempDir);
    fs.appendFileSync(path.join(tempDir, first!.file), '\n-- an edit after the fact\n');
    const refusal = migrate(db, tempDir);
    await expect(refusal).rejects.toBeInstanceOf(MigrationChangedError);
    await expect(refusal).rejects.toThrow(/npm run db:reset.*\.data\//);
  });

  it('rejects a file that does not follow the CLI naming', () => {
    fs.writeFileSync(path.join(tempDir, 'add-things.sql'), 'select 1;');
    expect(() => readMigrationFiles(tempDir)).toThrow(/YYYYMMDDHHMMSS/);
    fs.rmSync(path.join(tempDir, 'add-things.sql'));
  });

  it('rolls back a failing migration completely and does not record it', async () => {
    const [first] = readMigrationFiles(tempDir);
    fs.copyFileSync(path.join(migrationsDir, first!.file), path.join(tempDir, first!.file));
    fs.writeFileSync(
      path.join(tempDir, '29991231235959_broken.sql'),
      'create table public.half_done (id int); select no_such_function();',
    );
    await expect(migrate(db, tempDir)).rejects.toThrow(/no_such_function/);
    const [row] = await db.query<{ table: string | null; recorded: boolean }>(
      `select to_regclass('public.half_done')::text as table,
              exists (select 1 from supabase_migrations.schema_migrations where version = '29991231235959') as recorded`,
    );
    expect(row).toEqual({ table: null, recorded: false });
  });

  it('refuses a database built from migration files that are gone, and says how to rebuild it', async () => {
    // As a .data/ made before the migrations were consolidated: versions the folder lacks.
    await db.query(
      "insert into supabase_migrations.schema_migrations (version, name) values ('20261129100000', 'base_tables')",
    );
    try {
      const refusal = migrate(db, migrationsDir);
      await expect(refusal).rejects.toBeInstanceOf(MigrationHistoryError);
      await expect(refusal).rejects.toThrow(/20261129100000.*npm run db:reset.*\.data\//);
    } finally {
      await db.query(
        "delete from supabase_migrations.schema_migrations where version = '20261129100000'",
      );
    }
    expect((await migrate(db, migrationsDir)).applied).toEqual([]);
  });
});
