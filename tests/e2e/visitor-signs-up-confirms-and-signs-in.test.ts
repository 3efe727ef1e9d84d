import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.skipIf(!e2eEnabled())(
  'a visitor signs up, confirms the address by mail, signs in and out',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('goes from sign-up to the mailbox, confirms, signs in and signs out (without JavaScript)', async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      const email = `e2e-${Date.now().toString(36)}@example.org`;
      const password = 'a long and unusual passphrase';

      await page.goto('/');
      await page
        .getByRole('banner')
        .getByRole('link', { name: 'Register your organization' })
        .click();
      // Registering an organization starts with an account.
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Register your organization',
      );
      await expect(page.getByRole('heading', { name: 'Create an account' }).count()).resolves.toBe(
        1,
      );
      await page.getByLabel('Your name').fill('Erin End-to-End');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Check your email',
      );

      await page.goto('/dev/mailbox');
      const mail = page.locator(
        `article[data-mail-to="${email}"][data-mail-kind="auth.confirm_signup"]`,
      );
      await expect(mail.count()).resolves.toBe(1);
      const link = await mail.getByRole('link').first().getAttribute('href');
      expect(link).toContain('/confirm?type=signup&token=');
      await page.goto(new URL(link!).pathname + new URL(link!).search);
      await page.getByRole('button', { name: 'Confirm email address' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'Your email address is confirmed',
      );

      await signIn(page, email, password, '/account');
      expect(new URL(page.url()).pathname).toBe('/account');
      await expect(page.getByText(`Signed in as ${email}`).count()).resolves.toBe(1);
      const cookie = (await context.cookies()).find((c) => c.name === 'portal_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

      await page.goto('/logout');
      await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain('You are signed out');
      await page.goto('/account');
      expect(new URL(page.url()).pathname).toBe('/login');
      // The old token is dead even if someone kept a copy of it.
      const replay = await fetch(`${baseUrl()}/account`, {
        headers: { cookie: `portal_session=${cookie!.value}` },
        redirect: 'manual',
      });
      expect(replay.status).toBe(303);
      await context.close();
    });

    it('shows a clear error for a wrong password and keeps the email typed', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('Email address').fill(demoEmails.member);
      await page.getByLabel('Password').fill('not the right password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('#error-summary').textContent()).resolves.toContain(
        'The email address or password is not right',
      );
      await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(demoEmails.member);
      await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
      await context.close();
    });

    it('answers a burst of wrong passwords for one account with 429 and Retry-After', async () => {
      const target = 'burst-target@example.org';
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i += 1) {
        const response = await fetch(`${baseUrl()}/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl() },
          body: form({ email: target, password: `wrong password ${i}` }),
          redirect: 'manual',
        });
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(await response.text()).toContain('Too many attempts');
        }
      }
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });

    it('refuses a cross-site form POST with 403', async () => {
      const response = await fetch(`${baseUrl()}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://evil.example',
        },
        body: form({ email: demoEmails.admin, password: demoPassword }),
        redirect: 'manual',
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    });

    it('has no axe violations on /login, /signup and /account', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      for (const path of ['/login', '/signup']) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
      await page.goto('/signup');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.locator('#error-summary').count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await signIn(page, demoEmails.admin, demoPassword, '/account');
      await expectNoAxeViolations(page);
      await page.goto('/admin/members');
      await expectNoAxeViolations(page);
      await context.close();
    });
  },
);
