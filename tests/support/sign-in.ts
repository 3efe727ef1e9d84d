import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The seeded demo users' password (local only, see supabase/seed/demo.json). */
export const demoPassword = 'demo-password-2026';

/** Demo accounts by persona, for e2e tests: `signIn(page, demoEmails.coordinator, demoPassword)`. */
export const demoEmails = {
  admin: 'admin@demo.u4ssc.local',
  coordinator: 'coordinator@demo.u4ssc.local',
  otherCoordinator: 'andes@demo.u4ssc.local',
  cityEditor: 'city@demo.u4ssc.local',
  otherCityEditor: 'city2@demo.u4ssc.local',
  orgMember: 'partner@demo.u4ssc.local',
  orgColleague: 'colleague@demo.u4ssc.local',
  member: 'member@demo.u4ssc.local',
} as const;

/**
 * Signs in through the real /login form (works with or without JavaScript)
 * and waits until the browser has left the login page with a session. Fails
 * with the page's error summary when the sign-in is refused.
 */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  next = '/account',
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await Promise.all([
    page
      .waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 })
      .catch(() => undefined),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  if (new URL(page.url()).pathname.startsWith('/login')) {
    const problem = await page.locator('[role="alert"]').allTextContents();
    expect.fail(`Sign-in as ${email} was refused: ${problem.join(' ').trim() || 'no message'}`);
  }
}

/** Signs out with the account menu's POST form. */
export async function signOut(page: Page): Promise<void> {
  await page.goto('/logout');
  await Promise.all([
    page.waitForURL(/\/login/),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
}
