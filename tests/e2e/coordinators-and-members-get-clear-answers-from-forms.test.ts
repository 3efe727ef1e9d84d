import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function fillDateTime(page: Page, name: string, [day, month, year, time]: string[]) {
  await page.locator(`#field-${name}-day`).fill(day!);
  await page.locator(`#field-${name}-month`).fill(month!);
  await page.locator(`#field-${name}-year`).fill(year!);
  await page.locator(`#field-${name}-time`).fill(time!);
}

describe.skipIf(!e2eEnabled())('coordinators and members get clear answers from forms', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks the sign-up and sign-in fields as required in words, like every other form', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/signup');
    for (const label of ['Your name', 'Email address', 'Password'])
      await expect(page.getByLabel(`${label} (required)`, { exact: true }).count()).resolves.toBe(
        1,
      );
    await page.goto('/login');
    for (const label of ['Email address', 'Password'])
      await expect(page.getByLabel(`${label} (required)`, { exact: true }).count()).resolves.toBe(
        1,
      );
    await context.close();
  });

  it('asks for times with four fields and one time zone, and moves the focus to the problems', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoEmails.coordinator, demoPassword, '/events/new?hub=austria');
    await expect(page.getByRole('combobox', { name: /Time zone/ }).count()).resolves.toBe(1);
    await expect(page.locator('input[type="datetime-local"]').count()).resolves.toBe(0);
    // Day, Month, Year, Time: four Tab stops, then the next field.
    await page.locator('#field-starts_at-day').focus();
    const stops = [await focusedId(page)];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focusedId(page));
    }
    expect(stops).toEqual([
      'field-starts_at-day',
      'field-starts_at-month',
      'field-starts_at-year',
      'field-starts_at-time',
      'field-ends_at-day',
    ]);
    await expect(
      page
        .getByRole('group', { name: /Publication time/ })
        .getByRole('textbox')
        .count(),
    ).resolves.toBe(4);
    await expectNoAxeViolations(page);

    // A date that does not exist: the answer puts the focus on the summary.
    await page.getByLabel(/^Title/).fill('KPI clinic');
    await page.locator('#field-venue_name').fill('Rathaus, Vienna');
    await fillDateTime(page, 'starts_at', ['31', '4', '2031', '9:00']);
    await fillDateTime(page, 'ends_at', ['1', '5', '2031', '17:00']);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForLoadState();
    await expect(focusedId(page)).resolves.toBe('error-summary');
    await expectNoAxeViolations(page);
    const startsLink = page.locator('#error-summary a[href="#field-starts_at"]');
    await expect(startsLink.count()).resolves.toBe(1);
    // What was typed is shown again, and the summary's link lands on the group.
    await expect(page.locator('#field-starts_at-day').inputValue()).resolves.toBe('31');
    await expect(page.locator('#field-starts_at-day').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await startsLink.click();
    await expect(focusedId(page)).resolves.toBe('field-starts_at');
    await context.close();
  });

  it('answers "Published" with the public address after Publish now', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const title = `Open data clinic ${Date.now()}`;
    await signIn(page, demoEmails.coordinator, demoPassword, '/events/new?hub=austria');
    await page.getByLabel(/^Title/).fill(title);
    await page.locator('#field-time_zone').selectOption('Europe/Vienna');
    await fillDateTime(page, 'starts_at', ['14', '3', '2032', '09:30']);
    await fillDateTime(page, 'ends_at', ['14', '3', '2032', '12:00']);
    await page.locator('#field-venue_name').fill('Rathaus, Vienna');
    await Promise.all([
      page.waitForURL(/\/events\/[a-z0-9-]+\?saved=publish$/),
      page.getByRole('button', { name: 'Publish now' }).click(),
    ]);
    const path = new URL(page.url()).pathname;
    const notice = page.locator('[data-saved="publish"]');
    await expect(notice.getByText('Published.', { exact: true }).count()).resolves.toBe(1);
    const link = notice.locator('[data-public-link]');
    await expect(link.getAttribute('href')).resolves.toBe(path);
    expect((await link.textContent())?.trim()).toBe(`${baseUrl()}${path}`);
    await expectNoAxeViolations(page);
    // The address works for anyone.
    const visitor = await fetch(`${baseUrl()}${path}`);
    expect(visitor.status).toBe(200);
    expect(await visitor.text()).toContain(title);
    await context.close();
  });

  it('replaces the join request form with a confirmation once it is sent', async () => {
    // Other stories send, approve and decline requests for the demo cities
    // (the journeys need Fjordby's request to the Andean hub untouched): ask
    // for the partner's organization first, and wherever one may still ask.
    const hubs = [
      { slug: 'demo-nordic-hub', name: 'Nordic Hub' },
      { slug: 'austria', name: 'U4SSC Austrian Country Hub' },
      { slug: 'demo-andean-hub', name: 'Andean Region Hub' },
    ];
    const people = [demoEmails.orgMember, demoEmails.otherCityEditor, demoEmails.cityEditor];
    let asked = false;
    for (const email of people) {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, email, demoPassword, '/account');
      for (const hub of hubs) {
        await page.goto(`/hubs/${hub.slug}/apply`);
        const open = page.locator('main input[name="applicant"]:not([disabled])');
        if ((await open.count()) === 0) continue;
        await open.first().check();
        await page.getByLabel(/Message to the coordinators/).fill('We would like to compare KPIs.');
        await Promise.all([
          page.waitForURL(new RegExp(`/hubs/${hub.slug}/apply\\?sent=1$`)),
          page.getByRole('button', { name: 'Send request' }).click(),
        ]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Request sent',
        );
        await expect(page.locator('main form').count()).resolves.toBe(0);
        await expect(page.locator('[data-application-sent]').textContent()).resolves.toContain(
          hub.name,
        );
        await expectNoAxeViolations(page);
        // A reload shows the confirmation again and sends nothing twice.
        await page.reload();
        await expect(page.locator('[data-application-sent]').count()).resolves.toBe(1);
        asked = true;
        break;
      }
      await context.close();
      if (asked) break;
    }
    expect(asked, 'a demo account could still ask a hub').toBe(true);
  });
});
