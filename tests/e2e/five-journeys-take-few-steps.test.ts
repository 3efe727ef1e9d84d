import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchBrowser, newContext } from '../support/browser';
import { Journey, type JourneyCount } from '../support/journey';
import { demoEmails, demoPassword } from '../support/sign-in';

/**
 * The five journeys of issue 11 as one suite, each from the home page,
 * signed out, counted step by step (tests/support/journey.ts: each address
 * opened, each click, each field is a step; every page reached passes axe).
 *
 * `before` is what the same journeys took before "Your work" and the mail
 * (commit 46d4c03 runs them on that portal); a journey that grows longer than
 * `after` fails, so a change that adds steps is seen (docs/your-work.md).
 */
const before = {
  'publish news': 12,
  'run an event with registration': 25,
  'join a hub': 19,
  search: 4,
  'sign up and change password': 17,
} as const;
const after: Record<keyof typeof before, number> = {
  'publish news': 10,
  'run an event with registration': 23,
  'join a hub': 15,
  search: 4,
  'sign up and change password': 16,
};
const counts: Partial<Record<keyof typeof before, JourneyCount>> = {};

function record(name: keyof typeof before, ...journeys: Journey[]): void {
  const count = Journey.sum(journeys);
  counts[name] = count;
  expect(count.total, name).toBeLessThanOrEqual(after[name]);
}

/** Signs in from the header's link; from the home page that leads to "Your work". */
async function signInFromHeader(journey: Journey, email: string): Promise<void> {
  const { page } = journey;
  await journey.click(page.getByRole('banner').getByRole('link', { name: 'Sign in' }), 'Sign in');
  await signInHere(journey, email);
}

async function signInHere(journey: Journey, email: string, password = demoPassword) {
  const { page } = journey;
  await journey.fill(page.getByLabel('Email address'), email, 'email');
  await journey.fill(page.getByLabel(/^Password/), password, 'password');
  await journey.submit(page.getByRole('main').getByRole('button', { name: 'Sign in' }), 'submit');
}

/** One block of the "Your work" page. */
const workSection = (page: Page, id: string) => page.locator(`[data-work-section="${id}"]`);

/** The first link of the newest mail of a kind to an address, in the development mailbox. */
async function linkInMail(page: Page, to: string, kind: string): Promise<string> {
  await page.goto('/dev/mailbox');
  const href = await page
    .locator(`article[data-mail-to="${to}"][data-mail-kind="${kind}"]`)
    .first()
    .getByRole('link')
    .first()
    .getAttribute('href');
  const url = new URL(href!);
  return url.pathname + url.search;
}

