import path from 'node:path';
import type { ServerEnv } from '../env';
import { runSeed, type SeedReport } from '../seed/run-seed';
import { applyBootstrap, migrate, type MigrationReport } from '../db/migrate';
import type { Database } from '../db/types';

export interface PrepareReport {
  migrations: MigrationReport;
  seed?: SeedReport;
}

/**
 * Brings a database to the current schema: bootstrap, pending migrations, and
 * the seed when the database was empty (first start) or when asked.
 */
export async function prepareDatabase(
  db: Database,
  env: Pick<ServerEnv, 'rootDir' | 'SEED_DEMO_DATA'>,
  options: { seed: 'if-empty' | 'always' | 'never' },
): Promise<PrepareReport> {
  const supabaseDir = path.join(env.rootDir, 'supabase');
  await applyBootstrap(db, path.join(supabaseDir, 'bootstrap.sql'));
  const migrations = await migrate(db, path.join(supabaseDir, 'migrations'));
  let shouldSeed = options.seed === 'always';
  if (options.seed === 'if-empty') {
    const [row] = await db.query<{ empty: boolean }>(
      'select not exists (select 1 from public.deliverables) as empty',
    );
    shouldSeed = row?.empty === true;
  }
  if (!shouldSeed) return { migrations };
  const seed = await runSeed(db, { rootDir: env.rootDir, includeDemo: env.SEED_DEMO_DATA });
  return { migrations, seed };
}
