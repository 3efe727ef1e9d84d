import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { loadConfig, setConfig, type Config } from '../config';
import { closeConnection, embeddedDatabaseDir, getConnection } from '../db/connection';
import { describeSeeding, prepareDatabase } from './prepare-database';
import type { BootLog } from './boot-server';

/**
 * The first start on the embedded database creates it, applies every
 * migration and seeds it in a process of its own, which then exits; the
 * server opens the prepared folder. Why: PGlite's WebAssembly memory only
 * grows and is given back only when its process ends. Preparing a new
 * database (33 migrations, the seed, the search index) in the server's own
 * process left it about 170 MB larger for as long as it ran: 551 MB against
 * 380 MB for the same folder opened afresh (measured on `npm start`).
 */
const preparingFlag = 'PORTAL_PREPARE_EMBEDDED_ONLY';

/** Whether this start creates the embedded database (no DATABASE_URL, auto-migrate on, no folder yet). */
export function createsEmbeddedDatabase(config: Config): boolean {
  return (
    !config.database.url &&
    config.database.autoMigrate &&
    !fs.existsSync(embeddedDatabaseDir(config))
  );
}

/** Whether this process was started only to prepare the embedded database. */
export function isPreparationProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[preparingFlag] === 'true';
}

/**
 * Runs this same program (its Node flags, its script) as the preparation
 * process and waits for it; its log lines go to this process's output.
 * Throws when it failed, with its exit code (its own lines say why).
 */
export function prepareInOwnProcess(log: BootLog): void {
  log('first start: preparing the embedded database in a process of its own…');
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [preparingFlag]: 'true' },
  });
  if (result.status !== 0)
    throw new Error(
      `preparing the embedded database failed (exit ${result.status ?? result.signal})`,
    );
}

/** The preparation process's work: create, migrate and seed the embedded database, then close it. */
export async function prepareEmbeddedDatabase(log: BootLog): Promise<void> {
  const config = setConfig(loadConfig(process.env, { serving: true }));
  const db = await getConnection();
  const report = await prepareDatabase(
    db,
    { rootDir: config.server.rootDir, seedDemoData: config.database.seedDemoData },
    { seed: 'if-empty', log: (line) => log(`  ${line}`) },
  );
  log(
    `embedded database prepared: ${report.migrations.applied.length} migrations applied` +
      describeSeeding(report),
  );
  await closeConnection();
}
