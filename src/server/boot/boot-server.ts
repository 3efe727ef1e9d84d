import { getSessionSecret } from '../auth/session-secret';
import { loadConfig, setConfig, type Config } from '../config';
import { describeConnection, getConnection } from '../db/connection';
import { getPrivilegedDatabase } from '../db/privileged';
import { writeContactAddress } from '../mail/contact-address';
import { startHousekeeping } from '../mail/housekeeping';
import { startOutboxWorker } from '../mail/send-outbox';
import { createsEmbeddedDatabase, prepareInOwnProcess } from './first-preparation';
import { describeSeeding, listPendingMigrations, prepareDatabase } from './prepare-database';

export type BootLog = (line: string) => void;

const defaultLog: BootLog = (line) => console.log(`[boot] ${line}`);

/**
 * Everything the server does once, before it answers anyone: validate the
 * whole configuration (every bad variable listed at once), open the database
 * (an unreachable one stops the start), migrate and seed it when configured
 * to (the embedded database on first start), check the session key, and
 * start the mail worker. Called by the production entry before it listens
 * (`boot-on-start.ts`, via serverEntryPreload) and by `astro dev`
 * (`boot-integration.ts`). Throws on any failure; the caller exits.
 */
export async function bootServer(
  options: {
    env?: NodeJS.ProcessEnv;
    log?: BootLog;
    /** The production entry creates a new embedded database in a process of its own (first-preparation.ts). */
    prepareFirstInOwnProcess?: boolean;
  } = {},
): Promise<Config> {
  const log = options.log ?? defaultLog;
  const started = Date.now();
  const config = setConfig(loadConfig(options.env ?? process.env, { serving: true }));
  const { server, database } = config;
  log(`${server.nodeEnv} mode; database: ${describeConnection()}`);
  getSessionSecret(config);
  if (options.prepareFirstInOwnProcess && createsEmbeddedDatabase(config)) prepareInOwnProcess(log);

  const db = await getConnection().catch((error: unknown) => {
    throw new Error(`cannot open the database (${describeConnection()}): ${errorText(error)}`);
  });
  if (database.autoMigrate) {
    log('bringing the database schema up to date…');
    const report = await prepareDatabase(
      db,
      { rootDir: server.rootDir, seedDemoData: database.seedDemoData },
      { seed: 'if-empty', log: (line) => log(`  ${line}`) },
    );
    const { applied, alreadyApplied } = report.migrations;
    log(
      `schema ready: ${applied.length} migrations applied, ${alreadyApplied} already applied` +
        describeSeeding(report),
    );
  } else {
    const pending = await listPendingMigrations(db, server.rootDir).catch((error: unknown) => {
      throw new Error(`cannot reach the database (${describeConnection()}): ${errorText(error)}`);
    });
    if (pending.length > 0) {
      throw new Error(
        `the database lacks ${pending.length} migration(s), from ${pending[0]}: run \`npm run db:migrate\` ` +
          '(or `supabase db push`) first, or set DB_AUTO_MIGRATE=true',
      );
    }
    log('database reachable, schema current (DB_AUTO_MIGRATE is off)');
  }

  // Where contact messages go: the operators' setting, written by the owner.
  await writeContactAddress(db, config.mail.contactEmail);
  log(
    `contact page: messages go to ${config.mail.contactEmail ?? "the platform admins' addresses (CONTACT_EMAIL is not set)"}`,
  );
  // Forgetting what the privacy notice says is forgotten, with or without SMTP.
  startHousekeeping(getPrivilegedDatabase);
  // Background mail sending is a job: it may use the privileged connection.
  if (startOutboxWorker(getPrivilegedDatabase)) {
    log('mail: sending the outbox by SMTP every 15 s');
  } else if (server.production) {
    warnMailNotDelivered(log);
  } else {
    log(`mail: not sent (no SMTP_URL); read it at ${server.siteUrl}/dev/mailbox from this machine`);
  }
  if (server.production && !server.siteUrlConfigured) {
    log(
      `PUBLIC_SITE_URL is not set: links in mail and feeds use ${server.siteUrl}, right only on this machine`,
    );
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; site: ${server.siteUrl}`);
  return config;
}

/** Said loudly at every production start without SMTP: nobody can confirm an address or reset a password. */
function warnMailNotDelivered(log: BootLog): void {
  const lines = [
    'MAIL IS NOT DELIVERED: SMTP_URL is not set.',
    'Sign-up confirmations and password-reset links stay in the outbox and reach nobody.',
    'The development mailbox (/dev/mailbox) does not exist in production.',
    'Set SMTP_URL (see .env.example), or run `npm run dev` to read mail locally.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  log(`*${'*'.repeat(width + 2)}*`);
  for (const line of lines) log(`* ${line.padEnd(width)} *`);
  log(`*${'*'.repeat(width + 2)}*`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
