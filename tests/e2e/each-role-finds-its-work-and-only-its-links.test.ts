import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, expectNoAxeViolations, launchBrowser, newContext } from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

type Role = keyof typeof demoEmails;

/** What each demo account's "Your work" page holds: its blocks, in order. */
const expectedSections: Record<Role, string[]> = {
  admin: ['admin', 'case-studies-review', 'organization-reviews'],
  coordinator: [
    'hub-austria',
    'hub-demo-nordic-hub',
    'news',
    'events',
    'case-studies-review',
    'organization-reviews',
  ],
  otherCoordinator: [
    'hub-demo-andean-hub',
    'news',
    'events',
    'case-studies-review',
    'organization-reviews',
  ],
  cityEditor: ['case-studies', 'kpi-assessments', 'procurement', 'city-demo-fjordby'],
  otherCityEditor: ['case-studies', 'kpi-assessments', 'procurement', 'city-demo-lakeside'],
  orgMember: [
    'procurement-opportunities',
    'organization-demo-pending-mobility',
    'organization-demo-sensorwerk',
  ],
  orgColleague: [
    'procurement-opportunities',
    'organization-demo-declined-gadgets',
    'organization-demo-sensorwerk',
    'organization-demo-urban-data-lab',
  ],
  member: ['getting-started'],
};

/** Addresses only hub coordinators (and admins) can use. */
const coordinatorOnly =
  /^\/(news\/new|events\/new|news\/manage|events\/manage|hubs\/[^/]+\/(applications|edit)|news\/[^/]+\/edit|events\/[^/]+\/edit)(\?|$)/;

async function hrefsOn(page: Page): Promise<string[]> {
  return page.$$eval('a[href]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
}

describe.skipIf(!e2eEnabled())('each role finds its work, and only its own links', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.keys(expectedSections) as Role[])(
    'shows %s exactly their blocks on Your work, reached from the account menu',
    async (role) => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, demoEmails[role], demoPassword, '/account');
      await page.getByLabel(/^Account menu for/).click();
      await page.locator('[data-account-menu]').getByRole('link', { name: 'Your work' }).click();
      await page.waitForURL('**/work');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Your work',
      );
      const sections = await page.$$eval('[data-work-section]', (nodes) =>
        nodes.map((node) => node.getAttribute('data-work-section')),
      );
      // Event registrations are the person's own doings, which other stories
      // sharing this server may have added (a member registering for an
      // event): that block is checked for what it holds, the rest exactly.
      expect(sections.filter((id) => id !== 'registrations')).toEqual(expectedSections[role]);
      if (sections.includes('registrations')) {
        await expect(
          page.locator('[data-work-section="registrations"] li').count(),
        ).resolves.toBeGreaterThan(0);
      }
      await expectNoAxeViolations(page);

      const links = await hrefsOn(page);
      const coordinatorLinks = links.filter((href) => coordinatorOnly.test(href));
      if (role === 'coordinator' || role === 'otherCoordinator' || role === 'admin') {
        if (role !== 'admin') expect(coordinatorLinks.length).toBeGreaterThan(0);
      } else {
        expect(coordinatorLinks, role).toEqual([]);
        // Nor on the news and events pages, nor in the header of any of them.
        for (const path of ['/news', '/events', '/account']) {
          await page.goto(path);
          expect(
            (await hrefsOn(page)).filter((href) => coordinatorOnly.test(href)),
            `${role} on ${path}`,
          ).toEqual([]);
        }
      }
      // Administration is offered to the admin alone.
      expect(links.includes('/admin/members'), role).toBe(role === 'admin');
      await context.close();
    },
  );

  it('links every role on /account to what it is held in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoEmails.coordinator, demoPassword, '/account');
    const roles = page.locator('section[aria-labelledby="roles"]');
    await expect(
      roles.getByRole('link', { name: 'Nordic Hub (demo)' }).getAttribute('href'),
    ).resolves.toBe('/hubs/demo-nordic-hub');
    await expect(roles.getByRole('link', { name: 'Your work' }).count()).resolves.toBe(1);
    await context.close();

    const partner = await newContext(browser);
    const partnerPage = await partner.newPage();
    await signIn(partnerPage, demoEmails.orgMember, demoPassword, '/account');
    const partnerRoles = partnerPage.locator('section[aria-labelledby="roles"]');
    await expect(
      partnerRoles.getByRole('link', { name: 'Sensorwerk GmbH (demo)' }).getAttribute('href'),
    ).resolves.toBe('/directory/demo-sensorwerk');
    // A pending organization is not public: named, marked, not linked.
    await expect(
      partnerRoles.getByRole('link', { name: /Pending Mobility/ }).count(),
    ).resolves.toBe(0);
    await expect(partnerRoles.getByText('Waiting for verification').count()).resolves.toBe(1);
    await expectNoAxeViolations(partnerPage);
    await partner.close();
  });

  it('tells a signed-in person who they are on /login and /signup instead of the forms', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoEmails.member, demoPassword, '/account');
    for (const path of ['/login', '/signup']) {
      await page.goto(path);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        'Max Member (demo) (member@demo.u4ssc.local)',
      );
      await expect(page.getByLabel(/^Password/).count()).resolves.toBe(0);
      await expect(
        page.getByRole('main').getByRole('link', { name: 'Your work' }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
    }
    // Nothing on the page offers a new account.
    await page.goto('/');
    expect(await hrefsOn(page)).not.toContain('/signup');
    await context.close();
  });

  it('never leaves a visitor at a dead end: partner registration and joining a hub say what to do next', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Register your organization' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/register/organization');
    await expect(page.getByRole('heading', { name: 'First, an account' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await page.goto('/');
    await page
      .locator('li', { hasText: 'Join as a partner' })
      .getByRole('link', { name: 'Register your organization' })
      .click();
    expect(new URL(page.url()).pathname).toBe('/register/organization');

    // A member without a city or organization asks to join a hub.
    await signIn(page, demoEmails.member, demoPassword, '/hubs/austria');
    await page.getByRole('link', { name: 'Request to join' }).click();
    const guidance = page.locator('[data-apply-guidance]');
    await expect(guidance.getByRole('heading', { name: 'What to do next' }).count()).resolves.toBe(
      1,
    );
    await expect(
      guidance.getByRole('link', { name: 'Register your organization' }).count(),
    ).resolves.toBe(1);
    await guidance.getByRole('link', { name: /who coordinates/ }).click();
    expect(new URL(page.url()).pathname).toBe('/hubs/austria');
    expect(new URL(page.url()).hash).toBe('#coordinators');
    await context.close();
  });

  it('keeps the header short on a phone and the account name whole where there is room', async () => {
    const phone = await newContext(browser);
    const page = await phone.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, demoEmails.coordinator, demoPassword, '/work');
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(120);
    await expectNoAxeViolations(page);
    // The main menu opens over the page, without JavaScript.
    await page.locator('[data-main-menu] summary').click();
    await expect(
      page.locator('[data-main-menu]').getByRole('link', { name: 'Events' }).isVisible(),
    ).resolves.toBe(true);

    await page.setViewportSize({ width: 1280, height: 800 });
    const name = page.locator('[data-account-menu] summary span');
    const [scroll, client] = await name.evaluate((node) => [node.scrollWidth, node.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    await phone.close();
  });
});
