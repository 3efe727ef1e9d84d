import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { requireOrSkip } from './suite-requirements';
import { chromiumPath } from './browser';

const rootDir = path.resolve(import.meta.dirname, '../..');

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

async function waitForOk(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer 200 at ${url} within ${timeoutMs} ms`);
}

/**
 * Builds the production bundle, then starts it on a free port with a fresh
 * embedded database (migrated and seeded before it listens, as `npm start`
 * does). The server runs with NODE_ENV=test, bound to loopback, so that the
 * suite can read confirmation mail at /dev/mailbox, which a production start
 * never serves (tests/e2e/operator-starts-the-portal.test.ts checks that).
 * E2E_BASE_URL points the suite at a server someone else started instead.
 */
export default async function setup({
  provide,
}: {
  provide: (key: string, value: unknown) => void;
}) {
  const browser = requireOrSkip(
    Boolean(chromiumPath()),
    'Chromium for the end-to-end suite',
    'install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH',
  );
  provide('e2eSkipReason', browser.run ? '' : (browser.reason ?? 'skipped'));
  provide('serverClockFile', '');
  if (!browser.run) {
    provide('baseUrl', '');
    provide('serverEntry', '');
    return;
  }
  if (process.env.E2E_BASE_URL) {
    provide('baseUrl', process.env.E2E_BASE_URL);
    provide('serverEntry', '');
    return;
  }
  const outDir = process.env.ASTRO_OUT_DIR ?? path.join(rootDir, 'dist');
  if (process.env.E2E_SKIP_BUILD !== 'true') {
    const build = spawnSync('npx', ['astro', 'build'], {
      cwd: rootDir,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test; the build under test must be the production build.
      env: { ...process.env, ASTRO_OUT_DIR: outDir, NODE_ENV: 'production' },
    });
    if (build.status !== 0) throw new Error('astro build failed');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  // The server's clock, which stories move instead of waiting (server-clock.ts).
  const clockFile = path.join(dataDir, 'clock-offset-ms');
  fs.writeFileSync(clockFile, '0');
  const port = await freePort();
  const clock = pathToFileURL(path.join(rootDir, 'tests/support/e2e-server-clock.mjs')).href;
  const entry = path.join(outDir, 'server', 'entry.mjs');
  const child = spawn(process.execPath, ['--import', clock, entry], {
    cwd: rootDir,
    env: {
      ...process.env,
      E2E_SERVER_CLOCK_FILE: clockFile,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForOk(`${baseUrl}/`, 120_000, child);
  provide('baseUrl', baseUrl);
  provide('serverEntry', path.join(outDir, 'server', 'entry.mjs'));
  provide('serverClockFile', clockFile);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    e2eSkipReason: string;
    /** The built server entry the suite runs (empty when E2E_BASE_URL names another server). */
    serverEntry: string;
    /** The file holding the e2e server's clock offset; empty when the suite did not start the server. */
    serverClockFile: string;
  }
}
