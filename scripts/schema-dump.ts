/**
 * `npm run schema:dump`: writes supabase/schema.sql, the whole schema that
 * supabase/bootstrap.sql and supabase/migrations produce, as one readable file.
 *
 * It creates a scratch database next to TEST_DATABASE_URL (or --url), applies
 * the bootstrap and the migrations with the portal's own runner, runs
 * `pg_dump --schema-only` on it, appends the rows the migrations themselves
 * write (search source registrations), normalises the text and drops the
 * scratch database. The output depends only on the migration files and the
 * PostgreSQL major version (15, as in CI), so CI regenerates it and fails when
 * it differs from the committed file (docs/schema.md).
 *
 *   tsx scripts/schema-dump.ts [--url URL] [--migrations DIR] [--out FILE]
 *   tsx scripts/schema-dump.ts --database URL --out FILE
 *   tsx scripts/schema-dump.ts --compare REV [--url URL]
 *
 * `--database URL` dumps a database that is already migrated, as it is (CI
 * dumps the one `supabase db push` built, to show that the Supabase CLI and
 * the portal's runner make the same schema).
 *
 * `--compare REV` builds one database from the migrations of a git revision
 * and one from the working tree's, and diffs complete dumps of both (owners
 * and privileges kept, every schema but the runner's bookkeeping, data rows
 * included): how the consolidation of the migrations was proved to change
 * nothing. Exits 1 when they differ.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyBootstrap, migrate } from '../src/server/db/migrate';
import { openPostgresDatabase } from '../src/server/db/postgres-driver';
import type { Queryable } from '../src/server/db/types';

const run = promisify(execFile);
const rootDir = path.resolve(import.meta.dirname, '..');
const supportedMajor = 15;

interface Options {
  url: string;
  migrationsDir: string;
  out: string;
  compare?: string;
  database?: string;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    if (index === -1) return undefined;
    const given = argv[index + 1];
    if (!given || given.startsWith('--')) throw new Error(`${flag} needs a value`);
    return given;
  };
  const database = value('--database');
  const url = value('--url') ?? process.env.TEST_DATABASE_URL ?? database;
  if (!url) {
    throw new Error(
      'schema:dump needs a PostgreSQL 15 server to build the schema on: set TEST_DATABASE_URL ' +
        '(postgres://user:pass@127.0.0.1:5432/any_db; a scratch database is created beside it ' +
        'and dropped again) or pass --url.',
    );
  }
  return {
    url,
    migrationsDir: path.resolve(value('--migrations') ?? path.join(rootDir, 'supabase/migrations')),
    out: path.resolve(value('--out') ?? path.join(rootDir, 'supabase/schema.sql')),
    compare: value('--compare'),
    database,
  };
}

function withDatabase(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  copy.searchParams.delete('sslmode');
  return copy.toString();
}

/** Creates a scratch database, migrates it, hands its URL to `fn`, and drops it. */
async function withMigratedDatabase<T>(
  baseUrl: string,
  migrationsDir: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const baseName = decodeURIComponent(new URL(baseUrl).pathname.slice(1)) || 'portal';
  const name = `${baseName}_dump_${randomBytes(4).toString('hex')}`;
  const admin = openPostgresDatabase({ url: withDatabase(baseUrl, 'postgres'), poolSize: 1 });
  try {
    await checkServerVersion(admin);
    // template0: nothing a local template1 may hold leaks into the dump.
    await admin.exec(`create database "${name}" template template0`);
  } catch (error) {
    await admin.close();
    throw error;
  }
  const url = withDatabase(baseUrl, name);
  try {
    const db = openPostgresDatabase({ url, poolSize: 1 });
    try {
      await applyBootstrap(db, path.join(rootDir, 'supabase/bootstrap.sql'));
      await migrate(db, migrationsDir);
    } finally {
      await db.close();
    }
    return await fn(url);
  } finally {
    await admin.exec(`drop database if exists "${name}" with (force)`);
    await admin.close();
  }
}

