import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../../bench/lib/portal-process';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import { e2eEnabled, expectNoAxeViolations, launchBrowser } from '../support/browser';

/**
 * A loopback relay to the PostgreSQL server: the portal starts through it (a
 * server refuses to start on a database it cannot reach), then `takeAway()`
 * closes it and every connection through it, as a PostgreSQL restart or a
 * cut network would.
 */
async function startRelay(target: URL): Promise<{ port: number; takeAway: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    takeAway: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Runs one statement on the PostgreSQL server's maintenance database. */
async function onServer(serverUrl: URL, sql: string): Promise<void> {
  const maintenance = new URL(serverUrl);
  maintenance.pathname = '/postgres';
  const db = openPostgresDatabase({ url: maintenance.toString(), poolSize: 1 });
  try {
    await db.exec(sql);
  } finally {
    await db.close();
  }
}

const postgresUrl = process.env.TEST_DATABASE_URL;

/**
 * While the database cannot be reached, the production server answers every
 * page with a clear 503 (the site's layout, what happened, "try again"),
 * Retry-After and the usual security headers; forms say nothing was saved;
 * the JSON API answers JSON. The server starts with its PostgreSQL reachable
 * (a start without one is refused: tests/e2e/operator-starts-the-portal.test.ts),
 * then loses it. An embedded data folder that cannot be opened stops the
 * start. (Recovery when the database returns is measured by `npm run
 * drill:db-restart`.)
 */
describe.skipIf(!e2eEnabled() || Boolean(process.env.E2E_BASE_URL) || !postgresUrl)(
  'visitor sees a clear page while the database is away',
  () => {
    let postgresAway: PortalProcess;
    let browser: Browser;
    const dataDirs: string[] = [];
    const tempDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-away-'));
      dataDirs.push(dir);
      return dir;
    };
    const serverUrl = new URL(postgresUrl ?? 'postgres://localhost/none');
    // Named like the integration suite's copies, so leftovers of an interrupted run are dropped.
    const database = `${decodeURIComponent(serverUrl.pathname.slice(1))}_copy_away_${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      await onServer(serverUrl, `create database "${database}"`);
      const relay = await startRelay(serverUrl);
      const viaRelay = new URL(serverUrl);
      viaRelay.hostname = '127.0.0.1';
      viaRelay.port = String(relay.port);
      viaRelay.pathname = `/${database}`;
      postgresAway = await startPortalProcess({
        DATA_DIR: tempDir(),
        DATABASE_URL: viaRelay.toString(),
        DB_AUTO_MIGRATE: 'true',
        SESSION_SECRET: 'e2e-database-away-secret-0123456789abcdef',
      });
      await relay.takeAway();
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await postgresAway?.stop();
      await onServer(serverUrl, `drop database if exists "${database}" with (force)`);
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('refuses to start on an embedded data folder that cannot be opened', async () => {
      const broken = tempDir();
      // A file where the embedded database's folder should be.
      fs.writeFileSync(path.join(broken, 'pglite'), 'not a database');
      await expect(
        startPortalProcess({ DATA_DIR: broken, DATABASE_URL: '' }, { readyTimeoutMs: 60_000 }),
      ).rejects.toThrow(/exited during start \(code 1\)[\s\S]*the portal did not start/);
    });

    it('answers a page with 503, Retry-After and the site layout saying what happened', async () => {
      for (const portal of [postgresAway]) {
        for (const pathname of ['/', '/news', '/hubs/austria', '/search?q=city']) {
          const started = performance.now();
          const response = await fetch(`${portal.baseUrl}${pathname}`);
          const html = await response.text();
          expect(performance.now() - started, pathname).toBeLessThan(6_000);
          expect(response.status, pathname).toBe(503);
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          expect(response.headers.get('cache-control')).toContain('no-store');
          expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
          expect(html).toContain('The portal is briefly unavailable');
          expect(html).toContain(`href="${pathname.replace(/&/g, '&amp;')}"`);
          // The layout: skip link, header navigation and footer.
          expect(html).toContain('href="#main"');
          expect(html).toContain('<footer');
        }
      }
    });

    it('tells someone who sent a form that it was not saved', async () => {
      const response = await fetch(`${postgresAway.baseUrl}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: postgresAway.baseUrl,
        },
        body: new URLSearchParams({ email: 'member@demo.u4ssc.local', password: 'x'.repeat(12) }),
      });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('What you just sent was not saved');
    });

    it('answers the JSON API with JSON', async () => {
      const response = await fetch(`${postgresAway.baseUrl}/api/search?q=city`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ error: 'database_unavailable' });
    });

    it('is accessible in the browser and offers to try again', async () => {
      const context = await browser.newContext({ baseURL: postgresAway.baseUrl });
      const page = await context.newPage();
      const response = await page.goto('/news');
      expect(response?.status()).toBe(503);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'The portal is briefly unavailable',
      );
      await expect(
        page.getByRole('link', { name: 'Try again' }).getAttribute('href'),
      ).resolves.toBe('/news');
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('keeps the page route itself out of reach', async () => {
      const response = await fetch(`${postgresAway.baseUrl}/503`);
      expect(response.status).toBe(404);
    });
  },
);
