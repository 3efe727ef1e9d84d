import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './types';

/** A file in `supabase/migrations`, named `YYYYMMDDHHMMSS_description.sql` as the Supabase CLI expects. */
export interface MigrationFile {
  version: string;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * What to do with a development database whose history no longer matches the
 * files. Nothing had been deployed when the migrations were consolidated
 * (docs/schema.md), so rebuilding is always safe for a database made by
 * `npm start`, the tests or a branch.
 */
const rebuildAdvice =
  'If this is a development database, rebuild it: stop the portal and run `npm run db:reset` ' +
  '(drops the portal schema, migrates and seeds again), or delete `.data/` for the embedded database.';

/** Thrown when a migration that already ran was edited afterwards: history must not be rewritten. */
export class MigrationChangedError extends Error {
  constructor(
    readonly version: string,
    readonly file: string,
  ) {
    super(
      `Migration ${file} was changed after it was applied (version ${version}). ` +
        'Never edit an applied migration: add a new one with the change. ' +
        rebuildAdvice,
    );
    this.name = 'MigrationChangedError';
  }
}

/**
 * Thrown when the database recorded migrations that are not in the folder: it
 * was built from other files (those before the consolidation of 2026-12-02,
 * or another branch's), so applying these on top would fail half-way or,
 * worse, succeed on a schema nobody can read from the files. The Supabase CLI
 * refuses such a database too.
 */
export class MigrationHistoryError extends Error {
  constructor(readonly unknownVersions: readonly string[]) {
    const shown = unknownVersions.slice(0, 3).join(', ');
    const more = unknownVersions.length > 3 ? ` and ${unknownVersions.length - 3} more` : '';
    super(
      `This database was built from migrations that are not in supabase/migrations ` +
        `(versions ${shown}${more}): the migrations were consolidated into new files, ` +
        'or the database comes from another branch. ' +
        rebuildAdvice,
    );
    this.name = 'MigrationHistoryError';
  }
}

const fileNamePattern = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// One lock key for all portal instances migrating the same database at once.
const migrationLockKey = 4_231_771_201;

/** Reads `supabase/migrations` in version order; rejects files that do not follow the CLI's naming. */
export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = fileNamePattern.exec(file);
      if (!match) {
        throw new Error(
          `Migration file ${file} must be named YYYYMMDDHHMMSS_snake_case_description.sql`,
        );
      }
      const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
      return {
        version: match[1]!,
        name: match[2]!,
        file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Gives a plain PostgreSQL what a Supabase project has (API roles, `auth.uid()`…).
 * Every statement in the script checks before it creates, so this is a no-op on Supabase.
 */
export async function applyBootstrap(db: Database, bootstrapFile: string): Promise<void> {
  await db.exec(fs.readFileSync(bootstrapFile, 'utf8'));
}

/**
 * Applies pending migrations in order, each in its own transaction, and records
 * them in `supabase_migrations.schema_migrations`, the table the Supabase CLI
 * reads, so `supabase migration list` and this runner agree. Safe to run twice
 * and from several instances at once (an advisory lock serialises them).
 * Refuses, before applying anything, a database that recorded versions the
 * folder does not have (MigrationHistoryError) and, file by file, one whose
 * applied file was edited since (MigrationChangedError).
 */
export async function migrate(
  db: Database,
  migrationsDir: string,
  options: { onApplying?: (file: string, position: number, total: number) => void } = {},
): Promise<MigrationReport> {
  const files = readMigrationFiles(migrationsDir);
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text not null primary key, statements text[], name text
    );
    create table if not exists supabase_migrations.portal_migration_checksums (
      version text not null primary key,
      sha256 text not null,
      recorded_at timestamptz not null default now()
    );
  `);

  const known = new Set(files.map((file) => file.version));
  const recorded = await db.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations order by version',
  );
  const unknown = recorded.map((row) => row.version).filter((version) => !known.has(version));
  if (unknown.length > 0) throw new MigrationHistoryError(unknown);

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const [index, migration] of files.entries()) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
      const [existing] = await tx.query<{ version: string; sha256: string | null }>(
        `select m.version, c.sha256
           from supabase_migrations.schema_migrations m
           left join supabase_migrations.portal_migration_checksums c using (version)
          where m.version = $1`,
        [migration.version],
      );
      if (existing) {
        if (existing.sha256 === null) {
          // Applied by the Supabase CLI: adopt the file as it is now.
          await tx.query(
            'insert into supabase_migrations.portal_migration_checksums (version, sha256) values ($1, $2)',
            [migration.version, migration.checksum],
          );
        } else if (existing.sha256 !== migration.checksum) {
          throw new MigrationChangedError(migration.version, migration.file);
        }
        return false;
      }
      options.onApplying?.(migration.file, index + 1, files.length);
      await db.exec(migration.sql, tx);
      await tx.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, array[$3::text])',
        [migration.version, migration.name, migration.sql],
      );
      await tx.query(
        'insert into supabase_migrations.portal_migration_checksums (version, sha256) values ($1, $2)',
        [migration.version, migration.checksum],
      );
      return true;
    });
    if (ran) applied.push(migration.file);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}

/** Drops everything the migrations and the runner created, for `npm run db:reset`. */
export async function dropPortalSchema(db: Database): Promise<void> {
  await db.exec(`
    drop schema if exists public cascade;
    drop schema if exists supabase_migrations cascade;
    drop schema if exists private cascade;
    do $$
    begin
      -- Our bootstrap's auth schema goes too; a Supabase project's (managed by
      -- its Auth service, which keeps auth.schema_migrations) is left alone.
      if to_regclass('auth.schema_migrations') is null then
        drop schema if exists auth cascade;
      end if;
    end
    $$;
    create schema public;
    grant usage on schema public to public;
    grant create on schema public to current_user;
    -- The migrations take PUBLIC's EXECUTE off new functions with a default
    -- privilege that belongs to no schema, so it outlives the drops above:
    -- put PostgreSQL's default back, so the rebuild matches a new database.
    alter default privileges grant execute on functions to public;
  `);
}
