import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Session } from '../../bench/lib/http-session';
import { startPortalProcess, type PortalProcess } from '../../bench/lib/portal-process';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { demoEmails, demoPassword } from '../support/sign-in';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent (not decoded). */
  raw: Buffer;
  /** The body decoded from its Content-Encoding. */
  text: string;
}

/** A request on a new connection, reporting the body as sent and decoded. */
function request(
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const coding = response.headers['content-encoding'];
        const decoded =
          raw.length === 0
            ? raw
            : coding === 'br'
              ? brotliDecompressSync(raw)
              : coding === 'gzip'
                ? gunzipSync(raw)
                : raw;
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          raw,
          text: decoded.toString('utf8'),
        });
      });
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function postForm(
  base: string,
  path: string,
  session: Session,
  fields: Record<string, string>,
) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      cookie: session.cookie,
    },
    body: new URLSearchParams(fields),
  });
  await response.arrayBuffer();
  return response;
}

/** The Austrian hub's id, as the "new news" form offers it to its coordinator. */
async function austriaHubId(base: string, session: Session): Promise<string> {
  const html = await (
    await fetch(`${base}/news/new?hub=austria`, { headers: { cookie: session.cookie } })
  ).text();
  const id = /<option value="([0-9a-f-]{36})"[^>]*>\s*U4SSC Austrian Country Hub/.exec(html)?.[1];
  if (!id) throw new Error('The news form does not offer the Austrian hub');
  return id;
}

/** Writes news through the real forms: create (published), edit, unpublish, publish, delete. */
function newsWriter(base: string, session: Session) {
  return {
    async create(title: string): Promise<string> {
      const response = await postForm(base, '/news/new', session, {
        hub: await austriaHubId(base, session),
        title,
        summary: 'Written by the render cache story.',
        body: '',
        action: 'publish',
      });
      const slug = /^\/news\/([^/?]+)/.exec(response.headers.get('location') ?? '')?.[1];
      if (response.status !== 303 || !slug)
        throw new Error(`Creating news answered ${response.status}`);
      return slug;
    },
    async edit(slug: string, title: string, action: 'save' | 'unpublish' | 'publish' = 'save') {
      const response = await postForm(base, `/news/${slug}/edit`, session, {
        title,
        summary: 'Written by the render cache story.',
        body: '',
        cover_alt: '',
        action,
      });
      if (response.status !== 303) throw new Error(`Editing news answered ${response.status}`);
    },
    async remove(slug: string) {
      const response = await postForm(base, `/news/${slug}/edit`, session, { action: 'delete' });
      if (response.status !== 303) throw new Error(`Deleting news answered ${response.status}`);
    },
  };
}

