import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchBrowser, newContext } from '../support/browser';
import { Journey } from '../support/journey';
import { demoEmails, demoPassword } from '../support/sign-in';

/**
 * The five journeys of issue 11, as a new user makes them today, counted step
 * by step (tests/support/journey.ts). Each starts on the home page, signed out.
 * This version follows the portal before "Your work" existed; its counts are
 * the "before" figures of docs/your-work.md.
 */
const counts: Record<string, ReturnType<Journey['count']>> = {};

async function signInFromHeader(journey: Journey, email: string): Promise<void> {
  const { page } = journey;
  await journey.click(page.getByRole('banner').getByRole('link', { name: 'Sign in' }), 'Sign in');
  await journey.fill(page.getByLabel('Email address'), email, 'email');
  await journey.fill(page.getByLabel('Password', { exact: true }), demoPassword, 'password');
  await journey.submit(page.getByRole('main').getByRole('button', { name: 'Sign in' }), 'submit');
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe.skipIf(!e2eEnabled())('the five journeys of issue 11 (before)', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    console.log(JSON.stringify(counts, null, 2));
    await browser?.close();
  });

  it('publish news', async () => {
    const context = await newContext(browser, { javaScriptEnabled: true });
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    await journey.visit('/');
    await signInFromHeader(journey, demoEmails.coordinator);
    await journey.click(nav(page, 'News'), 'News');
    await journey.click(page.getByRole('link', { name: 'Your hubs’ news' }), 'Your hubs’ news');
    await journey.click(page.getByRole('link', { name: 'Write news' }), 'Write news');
    await journey.fill(page.getByLabel('Title'), `Journey news ${stamp}`, 'title');
    await journey.fill(page.getByLabel('Summary'), 'A short summary.', 'summary');
    await journey.type(
      page.getByRole('textbox', { name: 'Text', exact: true }),
      'The text of the news.',
      'text',
    );
    await journey.submit(page.getByRole('button', { name: 'Publish now' }), 'Publish now');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Journey news ${stamp}`,
    );
    counts['publish news'] = journey.count();
    await context.close();
  });

  it('run an event with registration', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    await journey.visit('/');
    await signInFromHeader(journey, demoEmails.coordinator);
    await journey.click(nav(page, 'Events'), 'Events');
    await journey.click(page.getByRole('link', { name: 'Your hubs’ events' }), 'Your hubs’ events');
    await journey.click(page.getByRole('link', { name: 'Create an event' }), 'Create an event');
    await journey.fill(page.getByLabel('Title'), `Journey event ${stamp}`, 'title');
    await journey.fill(page.getByLabel('Summary'), 'Come and see.', 'summary');
    await journey.choose(page.locator('#field-time_zone'), 'Europe/Vienna', 'time zone');
    await journey.fill(page.locator('#field-starts_at'), '2031-09-01T09:00', 'starts');
    await journey.fill(page.locator('#field-ends_at'), '2031-09-01T12:00', 'ends');
    await journey.fill(page.locator('#field-venue_name'), 'City hall', 'venue');
    await journey.check(
      page.getByLabel('On the portal, with a number of places and a waiting list'),
      'registration on the portal',
    );
    await journey.fill(page.locator('#field-capacity'), '1', 'places');
    await journey.submit(page.getByRole('button', { name: 'Publish now' }), 'Publish now');
    const eventPath = new URL(page.url()).pathname;
    await context.close();

    // A member registers.
    const memberContext = await newContext(browser);
    const member = new Journey(await memberContext.newPage());
    await member.visit('/');
    await signInFromHeader(member, demoEmails.member);
    await member.click(nav(member.page, 'Events'), 'Events');
    await member.click(
      member.page.getByRole('link', { name: `Journey event ${stamp}` }),
      'the event',
    );
    expect(new URL(member.page.url()).pathname).toBe(eventPath);
    await member.submit(member.page.getByRole('button', { name: 'Register' }), 'Register');
    const total = journey.count();
    const other = member.count();
    counts['run an event with registration'] = {
      visits: total.visits + other.visits,
      clicks: total.clicks + other.clicks,
      fields: total.fields + other.fields,
      total: total.total + other.total,
    };
    await memberContext.close();
  });

  it('join a hub', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    await journey.visit('/');
    await signInFromHeader(journey, demoEmails.cityEditor);
    await journey.click(nav(page, 'Hubs'), 'Hubs');
    await journey.click(
      page.getByRole('main').getByRole('link', { name: 'Andean Region Hub (demo)' }).first(),
      'the hub',
    );
    await journey.click(page.getByRole('link', { name: 'Request to join' }), 'Request to join');
    await journey.check(page.getByLabel('City: Fjordby (demo)'), 'the city');
    await journey.submit(page.getByRole('button', { name: 'Send request' }), 'Send request');
    await context.close();

    // The hub's coordinator approves.
    const coordinatorContext = await newContext(browser);
    const coordinator = new Journey(await coordinatorContext.newPage());
    const cp = coordinator.page;
    await coordinator.visit('/');
    await signInFromHeader(coordinator, demoEmails.otherCoordinator);
    await coordinator.click(nav(cp, 'Hubs'), 'Hubs');
    await coordinator.click(
      cp.getByRole('main').getByRole('link', { name: 'Andean Region Hub (demo)' }).first(),
      'the hub',
    );
    await coordinator.click(
      cp.getByRole('link', { name: 'Membership requests' }),
      'Membership requests',
    );
    await coordinator.submit(
      cp
        .locator('li', { hasText: 'Fjordby (demo)' })
        .getByRole('button', { name: 'Approve' })
        .first(),
      'Approve',
    );
    const a = journey.count();
    const b = coordinator.count();
    counts['join a hub'] = {
      visits: a.visits + b.visits,
      clicks: a.clicks + b.clicks,
      fields: a.fields + b.fields,
      total: a.total + b.total,
    };
    await coordinatorContext.close();
  });

  it('search', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    await journey.visit('/');
    await journey.fill(page.getByLabel('What are you looking for?'), 'Vienna', 'search words');
    await journey.submit(page.getByRole('main').getByRole('button', { name: 'Search' }), 'Search');
    await journey.click(
      page
        .getByRole('main')
        .getByRole('link', { name: /Vienna/ })
        .first(),
      'a result',
    );
    counts.search = journey.count();
    await context.close();
  });

  it('sign up and change password', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    const email = `journey-${stamp}@example.org`;
    await journey.visit('/');
    await journey.click(
      page.getByRole('link', { name: 'Register your organization' }),
      'Register your organization',
    );
    await journey.fill(page.getByLabel('Your name'), 'Jo Journey', 'name');
    await journey.fill(page.getByLabel('Email address'), email, 'email');
    await journey.fill(page.getByLabel('Password'), 'a long and unusual passphrase', 'password');
    await journey.submit(page.getByRole('button', { name: 'Create account' }), 'Create account');
    await journey.visit('/dev/mailbox');
    const link = await page
      .locator(`article[data-mail-to="${email}"][data-mail-kind="auth.confirm_signup"] a`)
      .first()
      .getAttribute('href');
    await journey.visit(new URL(link!).pathname + new URL(link!).search);
    await journey.submit(
      page.getByRole('button', { name: 'Confirm email address' }),
      'Confirm email address',
    );
    await journey.fill(page.getByLabel('Email address'), email, 'email');
    await journey.fill(
      page.getByLabel('Password', { exact: true }),
      'a long and unusual passphrase',
      'password',
    );
    await journey.submit(page.getByRole('main').getByRole('button', { name: 'Sign in' }), 'submit');
    await journey.click(page.getByLabel(/^Account menu for/), 'account menu');
    await journey.click(page.getByRole('link', { name: 'Your account' }), 'Your account');
    await journey.fill(
      page.getByLabel('Current password').first(),
      'a long and unusual passphrase',
      'current password',
    );
    await journey.fill(
      page.getByLabel('New password'),
      'another long and unusual passphrase',
      'new password',
    );
    await journey.submit(page.getByRole('button', { name: 'Change password' }), 'Change password');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Your password was changed',
    );
    counts['sign up and change password'] = journey.count();
    await context.close();
  });
});
