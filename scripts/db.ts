/**
 * Database commands: `npm run db:migrate`, `db:seed`, `db:reset`.
 * They act on the same target as the server: DATABASE_URL, else the embedded
 * PGlite in .data/ (stop `npm start` first: PGlite allows one process).
 */
import './load-env';
import { closeConnection, describeConnection } from '../src/server/db/connection';
import { dropPortalSchema } from '../src/server/db/migrate';
import { prepareDatabase } from '../src/server/boot/prepare-database';
import { getPrivilegedDatabase } from '../src/server/db/privileged';
import { getConfig } from '../src/server/config';

const command = process.argv[2];
const usage = 'Usage: tsx scripts/db.ts <migrate|seed|reset>';

async function main(): Promise<void> {
  if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const db = await getPrivilegedDatabase();
  console.log(`Database: ${describeConnection()}`);
  if (command === 'reset') {
    await dropPortalSchema(db);
    console.log('Dropped the portal schema.');
  }
  const { server, database } = getConfig();
  const report = await prepareDatabase(
    db,
    { rootDir: server.rootDir, seedDemoData: database.seedDemoData },
    { seed: command === 'migrate' ? 'never' : 'always', log: (line) => console.log(`  ${line}`) },
  );
  const { applied, alreadyApplied } = report.migrations;
  console.log(`Migrations: ${applied.length} applied, ${alreadyApplied} already applied.`);
  for (const file of applied) console.log(`  + ${file}`);
  if (report.seed) {
    const s = report.seed;
    console.log(
      `Seed: ${s.deliverables} deliverables, ${s.kpis} KPIs, ${s.hubs} hubs, ${s.cities} cities, ${s.demoUsers} demo users.`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeConnection());
