import { getServerEnv } from '../env';
import { getConnection } from './connection';
import { prepareDatabase } from '../boot/prepare-database';

let ready: Promise<void> | undefined;

/**
 * Makes sure the schema is current before the first request is served. The
 * embedded database migrates and seeds itself on first start (no setup); a
 * PostgreSQL server is migrated by `npm run db:migrate` unless
 * DB_AUTO_MIGRATE=true, because production schemas change on purpose.
 */
export function ensureDatabaseReady(): Promise<void> {
  ready ??= (async () => {
    const env = getServerEnv();
    const auto = env.DB_AUTO_MIGRATE ?? !env.DATABASE_URL;
    if (!auto) return;
    const db = await getConnection();
    const report = await prepareDatabase(db, env, { seed: 'if-empty' });
    if (report.migrations.applied.length > 0 || report.seed) {
      console.log(
        `[db] ${report.migrations.applied.length} migrations applied${report.seed ? ', seeded' : ''}.`,
      );
    }
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
