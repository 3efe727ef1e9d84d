import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTermsVersion } from '../../src/lib/legal/terms';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

const vendorEmail = `vendor-${Date.now().toString(36)}@example.org`;
const vendorPassword = 'a solar fjord of unusual length';
const colleagueEmail = `colleague-${Date.now().toString(36)}@example.org`;
const organization = 'Solar Fjord AS';
const slug = 'solar-fjord-as';

/** The newest mail of a kind to an address, from the development mailbox. */
async function mailTo(page: Page, to: string, kind: string) {
  await page.goto('/dev/mailbox');
  const mail = page.locator(`article[data-mail-to="${to}"][data-mail-kind="${kind}"]`).first();
  await mail.waitFor();
  return mail;
}

/**
 * Checks a page (axe needs JavaScript in the browser) and that it ships no
 * script of its own: it works the same with JavaScript off.
 */
async function check(page: Page) {
  await expectNoAxeViolations(page);
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
}

/** Follows a mailed link (its path only: the mail names the server's own origin). */
async function follow(page: Page, href: string | null) {
  const url = new URL(href!);
  await page.goto(`${url.pathname}${url.search}`);
}

/**
 * Issue 13's story: a vendor creates an account and registers its
 * organization (pages that ship no script, so it works without JavaScript), leaving halfway and coming back to find
 * its answers; the Nordic hub's coordinator verifies it from the review
 * queue; it appears in the directory and in search; the vendor invites a
 * colleague, who accepts from the mailed link; a city editor finds it and
 * writes to it; the vendor reads the message in its dashboard and in the
 * development mailbox. axe checks every new page on the way.
 */
