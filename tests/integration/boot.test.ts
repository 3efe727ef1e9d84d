import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { bootServer } from '../../src/server/boot/boot-server';
import { resetSessionSecretCache } from '../../src/server/auth/session-secret';
import { resetConfig } from '../../src/server/config';
import { closeConnection } from '../../src/server/db/connection';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';

const rootDir = path.resolve(import.meta.dirname, '../..');
const migrationCount = fs
  .readdirSync(path.join(rootDir, 'supabase', 'migrations'))
  .filter((name) => name.endsWith('.sql')).length;

/** Boots with only the given variables (plus the repository root) and returns what it printed. */
async function boot(env: Record<string, string>): Promise<string[]> {
  const lines: string[] = [];
  await bootServer({
    env: { PORTAL_ROOT: rootDir, NODE_ENV: 'test', ...env },
    log: (line) => lines.push(line),
  });
  return lines;
}

afterEach(async () => {
  await closeConnection();
  resetConfig();
  resetSessionSecretCache();
});

describe('server boot on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-boot-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates and seeds a new data folder, one line per step, then reports ready', async () => {
    const lines = await boot({ DATA_DIR: dataDir });
    expect(lines).toContain(
      `  migration 1/${migrationCount}: ${fs.readdirSync(path.join(rootDir, 'supabase', 'migrations')).sort()[0]}`,
    );
    expect(lines.some((line) => line.startsWith('  seed: reference content'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^ready in \d+\.\d s; site: http:\/\/localhost:4321$/);
    expect(fs.existsSync(path.join(dataDir, 'session-secret'))).toBe(true);
  });

  it('changes nothing on the next start', async () => {
    const lines = await boot({ DATA_DIR: dataDir });
    expect(lines).toContain(
      `schema ready: 0 migrations applied, ${migrationCount} already applied`,
    );
    expect(lines.some((line) => line.includes('seed:'))).toBe(false);
  });
});

describe.skipIf(!inject('postgresUrl'))('server boot on PostgreSQL', () => {
  const seeded = inject('postgresUrl');
  const templateName = decodeURIComponent(new URL(seeded || 'postgres://x/db').pathname.slice(1));
  // Named like the suite's per-file copies, so an interrupted run's leftovers are dropped too.
  const suffix = randomBytes(4).toString('hex');
  const copies = {
    empty: `${templateName}_copy_boot_empty_${suffix}`,
    current: `${templateName}_copy_boot_${suffix}`,
  };
  const urlOf = (name: string) => {
    const url = new URL(seeded);
    url.pathname = `/${name}`;
    return url.toString();
  };
  async function maintenance(sql: string): Promise<void> {
    const db = openPostgresDatabase({ url: urlOf('postgres'), poolSize: 1 });
    try {
      await db.exec(sql);
    } finally {
      await db.close();
    }
  }
  const secret = 'a-session-secret-that-is-long-enough-for-the-check';

  beforeAll(async () => {
    await maintenance(`create database "${copies.empty}"`);
    // A copy, never the template itself: other files copy it while this one runs.
    await maintenance(`create database "${copies.current}" template "${templateName}"`);
  });
  afterAll(async () => {
    for (const name of Object.values(copies)) {
      await maintenance(`drop database if exists "${name}" with (force)`);
    }
  });

  it('refuses to start on a schema older than the code when it may not migrate', async () => {
    await expect(
      boot({ DATABASE_URL: urlOf(copies.empty), SESSION_SECRET: secret }),
    ).rejects.toThrow(
      new RegExp(
        `the database lacks ${migrationCount} migration\\(s\\)[\\s\\S]*npm run db:migrate`,
      ),
    );
  });

  it('starts on a current schema without touching it', async () => {
    const lines = await boot({ DATABASE_URL: urlOf(copies.current), SESSION_SECRET: secret });
    expect(lines).toContain('database reachable, schema current (DB_AUTO_MIGRATE is off)');
    expect(lines.some((line) => line.includes('migration 1/'))).toBe(false);
  });

  it('needs the shared session key before it opens anything', async () => {
    await expect(boot({ DATABASE_URL: urlOf(copies.current) })).rejects.toThrow(
      /SESSION_SECRET: is required/,
    );
  });
});
