import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalProcess, type PortalProcess } from '../../bench/lib/portal-process';
import { e2eEnabled, expectNoAxeViolations, launchBrowser } from '../support/browser';

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * While the database cannot be reached, the production server answers every
 * page with a clear 503 (the site's layout, what happened, "try again"),
 * Retry-After and the usual security headers; forms say nothing was saved;
 * the JSON API answers JSON. Both targets: a PostgreSQL that refuses
 * connections, and an embedded data folder that cannot be opened. (Recovery
 * when the database returns is measured by `npm run drill:db-restart`.)
 */
describe.skipIf(!e2eEnabled() || Boolean(process.env.E2E_BASE_URL))(
  'visitor sees a clear page while the database is away',
  () => {
    let postgresAway: PortalProcess;
    let embeddedBroken: PortalProcess;
    let browser: Browser;
    const dataDirs: string[] = [];
    const tempDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-away-'));
      dataDirs.push(dir);
      return dir;
    };

    beforeAll(async () => {
      const ready = { readyStatus: 503, readyTimeoutMs: 60_000 };
      postgresAway = await startPortalProcess(
        {
          DATA_DIR: tempDir(),
          DATABASE_URL: `postgres://portal:portal@127.0.0.1:${await closedPort()}/portal`,
          SESSION_SECRET: 'e2e-database-away-secret-0123456789abcdef',
        },
        ready,
      );
      const broken = tempDir();
      // A file where the embedded database's folder should be.
      fs.writeFileSync(path.join(broken, 'pglite'), 'not a database');
      embeddedBroken = await startPortalProcess({ DATA_DIR: broken, DATABASE_URL: '' }, ready);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await postgresAway?.stop();
      await embeddedBroken?.stop();
      for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('answers a page with 503, Retry-After and the site layout saying what happened, on PostgreSQL and embedded', async () => {
      for (const portal of [postgresAway, embeddedBroken]) {
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