describe.skipIf(!e2eEnabled())('visitors read cached pages that are never stale', () => {
  let browser: Browser;
  let coordinator: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await signIn(baseUrl(), demoEmails.coordinator, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves a visitor the stored page, compressed, with an ETag a 304 answers', async () => {
    const url = `${baseUrl()}/deliverables`;
    await request(url);
    const br = await request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers['x-render-cache']).toBe('hit');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, no-cache');
    expect(Number(br.headers['content-length'])).toBe(br.raw.length);
    const gzip = await request(url, { headers: { 'accept-encoding': 'gzip' } });
    const identity = await request(url, { headers: { 'accept-encoding': 'identity' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    // The same page in every coding, a fraction of its size compressed.
    expect(br.text).toBe(identity.text);
    expect(gzip.text).toBe(identity.text);
    expect(identity.text).toContain('</html>');
    expect(br.raw.length).toBeLessThan(identity.raw.length / 3);
    // Security headers travel with the stored page.
    expect(br.headers['content-security-policy']).toBeTruthy();
    expect(br.headers['x-content-type-options']).toBe('nosniff');

    const etag = br.headers.etag!;
    expect(etag).not.toBe(gzip.headers.etag);
    const revalidated = await request(url, {
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.raw.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    const head = await request(url, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.raw.length).toBe(0);
    expect(head.headers['content-length']).toBe(br.headers['content-length']);
  });

  it('tags feeds and calendars too, and sends hashed assets immutable and precompressed', async () => {
    for (const path of ['/news/rss.xml', '/events.ics']) {
      await request(`${baseUrl()}${path}`);
      const response = await request(`${baseUrl()}${path}`, {
        headers: { 'accept-encoding': 'br' },
      });
      expect(response.headers['x-render-cache']).toBe('hit');
      expect(response.headers.etag).toBeTruthy();
      const again = await request(`${baseUrl()}${path}`, {
        headers: { 'accept-encoding': 'br', 'if-none-match': response.headers.etag! },
      });
      expect(again.status).toBe(304);
    }
    const home = await request(`${baseUrl()}/`);
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(home.text)?.[1];
    expect(css).toBeTruthy();
    const asset = await request(`${baseUrl()}${css}`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    const plain = await request(`${baseUrl()}${css}`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.text).toBe(plain.text);
    expect(asset.raw.length).toBeLessThan(plain.raw.length / 3);
  });

  it('never serves or stores a signed-in page, nor a response that sets a cookie', async () => {
    const url = `${baseUrl()}/hubs/austria`;
    const signedIn = await request(url, {
      headers: { cookie: coordinator.cookie, 'accept-encoding': 'br' },
    });
    expect(signedIn.headers['x-render-cache']).toBe('bypass');
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.headers['content-encoding']).toBe('br');
    // The coordinator's page offers editing; a visitor's never does.
    expect(signedIn.text).toContain('/hubs/austria/edit');
    for (let i = 0; i < 2; i += 1) {
      const visitor = await request(url);
      expect(visitor.text).not.toContain('/hubs/austria/edit');
      expect(visitor.headers['set-cookie']).toBeUndefined();
    }
    // An ended session's cookie is cleared (Set-Cookie): that answer is never stored.
    const stale = await request(url, { headers: { cookie: 'portal_session=not-a-valid-token' } });
    expect(stale.headers['set-cookie']).toBeDefined();
    expect(stale.headers['x-render-cache']).toBe('bypass');
    expect((await request(url)).headers['set-cookie']).toBeUndefined();
  });

  it('shows every change to a visitor on the next request: publish, edit, unpublish, delete', async () => {
    const writer = newsWriter(baseUrl(), coordinator);
    const title = `Cache story ${Date.now().toString(36)}`;
    const listing = async () => (await request(`${baseUrl()}/news`)).text;
    expect(await listing()).not.toContain(title);
    expect((await request(`${baseUrl()}/news`)).headers['x-render-cache']).toBe('hit');

    const slug = await writer.create(title);
    expect(await listing()).toContain(title);
    const page = async () => request(`${baseUrl()}/news/${slug}`);
    expect((await page()).text).toContain(title);
    expect((await page()).headers['x-render-cache']).toBe('hit');

    await writer.edit(slug, `${title} edited`);
    expect((await page()).text).toContain(`${title} edited`);
    expect(await listing()).toContain(`${title} edited`);

    await writer.edit(slug, `${title} edited`, 'unpublish');
    expect((await page()).status).toBe(404);
    expect(await listing()).not.toContain(title);

    await writer.edit(slug, `${title} again`, 'publish');
    expect(await listing()).toContain(`${title} again`);

    await writer.remove(slug);
    expect((await page()).status).toBe(404);
    expect(await listing()).not.toContain(title);
  });

  it('keeps pages cached through a failed sign-in (it writes only the rate limits)', async () => {
    const url = `${baseUrl()}/cities`;
    await request(url);
    expect((await request(url)).headers['x-render-cache']).toBe('hit');
    const attempt = await fetch(`${baseUrl()}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
      body: new URLSearchParams({
        email: 'nobody@example.org',
        password: 'wrong-password-1',
        next: '/',
      }),
    });
    await attempt.arrayBuffer();
    expect(attempt.status).toBeGreaterThanOrEqual(400);
    expect((await request(url)).headers['x-render-cache']).toBe('hit');
  });

  it('renders a page served from the cache exactly as a browser needs it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/hubs');
    const response = await page.goto('/hubs');
    expect(response?.headers()['x-render-cache']).toBe('hit');
    // The map: the grey world is a hashed static image under the page's SVG,
    // the countries a hub covers are drawn inline over it.
    const outlineHref = await page.locator('svg[role="img"] image').getAttribute('href');
    expect(outlineHref).toMatch(/^\/_astro\/world-outline\.[\w-]+\.svg$/);
    const outline = await page.request.get(outlineHref!);
    expect(outline.status()).toBe(200);
    expect(outline.headers()['cache-control']).toContain('immutable');
    expect((await outline.text()).match(/<path /g)?.length).toBeGreaterThan(100);
    await expect(page.locator('svg[role="img"] path').count()).resolves.toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

/**
 * Two app servers on one PostgreSQL database (the production build started
 * twice): a change made through one, or straight in the database from
 * another connection, is visible through the other on the very next request.
 * Needs TEST_DATABASE_URL (a role that can create databases); the story
 * creates its own database beside it and drops it afterwards.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!e2eEnabled() || !postgresUrl)('two app servers on one PostgreSQL', () => {
  let first: PortalProcess;
  let second: PortalProcess;
  let databaseUrl: string;
  let admin: pg.Client;
  let owner: pg.Client;
  const name = `portal_cache_e2e_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const maintenance = new URL(postgresUrl!);
    maintenance.pathname = '/postgres';
    admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const env = {
      DATABASE_URL: databaseUrl,
      DB_AUTO_MIGRATE: 'true',
      SEED_DEMO_DATA: 'true',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      DATA_DIR: `/tmp/${name}`,
    };
    first = await startPortalProcess(env);
    second = await startPortalProcess(env);
    owner = new pg.Client({ connectionString: databaseUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await first?.stop();
    await second?.stop();
    await admin?.query(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  it('shows a write through one server on the next read through the other, every time', async () => {
    const session = await signIn(first.baseUrl, demoEmails.coordinator, demoPassword);
    const writer = newsWriter(first.baseUrl, session);
    const title = `Two servers ${Date.now().toString(36)}`;
    const slug = await writer.create(title);
    const read = () => request(`${second.baseUrl}/news/${slug}`);
    expect((await read()).text).toContain(title);
    expect((await read()).headers['x-render-cache']).toBe('hit');
    for (let i = 0; i < 25; i += 1) {
      await writer.edit(slug, `${title} edit ${i}`);
      const response = await read();
      expect(response.text).toContain(`${title} edit ${i}`);
    }
  });

  it('shows a change made straight in the database, from another connection, at once', async () => {
    const read = () => request(`${second.baseUrl}/hubs/austria`);
    await read();
    expect((await read()).headers['x-render-cache']).toBe('hit');
    for (let i = 0; i < 25; i += 1) {
      const summary = `Summary written by SQL ${i} ${Date.now().toString(36)}`;
      await owner.query(`update public.hubs set summary = $1 where slug = 'austria'`, [summary]);
      expect((await read()).text).toContain(summary);
    }
  });

  it('answers 304 on either server for a tag the other issued, until the data changes', async () => {
    const url = '/deliverables';
    await request(`${first.baseUrl}${url}`);
    const tagged = await request(`${first.baseUrl}${url}`, {
      headers: { 'accept-encoding': 'br' },
    });
    const etag = tagged.headers.etag!;
    const elsewhere = await request(`${second.baseUrl}${url}`, {
      headers: {
        'accept-encoding': 'br',
        'if-none-match': etag,
        host: new URL(first.baseUrl).host,
      },
    });
    expect(elsewhere.status).toBe(304);
    await owner.query(`update public.deliverables set title = title where true`);
    const changed = await request(`${second.baseUrl}${url}`, {
      headers: {
        'accept-encoding': 'br',
        'if-none-match': etag,
        host: new URL(first.baseUrl).host,
      },
    });
    expect(changed.status).toBe(200);
  });
});
