import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, e2eEnabled } from '../support/browser';

const rootDir = path.resolve(import.meta.dirname, '../..');
const entry = () => inject('serverEntry');

interface Run {
  /** Everything printed before "Server listening" (or before the process ended). */
  output: string;
  listening: boolean;
  exitCode: number | null;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the built server as an operator would (`node dist/server/entry.mjs`,
 * what `npm start` runs) with only the given variables, and waits until it
 * says it listens or exits.
 */
async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<Run> {
  const child = spawn(process.execPath, [entry()], {
    cwd: rootDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server listening')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      resolve(output.includes('Server listening'));
    });
  });
  return {
    output,
    listening,
    exitCode: child.exitCode,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

describe.skipIf(!e2eEnabled() || !inject('serverEntry'))('an operator starts the portal', () => {
  const dataDirs: string[] = [];
  const freshDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-start-'));
    dataDirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every bad variable at once and never listens', async () => {
    const run = await startServer({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: 'eighty',
      DATA_DIR: freshDataDir(),
      DATABASE_URL: 'mysql://db.example.org/portal',
      SMTP_URL: 'http://mail.example.org',
    });
    await run.stop();
    expect(run.listening).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain('Invalid configuration (3 problems)');
    for (const variable of ['PORT', 'DATABASE_URL', 'SMTP_URL']) {
      expect(run.output).toContain(`${variable}:`);
    }
  });

  it('stops before listening when the database cannot be reached', async () => {
    const run = await startServer({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      // Port 1 on loopback: nothing listens there.
      DATABASE_URL: 'postgres://portal:portal@127.0.0.1:1/portal',
      SESSION_SECRET: 'a-session-secret-that-is-long-enough-for-the-check',
    });
    await run.stop();
    expect(run.listening).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.output).toMatch(
      /cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/portal\)/,
    );
  });

  it('prepares the database first, listens when ready, and never serves the mailbox in production', async () => {
    const port = await freePort();
    const run = await startServer({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: freshDataDir(),
    });
    try {
      expect(run.listening).toBe(true);
      // Progress came before "Server listening": migrations, seed, then ready.
      expect(run.output).toMatch(/migration 1\/\d+: /);
      expect(run.output).toMatch(/seed: reference content/);
      // The new embedded database was prepared by a process of its own, which
      // gave its memory back when it ended; the server opened the result.
      expect(run.output).toContain('preparing the embedded database in a process of its own');
      expect(run.output).toMatch(/embedded database prepared: \d+ migrations applied; seeded/);
      expect(run.output).toMatch(/schema ready: 0 migrations applied, \d+ already applied/);
      expect(run.output.indexOf('[boot] ready in')).toBeLessThan(
        run.output.indexOf('Server listening'),
      );
      expect(run.output).toContain(`site: http://127.0.0.1:${port}`);
      expect(run.output).toContain('MAIL IS NOT DELIVERED');

      const origin = `http://127.0.0.1:${port}`;
      // The first visitor gets the page, not a migration.
      expect((await fetch(`${origin}/`)).status).toBe(200);
      // The quick start (no DATABASE_URL, no SMTP_URL, NODE_ENV=production)
      // used to list every password-reset link here.
      const mailbox = await fetch(`${origin}/dev/mailbox`);
      expect(mailbox.status).toBe(404);
      expect(await mailbox.text()).not.toContain('data-mail-to');
    } finally {
      await run.stop();
    }
  });

  it('shows the test server’s mailbox only to requests straight from this machine', async () => {
    expect((await fetch(`${baseUrl()}/dev/mailbox`)).status).toBe(200);
    for (const headers of <Record<string, string>[]>[
      { 'X-Forwarded-For': '203.0.113.5' },
      { 'X-Forwarded-For': '127.0.0.1' },
      { Forwarded: 'for=198.51.100.7' },
      { 'X-Real-IP': '127.0.0.1' },
    ]) {
      const response = await fetch(`${baseUrl()}/dev/mailbox`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(404);
    }
  });
});