describe.skipIf(!e2eEnabled())('the five journeys of issue 11 take fewer steps', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    console.log(
      Object.entries(counts)
        .map(([name, count]) => `${name}: ${before[name as keyof typeof before]} → ${count.total}`)
        .join('\n'),
    );
    await browser?.close();
  });

  it('publish news', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    await journey.visit('/');
    await signInFromHeader(journey, demoEmails.coordinator);
    expect(new URL(page.url()).pathname).toBe('/work');
    await journey.click(
      workSection(page, 'hub-austria').getByRole('link', { name: 'Write news' }),
      'Write news (Austrian hub)',
    );
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
    record('publish news', journey);
    await context.close();
  });

  it('run an event with registration', async () => {
    const title = `Journey event ${stamp}`;
    const context = await newContext(browser);
    const coordinator = new Journey(await context.newPage());
    const { page } = coordinator;
    await coordinator.visit('/');
    await signInFromHeader(coordinator, demoEmails.coordinator);
    await coordinator.click(
      workSection(page, 'hub-austria').getByRole('link', { name: 'Create an event' }),
      'Create an event (Austrian hub)',
    );
    await coordinator.fill(page.getByLabel('Title'), title, 'title');
    await coordinator.fill(page.getByLabel('Summary'), 'Come and see.', 'summary');
    await coordinator.choose(page.locator('#field-time_zone'), 'Europe/Vienna', 'time zone');
    // Soon, so that it is among the first upcoming events whatever other stories added.
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await coordinator.dateTime('starts_at', `${day}T09:00`, 'starts');
    await coordinator.dateTime('ends_at', `${day}T12:00`, 'ends');
    await coordinator.fill(page.locator('#field-venue_name'), 'City hall', 'venue');
    await coordinator.check(
      page.getByLabel('On the portal, with a number of places and a waiting list'),
      'registration on the portal',
    );
    await coordinator.fill(page.locator('#field-capacity'), '1', 'places');
    await coordinator.submit(page.getByRole('button', { name: 'Publish now' }), 'Publish now');
    const eventPath = new URL(page.url()).pathname;

    // A member finds it, signs in from the event page and registers.
    const memberContext = await newContext(browser);
    const member = new Journey(await memberContext.newPage());
    const mp = member.page;
    await member.visit('/');
    await member.click(
      mp.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }),
      'Events',
    );
    await member.click(mp.getByRole('link', { name: title }), 'the event');
    await member.click(
      mp.getByRole('link', { name: 'Sign in to register' }),
      'Sign in to register',
    );
    await signInHere(member, demoEmails.member);
    expect(new URL(mp.url()).pathname).toBe(eventPath);
    await member.submit(mp.getByRole('button', { name: 'Register' }), 'Register');
    await expect(mp.getByRole('status').first().textContent()).resolves.toContain(
      'You are registered',
    );
    // The registration waits on the coordinator's page, with the places taken.
    await page.goto('/work');
    await expect(
      workSection(page, 'events').locator('li', { hasText: title }).textContent(),
    ).resolves.toContain('1 of 1 places taken');
    record('run an event with registration', coordinator, member);
    await memberContext.close();
    await context.close();
  });

  it('join a hub', async () => {
    const context = await newContext(browser);
    const editor = new Journey(await context.newPage());
    const { page } = editor;
    await editor.visit('/');
    await signInFromHeader(editor, demoEmails.cityEditor);
    await editor.click(
      workSection(page, 'city-demo-fjordby').getByRole('link', { name: /Ask a hub to take/ }),
      'Ask a hub to take Fjordby in',
    );
    await editor.click(
      // The card names the hub without "(demo)": its Demo badge says so.
      page
        .getByRole('main')
        .getByRole('link', { name: /^Andean Region Hub/ })
        .first(),
      'the hub',
    );
    await editor.click(page.getByRole('link', { name: 'Request to join' }), 'Request to join');
    // Fjordby is the only city this editor can ask for: chosen already.
    await expect(page.getByLabel('City: Fjordby (demo)').isChecked()).resolves.toBe(true);
    await editor.submit(page.getByRole('button', { name: 'Send request' }), 'Send request');
    await context.close();

    // The Andean coordinator follows the link in the mail and approves.
    const coordinatorContext = await newContext(browser);
    const coordinator = new Journey(await coordinatorContext.newPage());
    const cp = coordinator.page;
    await coordinator.followMail(demoEmails.otherCoordinator, 'hubs.membership_requested');
    await signInHere(coordinator, demoEmails.otherCoordinator);
    expect(new URL(cp.url()).pathname).toBe('/hubs/demo-andean-hub/applications');
    await coordinator.submit(
      cp
        .locator('li[data-status="pending"]', { hasText: 'Fjordby (demo)' })
        .getByRole('button', { name: 'Approve' }),
      'Approve',
    );
    record('join a hub', editor, coordinator);
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
    record('search', journey);
    await context.close();
  });

  it('sign up and change password', async () => {
    const context = await newContext(browser);
    const journey = new Journey(await context.newPage());
    const { page } = journey;
    const email = `journey-${stamp}@example.org`;
    const password = 'a long and unusual passphrase';
    await journey.visit('/');
    await journey.click(
      page.getByRole('banner').getByRole('link', { name: 'Register your organization' }),
      'Register your organization',
    );
    await journey.fill(page.getByLabel('Your name'), 'Jo Journey', 'name');
    await journey.fill(page.getByLabel('Email address'), email, 'email');
    await journey.fill(page.getByLabel('Password'), password, 'password');
    await journey.submit(page.getByRole('button', { name: 'Create account' }), 'Create account');
    await journey.followMail(email, 'auth.confirm_signup');
    await journey.submit(
      page.getByRole('button', { name: 'Confirm email address' }),
      'Confirm email address',
    );
    await signInHere(journey, email, password);
    // Signed in, a new member lands on Your work, which says how to get a role
    // and links their account.
    expect(new URL(page.url()).pathname).toBe('/work');
    await journey.click(
      workSection(page, 'getting-started').getByRole('link', { name: 'Your account' }),
      'Your account',
    );
    await journey.fill(page.getByLabel('Current password').first(), password, 'current password');
    await journey.fill(
      page.getByLabel('New password'),
      'another long and unusual passphrase',
      'new password',
    );
    await journey.submit(page.getByRole('button', { name: 'Change password' }), 'Change password');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Your password was changed',
    );
    // …and the owner is told by mail.
    expect(await linkInMail(page, email, 'auth.password_changed')).toBe('/forgot-password');
    record('sign up and change password', journey);
    await context.close();
  });
});