async function checkServerVersion(db: Queryable): Promise<void> {
  const [server] = await db.query<{ major: number }>(
    "select current_setting('server_version_num')::int / 10000 as major",
  );
  if (server?.major !== supportedMajor) {
    throw new Error(
      `schema:dump runs on PostgreSQL ${supportedMajor} (as CI does); this server is ${server?.major}. ` +
        'Another major version prints the same schema differently.',
    );
  }
}

async function pgDump(url: string, args: string[]): Promise<string> {
  const { stdout: version } = await run('pg_dump', ['--version']);
  const major = Number(/\b(\d+)\.\d+/.exec(version)?.[1]);
  if (major !== supportedMajor) {
    throw new Error(`schema:dump needs pg_dump ${supportedMajor}; found: ${version.trim()}`);
  }
  const { stdout } = await run('pg_dump', [...args, '--dbname', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Removes what varies between machines and runs but is not the schema: the
 * server and pg_dump versions, the random `\restrict` key of recent pg_dump
 * releases, and runs of blank lines.
 */
function normalise(dump: string): string {
  return (
    dump
      .split('\n')
      .filter((line) => !/^\\(un)?restrict /.test(line))
      .filter((line) => !/^-- Dumped (from database|by pg_dump) version /.test(line))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/** Rows in the order of their text: physical order would follow update history. */
function sortInserts(dump: string): string {
  const lines = dump.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!lines[i]!.startsWith('INSERT INTO ')) {
      out.push(lines[i++]!);
      continue;
    }
    const block: string[] = [];
    while (i < lines.length && lines[i]!.startsWith('INSERT INTO ')) block.push(lines[i++]!);
    out.push(...block.sort());
  }
  return out.join('\n');
}

/** Tables whose rows are run-time state, left out of the dump although migrations write them. */
const runtimeStateTables = ['private.data_version'];

/**
 * Tables outside the runner's bookkeeping that hold rows right after migrating
 * (before any seed): what the migrations write themselves.
 */
async function tablesWithRows(url: string, excludedSchemas: string[]): Promise<string[]> {
  const db = openPostgresDatabase({ url, poolSize: 1 });
  try {
    const tables = await db.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname <> all($1::text[])
          and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_toast'
        order by 1`,
      [excludedSchemas],
    );
    const filled: string[] = [];
    for (const { name } of tables) {
      // Run-time state, not schema: the render cache's data version is bumped
      // (with the time of the bump) by every migration that writes a tracked
      // table, so its row differs on every build (docs/render-cache.md).
      if (runtimeStateTables.includes(name)) continue;
      const [row] = await db.query<{ any: boolean }>(
        `select exists (select 1 from ${name}) as any`,
      );
      if (row?.any) filled.push(name);
    }
    return filled;
  } finally {
    await db.close();
  }
}

async function dataDump(url: string, excludedSchemas: string[], extra: string[]): Promise<string> {
  const tables = await tablesWithRows(url, excludedSchemas);
  if (tables.length === 0) return '';
  const dump = await pgDump(url, [
    '--data-only',
    '--inserts',
    ...extra,
    ...tables.flatMap((table) => ['--table', table]),
  ]);
  // Only the rows: the preamble of SET statements is the schema part's.
  const rows = dump.slice(dump.indexOf('--\n-- Data for Name:'));
  return normalise(sortInserts(rows));
}

/** The role a connection acts as: the one that ran the migrations of a database we built. */
async function currentRole(url: string): Promise<string> {
  const db = openPostgresDatabase({ url, poolSize: 1 });
  try {
    const [row] = await db.query<{ role: string }>('select quote_ident(current_user) as role');
    return row!.role;
  } finally {
    await db.close();
  }
}

/**
 * `--no-owner` still names the role in `ALTER DEFAULT PRIVILEGES FOR ROLE x`:
 * the migrations alter their own role's defaults (`postgres` on Supabase, the
 * local superuser elsewhere), which is what the statement means without it.
 */
function withoutMigrationRole(dump: string, role: string): string {
  return dump.replaceAll(`ALTER DEFAULT PRIVILEGES FOR ROLE ${role} `, 'ALTER DEFAULT PRIVILEGES ');
}

/** The readable schema: no owners (they differ between machines), no bootstrap auth stub. */
async function readableDump(url: string): Promise<string> {
  const excluded = ['supabase_migrations', 'auth'];
  const dumped = await pgDump(url, [
    '--schema-only',
    '--no-owner',
    ...excluded.map((schema) => `--exclude-schema=${schema}`),
  ]);
  const schema = withoutMigrationRole(dumped, await currentRole(url));
  const data = await dataDump(url, excluded, ['--no-owner']);
  const header = [
    '-- Generated by `npm run schema:dump` from supabase/bootstrap.sql and supabase/migrations.',
    '-- Do not edit: add a migration and regenerate (docs/schema.md). CI fails when it differs.',
    '',
  ].join('\n');
  const footer = /\n--\n-- PostgreSQL database dump complete\n--\n*$/;
  return (
    header +
    (data ? normalise(schema).replace(footer, '') : normalise(schema)) +
    (data ? '\n-- Rows the migrations write themselves (no seed)\n\n' + data : '')
  );
}

/** Everything but the runner's bookkeeping, owners and privileges included: for --compare. */
async function completeDump(url: string): Promise<string> {
  const excluded = ['supabase_migrations'];
  const schema = await pgDump(url, [
    '--schema-only',
    ...excluded.map((schema) => `--exclude-schema=${schema}`),
  ]);
  // Every table's rows and every sequence's state, empty ones included.
  const data = await pgDump(url, [
    '--data-only',
    '--inserts',
    ...excluded.map((schema) => `--exclude-schema=${schema}`),
  ]);
  return normalise(schema) + normalise(sortInserts(data));
}

async function compare(options: Options): Promise<boolean> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-schema-compare-'));
  try {
    const oldDir = path.join(temp, 'migrations');
    fs.mkdirSync(oldDir);
    const archive = path.join(temp, 'old.tar');
    await run('git', [
      '-C',
      rootDir,
      'archive',
      '--output',
      archive,
      options.compare!,
      'supabase/migrations',
    ]);
    await run('tar', ['-xf', archive, '-C', oldDir, '--strip-components=2']);
    const oldDump = await withMigratedDatabase(options.url, oldDir, completeDump);
    const newDump = await withMigratedDatabase(options.url, options.migrationsDir, completeDump);
    const oldFile = path.join(temp, `${options.compare}.sql`);
    const newFile = path.join(temp, 'working-tree.sql');
    fs.writeFileSync(oldFile, oldDump);
    fs.writeFileSync(newFile, newDump);
    const oldCount = fs.readdirSync(oldDir).length;
    const newCount = fs.readdirSync(options.migrationsDir).length;
    console.log(
      `${options.compare}: ${oldCount} migration files, ${oldDump.split('\n').length} dump lines; ` +
        `working tree: ${newCount} files, ${newDump.split('\n').length} dump lines.`,
    );
    try {
      await run('diff', ['-u', oldFile, newFile]);
      console.log('Identical: schema (with owners and privileges) and the rows migrations write.');
      return true;
    } catch (error) {
      console.log((error as { stdout?: string }).stdout ?? String(error));
      return false;
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.compare) {
    if (!(await compare(options))) process.exitCode = 1;
    return;
  }
  let dump: string;
  if (options.database) {
    const db = openPostgresDatabase({ url: options.database, poolSize: 1 });
    try {
      await checkServerVersion(db);
    } finally {
      await db.close();
    }
    dump = await readableDump(options.database);
  } else {
    dump = await withMigratedDatabase(options.url, options.migrationsDir, readableDump);
  }
  fs.writeFileSync(options.out, dump);
  console.log(
    `Wrote ${path.relative(process.cwd(), options.out)} (${dump.split('\n').length} lines).`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
