import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { sessionCookie } from '../support/raw-http';
import { demoEmails, demoPassword } from '../support/sign-in';

/** Pages that need a role (or an account), with the role that opens them. */
const protectedPages = [
  '/news/new',
  '/news/manage',
  '/events/new',
  '/events/manage',
  '/hubs/austria/edit',
  '/hubs/austria/applications',
  '/hubs/austria/apply',
  '/admin/members',
];

const get = (path: string, cookie = '') =>
  fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

/**
 * The permission guard answers one way on every route: a visitor who is not
 * signed in is sent to sign in and comes back; a signed-in member without
 * the role gets a 403 page that says why; the role opens the page.
 */
describe.skipIf(!e2eEnabled())('visitors and members meet the permission guard', () => {
  let browser: Browser;
  let member = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    member = await sessionCookie(baseUrl(), demoEmails.member, demoPassword);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor of every protected page to sign in, with the way back', async () => {
    for (const path of [...protectedPages, '/account', '/news/manage?page=2']) {
      const response = await get(path);
      expect(response.status, path).toBe(303);
      const location = new URL(response.headers.get('location')!, baseUrl());
      expect(location.pathname, path).toBe('/login');
      expect(location.searchParams.get('next'), path).toBe(path);
      expect(location.searchParams.get('notice'), path).toBe('sign-in-required');
    }
  });

  it('sends a signed-out visitor who posts a registration to sign in too (not a silent 200)', async () => {
    const response = await fetch(`${baseUrl()}/events/demo-austrian-hub-smart-city-dialogue`, {
      method: 'POST',
      headers: { origin: baseUrl(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=register',
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/login?notice=sign-in-required&next=%2Fevents%2Fdemo-austrian-hub-smart-city-dialogue',
    );
  });

  it('answers 403 with a page that says why to a member without the role, for GET and POST', async () => {
    for (const path of protectedPages) {
      const response = await get(path, member);
      expect(response.status, path).toBe(403);
      const html = await response.text();
      expect(html.match(/<h1\b/g)?.length, path).toBe(1);
      // Asking to join a hub explains itself, with next steps (below).
      if (path.endsWith('/apply')) continue;
      expect(html, path).toContain('ask a coordinator of the hub or a platform administrator');
    }
    const admin = await (await get('/admin/members', member)).text();
    expect(admin).toContain('This page is for platform admins.');
    const apply = await (await get('/hubs/austria/apply', member)).text();
    expect(apply).toContain('Your account has neither yet.');
    expect(apply).toContain('What to do next');
    const posted = await fetch(`${baseUrl()}/admin/members`, {
      method: 'POST',
      headers: {
        origin: baseUrl(),
        cookie: member,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'intent=grant&email=member%40demo.u4ssc.local&role=platform_admin',
      redirect: 'manual',
    });
    expect(posted.status).toBe(403);
  });

  it('opens the pages for the role, and a signed-out visitor lands on the page after signing in', async () => {
    const coordinator = await sessionCookie(baseUrl(), demoEmails.coordinator, demoPassword);
    for (const path of [
      '/news/new',
      '/events/manage',
      '/hubs/austria/edit',
      '/hubs/austria/applications',
    ])
      expect((await get(path, coordinator)).status, path).toBe(200);
    const admin = await sessionCookie(baseUrl(), demoEmails.admin, demoPassword);
    expect((await get('/admin/members', admin)).status).toBe(200);

    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/hubs/austria/edit');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByRole('status').textContent()).resolves.toBeTruthy();
    await page.getByLabel('Email address').fill(demoEmails.coordinator);
    await page.getByLabel(/^Password/).fill(demoPassword);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/hubs/austria/edit'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await context.close();
  });

  it('has no axe violations on the 403 page', async () => {
    const context = await newContext(browser);
    await context.addCookies([
      {
        name: member.split('=')[0]!,
        value: member.slice(member.indexOf('=') + 1),
        url: baseUrl(),
      },
    ]);
    const page = await context.newPage();
    const response = await page.goto('/news/manage');
    expect(response?.status()).toBe(403);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
