import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, expectNoAxeViolations, launchBrowser, newContext } from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

/**
 * The mail issue 11 says people expect, read where a developer reads it: the
 * development mailbox of the test server (NODE_ENV=test on loopback).
 */
async function mailIn(page: Page, to: string, kind: string, subject: string) {
  await page.goto('/dev/mailbox');
  const mail = page.locator(`article[data-mail-to="${to}"][data-mail-kind="${kind}"]`, {
    has: page.getByRole('heading', { name: subject, exact: true }),
  });
  await expect(mail.count(), `${kind} to ${to}: ${subject}`).resolves.toBe(1);
  return mail;
}

async function signOutOf(page: Page): Promise<void> {
  await page.getByLabel(/^Account menu for/).click();
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}

describe.skipIf(!e2eEnabled())('people get the mail they expect', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("tells the hub's coordinators of a membership request, and the applicant of the decision", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoEmails.otherCityEditor, demoPassword, '/hubs/austria/apply');
    await page.getByLabel(/Message to the coordinators/).fill(`Lakeside asks (${stamp}).`);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('status').waitFor();
    await signOutOf(page);

    // Clara coordinates the Austrian hub; the mail takes her to the requests.
    const request = await mailIn(
      page,
      demoEmails.coordinator,
      'hubs.membership_requested',
      'New request to join U4SSC Austrian Country Hub: Lakeside (demo)',
    );
    await expect(request.textContent()).resolves.toContain(`Lakeside asks (${stamp}).`);
    await expectNoAxeViolations(page);
    const link = await request.getByRole('link', { name: /\/applications$/ }).getAttribute('href');
    await signIn(page, demoEmails.coordinator, demoPassword, new URL(link!).pathname);
    expect(new URL(page.url()).pathname).toBe('/hubs/austria/applications');
    const pending = page.locator('li[data-status="pending"]', { hasText: 'Lakeside (demo)' });
    await pending.getByLabel(/Reason/).fill(`Lakeside is in Finland (${stamp}).`);
    await pending.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('status').waitFor();
    await signOutOf(page);

    const decision = await mailIn(
      page,
      demoEmails.otherCityEditor,
      'hubs.membership_declined',
      'Your request to join U4SSC Austrian Country Hub was declined',
    );
    await expect(decision.textContent()).resolves.toContain(`Lakeside is in Finland (${stamp}).`);
    await context.close();
  });

  it('confirms a registration and a place on the waiting list, and tells whoever moves up', async () => {
    const title = `Mail clinic ${stamp}`;
    const coordinator = await newContext(browser);
    const page = await coordinator.newPage();
    await signIn(page, demoEmails.coordinator, demoPassword, '/events/new?hub=austria');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Summary').fill('One place only.');
    await page.locator('#field-time_zone').selectOption('Europe/Vienna');
    for (const [name, time] of [
      ['starts_at', '9:00'],
      ['ends_at', '11:00'],
    ] as const) {
      await page.locator(`#field-${name}-day`).fill('1');
      await page.locator(`#field-${name}-month`).fill('10');
      await page.locator(`#field-${name}-year`).fill('2031');
      await page.locator(`#field-${name}-time`).fill(time);
    }
    await page.locator('#field-venue_name').fill('Rathaus, Vienna');
    await page.getByLabel('On the portal, with a number of places and a waiting list').check();
    await page.locator('#field-capacity').fill('1');
    await Promise.all([
      page.waitForURL(/\/events\/[a-z0-9-]+\?saved=publish$/),
      page.getByRole('button', { name: 'Publish now' }).click(),
    ]);
    const eventPath = new URL(page.url()).pathname;
    await coordinator.close();

    const register = async (email: string, button: string) => {
      const context = await newContext(browser);
      const member = await context.newPage();
      await signIn(member, email, demoPassword, eventPath);
      await member.getByRole('button', { name: button }).click();
      await member.getByRole('status').first().waitFor();
      return { context, page: member };
    };
    const first = await register(demoEmails.member, 'Register');
    const second = await register(demoEmails.orgMember, 'Join the waiting list');
    await second.context.close();

    const confirmed = await mailIn(
      first.page,
      demoEmails.member,
      'events.registration_confirmed',
      `You have a place at ${title}`,
    );
    await expect(confirmed.textContent()).resolves.toContain(
      'When: Wednesday, October 1, 2031 at 9:00 AM (Europe/Vienna)',
    );
    await mailIn(
      first.page,
      demoEmails.orgMember,
      'events.registration_waitlisted',
      `You are on the waiting list for ${title}`,
    );

    // The member cancels: the partner moves up and is told.
    await first.page.goto(eventPath);
    await first.page.getByRole('button', { name: 'Cancel my registration' }).click();
    await first.page.getByRole('status').first().waitFor();
    const promoted = await mailIn(
      first.page,
      demoEmails.orgMember,
      'events.waitlist_promoted',
      `A place became free: you are registered for ${title}`,
    );
    await expect(promoted.getByRole('link').first().getAttribute('href')).resolves.toMatch(
      new RegExp(`${eventPath}$`),
    );
    await first.context.close();
  });

  it("tells an account's owner that its password changed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const email = `mail-${stamp}@example.org`;
    const password = 'a long and unusual passphrase';
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Mia Mail');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const confirm = await mailIn(
      page,
      email,
      'auth.confirm_signup',
      'Confirm your email address for the U4SSC Hub Portal',
    );
    const link = new URL((await confirm.getByRole('link').first().getAttribute('href'))!);
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await signIn(page, email, password, '/account');
    await page.getByLabel('Current password').first().fill(password);
    await page.getByLabel('New password').fill('another long and unusual passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').first().waitFor();
    const changed = await mailIn(
      page,
      email,
      'auth.password_changed',
      'Your U4SSC Hub Portal password was changed',
    );
    await expect(changed.getByRole('link').first().getAttribute('href')).resolves.toMatch(
      /\/forgot-password$/,
    );
    await context.close();
  });
});
