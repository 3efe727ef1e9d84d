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

const html = async (pathname: string) => (await fetch(`${baseUrl()}${pathname}`)).text();
/** The names in a hub page's "Member cities" list (demo names without "(demo)": the Demo badge says it). */
const memberCities = async (page: Page, hub: string) => {
  await page.goto(`/hubs/${hub}`);
  return page.locator('section[aria-labelledby="member-cities"] li a').allTextContents();
};

/**
 * Issue 11, item 9: a city approved into a second hub stays in its first.
 * Lakeside (Nordic hub) asks to join the Andean hub; the Andean coordinator
 * approves; Lakeside is then a member of both, on the hub pages, its city
 * page and in search; the Andean coordinator takes it out of their hub again
 * (after a confirmation), and the Nordic membership is untouched throughout.
 */
describe.skipIf(!e2eEnabled())('a city joins a second hub and stays in its first', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is asked for by its editor, approved by the Andean coordinator, and listed in both hubs', async () => {
    const editor = await newContext(browser);
    const editorPage = await editor.newPage();
    await signIn(
      editorPage,
      demoEmails.otherCityEditor,
      demoPassword,
      '/hubs/demo-andean-hub/apply',
    );
    await editorPage.getByLabel('City: Lakeside (demo)').check();
    await editorPage
      .getByLabel(/Message to the coordinators/)
      .fill('Lakeside works with Andean cities on water.');
    await editorPage.getByRole('button', { name: 'Send request' }).click();
    await editorPage.getByRole('status').waitFor();
    await editor.close();

    const coordinator = await newContext(browser);
    const page = await coordinator.newPage();
    await signIn(
      page,
      demoEmails.otherCoordinator,
      demoPassword,
      '/hubs/demo-andean-hub/applications',
    );
    await expectNoAxeViolations(page);
    const request = page.locator('li[data-status="pending"]', { hasText: 'Lakeside (demo)' });
    await request.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('decision was saved');

    expect(await memberCities(page, 'demo-andean-hub')).toContain('Lakeside');
    expect(await memberCities(page, 'demo-nordic-hub')).toContain('Lakeside');
    await page.goto('/cities/demo-lakeside');
    const hubs = page.locator('dt', { hasText: 'Hubs' }).locator('xpath=following-sibling::dd[1]');
    expect((await hubs.locator('a').allTextContents()).sort()).toEqual([
      'Andean Region Hub (demo)',
      'Nordic Hub (demo)',
    ]);
    expect(
      await page
        .locator('dt', { hasText: 'Country' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).toBe('Finland');
    await expectNoAxeViolations(page);

    const search = await html('/search?q=Lakeside&type=city');
    expect(search).toContain('in Andean Region Hub (demo)');
    expect(search).toContain('in Nordic Hub (demo)');
    expect(await html('/search?type=city&hub=demo-andean-hub')).toContain(
      'href="/cities/demo-lakeside"',
    );
    await coordinator.close();
  });

  it('is removed from the Andean hub by its coordinator after a confirmation, and stays Nordic', async () => {
    const coordinator = await newContext(browser);
    const page = await coordinator.newPage();
    await signIn(page, demoEmails.otherCoordinator, demoPassword, '/hubs/demo-andean-hub');
    await page.getByRole('link', { name: 'Member cities and partners' }).click();
    await page.waitForURL(/\/hubs\/demo-andean-hub\/members$/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Remove Lakeside (demo) from this hub' }).click();
    await page.waitForURL(/remove=city:/);
    const confirm = page.getByRole('region', {
      name: 'Remove Lakeside (demo) from Andean Region Hub (demo)?',
    });
    expect(await confirm.textContent()).toContain('stays in any other hub');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Remove Lakeside (demo) from this hub' }).click();
    await page.getByRole('status').waitFor();
    expect((await page.getByRole('status').textContent())?.trim()).toBe(
      'Lakeside (demo) is no longer a member of Andean Region Hub (demo).',
    );
    expect(await memberCities(page, 'demo-andean-hub')).not.toContain('Lakeside');
    expect(await memberCities(page, 'demo-nordic-hub')).toContain('Lakeside');

    // The members page of a hub they do not coordinate is not theirs.
    const other = await page.goto('/hubs/demo-nordic-hub/members');
    expect(other?.status()).toBe(403);
    await coordinator.close();
  });
});