describe.skipIf(!e2eEnabled())(
  'a vendor registers, is verified, builds a team and answers a city',
  () => {
    let browser: Browser;
    let vendor: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
      vendor = await newContext(browser);
      page = await vendor.newPage();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('creates an account from "Register your organization"', async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Register your organization' }).first().click();
      expect(new URL(page.url()).pathname).toBe('/register/organization');
      await check(page);
      await page.getByLabel('Your name').fill('Vera Vendor');
      await page.getByLabel('Email address').fill(vendorEmail);
      await page.getByLabel('Password').fill(vendorPassword);
      await page.getByRole('button', { name: 'Create account' }).click();
      const mail = await mailTo(page, vendorEmail, 'auth.confirm_signup');
      await follow(page, await mail.getByRole('link').first().getAttribute('href'));
      await page.getByRole('button', { name: 'Confirm email address' }).click();
      await signIn(page, vendorEmail, vendorPassword, '/register/organization');
      expect(new URL(page.url()).pathname).toBe('/register/organization');
    });

    it('registers in steps, leaving halfway and finding its answers when it comes back', async () => {
      await check(page);
      await page.getByRole('link', { name: 'Start' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/identity');
      await check(page);
      // A bad website first: a clear message beside the field, nothing saved.
      await page.getByLabel('Name of the organization').fill(organization);
      await page.getByLabel('Private sector').check();
      await page.getByLabel('Country it is based in').selectOption('NO');
      await page.getByLabel(/^Website/).fill('http://192.168.1.10/');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect(page.locator('#field-websiteUrl-error').textContent()).resolves.toContain(
        'private network',
      );
      await check(page);
      await page.getByLabel(/^Website/).fill('solarfjord.example');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/profile');
      await check(page);
      await page
        .getByLabel('Summary')
        .fill('Solar roofs and batteries for municipal buildings along the fjords.');
      await page.getByLabel('Europe').check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/offerings');

      // Away, and back another day.
      await page.goto('/');
      await page.goto('/register/organization');
      await expect(
        page.getByRole('heading', { name: 'Continue your registration' }).count(),
      ).resolves.toBe(1);
      await expect(page.getByText('Completed').count()).resolves.toBe(2);
      await page.getByRole('link', { name: 'Continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/offerings');
      await check(page);
      // The first step still holds what was typed (never asked twice).
      await page.goto('/register/organization/identity');
      await expect(page.getByLabel('Name of the organization').inputValue()).resolves.toBe(
        organization,
      );
      await expect(page.getByLabel(/^Website/).inputValue()).resolves.toBe(
        'https://solarfjord.example/',
      );
      await page.goto('/register/organization/offerings');

      await page.getByLabel('Title').fill('Solar roofs for public buildings');
      await page
        .getByLabel('What it is')
        .fill('Design, installation and monitoring of rooftop solar power.');
      await page
        .getByRole('group', { name: /Themes/ })
        .getByLabel('Energy')
        .check();
      await page
        .getByRole('group', { name: /Themes/ })
        .getByLabel('Climate')
        .check();
      await page.getByLabel(/SDG 7 /).check();
      await page.getByRole('button', { name: 'Add this offering' }).click();
      await expect(
        page.getByRole('heading', { name: 'Solar roofs for public buildings' }).count(),
      ).resolves.toBe(1);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/hubs');
      await check(page);
      await page.getByLabel(/Nordic Hub \(demo\)/).check();
      await page.getByRole('button', { name: 'Save and continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/review');
      await check(page);
      // The terms it is asked to accept are the version /terms shows.
      const termsLink = page.getByRole('link', { name: /Read the terms of use/ });
      await expect(termsLink.textContent()).resolves.toContain(currentTermsVersion);
      const terms = await fetch(new URL((await termsLink.getAttribute('href'))!, baseUrl()));
      expect(terms.status).toBe(200);
      await expect(terms.text()).resolves.toContain(`data-terms-version="${currentTermsVersion}"`);
      // Without the terms: refused, nothing created.
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
        'terms of use',
      );
      await page.getByLabel(/I have read and accept the terms of use/).check();
      await page.getByRole('button', { name: 'Submit for review' }).click();
      expect(new URL(page.url()).pathname).toBe(`/organizations/${slug}`);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('submitted');
      await check(page);

      // Not public yet.
      expect((await fetch(`${baseUrl()}/directory/${slug}`)).status).toBe(404);
    });

    it('is verified by the coordinator of the hub it chose, then listed and found', async () => {
      const coordinator = await newContext(browser);
      const reviewer = await coordinator.newPage();
      await signIn(reviewer, demoEmails.coordinator, demoPassword, '/organizations/review');
      await check(reviewer);
      await reviewer.getByRole('button', { name: `Verify ${organization}` }).click();
      await expect(reviewer.getByRole('status').first().textContent()).resolves.toContain(
        'Verified',
      );
      await coordinator.close();

      const visitor = await newContext(browser);
      const v = await visitor.newPage();
      await v.goto('/directory?theme=energy');
      await expect(v.getByRole('link', { name: organization }).count()).resolves.toBe(1);
      await check(v);
      await v.getByRole('link', { name: organization }).click();
      await expect(v.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(organization);
      await expect(v.getByText('Member since').count()).resolves.toBe(1);
      expect(await v.content()).not.toContain(vendorEmail);
      await check(v);
      await v.goto(`/search?q=${encodeURIComponent(organization)}`);
      await expect(v.locator(`a[href="/directory/${slug}"]`).count()).resolves.toBeGreaterThan(0);
      await v.goto('/directory/match?city=demo-fjordby&theme=energy');
      await expect(v.getByRole('link', { name: organization }).count()).resolves.toBe(1);
      await check(v);
      await visitor.close();

      const mail = await mailTo(page, vendorEmail, 'organizations.registration_verified');
      await expect(mail.textContent()).resolves.toContain('was verified');
    });

    it('invites a colleague, who creates an account and accepts from the mailed link', async () => {
      await page.goto(`/organizations/${slug}/team`);
      await check(page);
      await page.getByLabel('Their e-mail address').fill(colleagueEmail);
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        colleagueEmail,
      );

      const colleague = await newContext(browser);
      const c = await colleague.newPage();
      const mail = await mailTo(c, colleagueEmail, 'organizations.invitation');
      const link = await mail.getByRole('link').first().getAttribute('href');
      expect(link).toContain('/organizations/invitation?token=');
      const invitation = `${new URL(link!).pathname}${new URL(link!).search}`;
      await follow(c, link);
      await check(c);
      // No account yet: create one with the invited address, then accept.
      await c.getByRole('link', { name: 'Create an account with that address' }).click();
      await c.getByLabel('Your name').fill('Colin Colleague');
      await c.getByLabel('Email address').fill(colleagueEmail);
      await c.getByLabel('Password').fill(vendorPassword);
      await c.getByRole('button', { name: 'Create account' }).click();
      const confirm = await mailTo(c, colleagueEmail, 'auth.confirm_signup');
      await follow(c, await confirm.getByRole('link').first().getAttribute('href'));
      await c.getByRole('button', { name: 'Confirm email address' }).click();
      await signIn(c, colleagueEmail, vendorPassword, invitation);
      await c.getByRole('button', { name: `Accept and join ${organization}` }).click();
      expect(new URL(c.url()).pathname).toBe(`/organizations/${slug}`);
      await expect(c.getByRole('status').first().textContent()).resolves.toContain(
        'member of this organization',
      );
      // The link works once.
      await follow(c, link);
      await expect(c.getByText('already used').count()).resolves.toBe(1);
      await colleague.close();

      await page.goto(`/organizations/${slug}/team`);
      await expect(page.getByText('Colin Colleague', { exact: true }).count()).resolves.toBe(1);
    });

    it('receives a city editor’s message in its dashboard and by mail', async () => {
      const city = await newContext(browser);
      const editor = await city.newPage();
      await signIn(editor, demoEmails.cityEditor, demoPassword, `/directory/${slug}`);
      await editor.getByRole('link', { name: 'Contact this organization' }).click();
      await check(editor);
      await editor.getByLabel('Subject').fill('Solar roofs for Fjordby schools');
      // "Message (required)": a required field says so in words.
      await editor
        .getByLabel(/^Message \(required\)/)
        .fill('Fjordby plans to put solar panels on four schools next year. Could we talk?');
      await editor.getByRole('button', { name: 'Send message' }).click();
      expect(new URL(editor.url()).pathname).toBe('/organizations/sent');
      await expect(editor.getByText('Solar roofs for Fjordby schools').count()).resolves.toBe(1);
      await check(editor);
      await city.close();

      await page.goto(`/organizations/${slug}/requests`);
      const request = page.locator('li[data-status="open"]', {
        hasText: 'Solar roofs for Fjordby schools',
      });
      await expect(request.getByText(demoEmails.cityEditor).count()).resolves.toBe(1);
      await check(page);
      await request.getByRole('button', { name: /Mark .* answered/ }).click();
      await expect(
        page
          .locator('li[data-status="answered"]', { hasText: 'Solar roofs for Fjordby schools' })
          .count(),
      ).resolves.toBe(1);

      const mail = await mailTo(page, vendorEmail, 'organizations.contact_received');
      await expect(mail.textContent()).resolves.toContain('four schools');

      await page.goto(`/organizations/${slug}/matches`);
      await check(page);
    });

    it('publishes open data, and keeps the rest of the dashboard and its own data within reach', async () => {
      const csv = await fetch(`${baseUrl()}/directory.csv?theme=energy`);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      expect(text).toContain(organization);
      expect(text).not.toContain(vendorEmail);
      const api = (await (await fetch(`${baseUrl()}/api/organizations?theme=energy`)).json()) as {
        items: { slug: string }[];
      };
      expect(api.items.map((item) => item.slug)).toContain(slug);
      expect((await fetch(`${baseUrl()}/api/organizations?kind=pirates`)).status).toBe(400);

      await page.goto('/organizations');
      await check(page);
      await page.goto(`/organizations/${slug}/edit`);
      await check(page);
      await page
        .getByLabel('Summary')
        .fill('Solar roofs, batteries and monitoring for public buildings.');
      await page.getByRole('button', { name: 'Save the profile' }).click();
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('saved');
      await page.goto(`/organizations/${slug}/offerings`);
      await check(page);

      // Registering it a second time is caught: same website.
      await page.goto('/register/organization/identity');
      await page.getByLabel('Name of the organization').fill('Solar Fjord Norway');
      await page.getByLabel('Private sector').check();
      await page.getByLabel('Country it is based in').selectOption('NO');
      await page.getByLabel(/^Website/).fill('https://www.solarfjord.example/norway');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/register/organization/duplicates');
      await expect(page.getByText('You already belong to it.').count()).resolves.toBe(1);
      await check(page);

      const download = await page.request.get('/account/data.json');
      expect(download.headers()['content-disposition']).toContain('attachment');
      const data = (await download.json()) as {
        organizations: { registered: { organization: string; terms_version: string }[] };
      };
      expect(data.organizations.registered.map((r) => r.organization)).toEqual([slug]);
      expect(data.organizations.registered[0]!.terms_version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  },
);
