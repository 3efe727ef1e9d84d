import path from 'node:path';
import { runSeed, type SeedReport } from '../seed/run-seed';
import { applyBootstrap, migrate, readMigrationFiles, type MigrationReport } from '../db/migrate';
import type { Database, Queryable } from '../db/types';

export interface PrepareReport {
  migrations: MigrationReport;
  seed?: SeedReport;
}

/** What a preparation seeded, for the start log ("; seeded 30 deliverables, …"), or nothing. */
export function describeSeeding(report: PrepareReport): string {
  const { seed } = report;
  return seed
    ? `; seeded ${seed.deliverables} deliverables, ${seed.hubs} hubs, ${seed.demoUsers} demo accounts`
    : '';
}

/**
 * Brings a database to the current schema: bootstrap, pending migrations, and
 * the seed when the database was empty (first start) or when asked.
 */
export async function prepareDatabase(
  db: Database,
  settings: { rootDir: string; seedDemoData: boolean },
  options: {
    seed: 'if-empty' | 'always' | 'never';
    /** Receives one line per step (each migration applied, each seed step). */
    log?: (line: string) => void;
  },
): Promise<PrepareReport> {
  const log = options.log ?? (() => {});
  const supabaseDir = path.join(settings.rootDir, 'supabase');
  await applyBootstrap(db, path.join(supabaseDir, 'bootstrap.sql'));
  const migrations = await migrate(db, path.join(supabaseDir, 'migrations'), {
    onApplying: (file, position, total) => log(`migration ${position}/${total}: ${file}`),
  });
  let shouldSeed = options.seed === 'always';
  if (options.seed === 'if-empty') {
    const [row] = await db.query<{ empty: boolean }>(
      'select not exists (select 1 from public.deliverables) as empty',
    );
    shouldSeed = row?.empty === true;
  }
  if (!shouldSeed) return { migrations };
  const seed = await runSeed(db, {
    rootDir: settings.rootDir,
    includeDemo: settings.seedDemoData,
    onStep: (step) => log(`seed: ${step}`),
  });
  return { migrations, seed };
}

/**
 * The migration files a database has not applied, without changing it: a
 * server that does not migrate itself (DB_AUTO_MIGRATE off) refuses to start
 * on a schema older than its code.
 */
export async function listPendingMigrations(db: Queryable, rootDir: string): Promise<string[]> {
  const files = readMigrationFiles(path.join(rootDir, 'supabase', 'migrations'));
  const [table] = await db.query<{ present: boolean }>(
    "select to_regclass('supabase_migrations.schema_migrations') is not null as present",
  );
  if (!table?.present) return files.map((file) => file.file);
  const rows = await db.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const applied = new Set(rows.map((row) => row.version));
  return files.filter((file) => !applied.has(file.version)).map((file) => file.file);
}
