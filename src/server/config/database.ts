import { z } from 'zod';
import { optionalFlag, optionalInteger, optionalText } from './variables';

/** Part "database" (db): which PostgreSQL, and what the server does to it at start. */
export const databaseVariables = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATABASE_POOL_SIZE: optionalInteger(1, 100),
  DATABASE_PREPARE: optionalFlag,
  DB_AUTO_MIGRATE: optionalFlag,
  SEED_DEMO_DATA: optionalFlag,
});

export interface DatabaseConfig {
  /** Unset: the embedded PGlite in DATA_DIR/pglite. */
  url?: string;
  /** No DATABASE_URL: one local process owns the data folder. */
  embedded: boolean;
  poolSize: number;
  /** Unset: decided from the URL (off for transaction poolers). */
  prepare?: boolean;
  /** Migrate (and seed an empty database) when the server starts. */
  autoMigrate: boolean;
  seedDemoData: boolean;
}

export function buildDatabaseConfig(vars: z.output<typeof databaseVariables>): DatabaseConfig {
  const embedded = !vars.DATABASE_URL;
  return {
    url: vars.DATABASE_URL,
    embedded,
    poolSize: vars.DATABASE_POOL_SIZE ?? 10,
    prepare: vars.DATABASE_PREPARE,
    // Production schemas change on purpose: a server migrates only when told to.
    autoMigrate: vars.DB_AUTO_MIGRATE ?? embedded,
    seedDemoData: vars.SEED_DEMO_DATA ?? true,
  };
}
