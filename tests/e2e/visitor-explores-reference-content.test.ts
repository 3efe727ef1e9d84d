import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';

// Read-only pages ship no script (asserted on the raw HTML below), so running the
// browser with JavaScript on changes nothing for them; axe needs it to run.
describe.skipIf(!e2eEnabled())(
  'a visitor explores the reference content without JavaScript',
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('serves read-only pages with no JavaScript at all', async () => {
      for (const path of [
        '/',
        '/deliverables',
        '/deliverables/itu-t-y-4903',
        '/cities',
        '/cities/tromso',
      ]) {
        const response = await fetch(`${baseUrl()}${path}`);
        expect(response.status, path).toBe(200);
        const html = await response.text();
        expect(html, path).not.toMatch(/<script\b/i);
        expect(html.match(/<h1\b/g)?.length, `${path} has one h1`).toBe(1);
      }
    });

    it('shows live numbers and the entry points on the home page', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(
        /Smart sustainable cities/,
      );
      const deliverablesFigure = page
        .locator('dt', { hasText: 'Deliverables' })
        .locator('xpath=following-sibling::dd');
      expect(Number(await deliverablesFigure.textContent())).toBeGreaterThanOrEqual(30);
      await expect(page.getByText('Hubs', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('filters deliverables with the plain GET form and removes a filter with its chip', async () => {
      const context = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/deliverables');
      const total = Number((await page.locator('#results-count').textContent())?.match(/\d+/)?.[0]);
      expect(total).toBeGreaterThanOrEqual(30);
      const desktopForm = page.locator('form[aria-label="Filter"]');
      await desktopForm.getByLabel(/ITU-T Recommendations/).check();
      await desktopForm.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/kind=recommendation/);
      const filtered = Number(
        (await page.locator('#results-count').textContent())?.match(/\d+/)?.[0],
      );
      expect(filtered).toBeGreaterThan(0);
      expect(filtered).toBeLessThan(total);
      const cards = await page.locator('main article').allTextContents();
      expect(cards.every((text) => text.includes('ITU-T Recommendation'))).toBe(true);
      await page.getByRole('link', { name: 'Remove filter: ITU-T Recommendations' }).click();
      await page.waitForURL((url) => !url.search.includes('kind='));
      await context.close();
    });

    it('explains an empty result and offers to clear the filters', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/deliverables?q=no-such-deliverable-anywhere');
      await expect(page.getByText('Nothing matches these filters.').isVisible()).resolves.toBe(
        true,
      );
      await expect(
        page.getByRole('link', { name: 'Clear all filters' }).first().isVisible(),
      ).resolves.toBe(true);
      await context.close();
    });

    it('tells the visitor which filter in a shared link was not understood', async () => {
      const response = await fetch(`${baseUrl()}/deliverables?year=nineteen&kind=publication`);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('Some filters were not understood and were ignored: year.');
    });

    it('marks an unconfirmed deliverable as such and cites its sources', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/deliverables/itu-t-y-4905');
      await expect(page.locator('[data-status="unconfirmed"]').first().isVisible()).resolves.toBe(
        true,
      );
      await expect(
        page.getByText('Not all facts on this page are confirmed').isVisible(),
      ).resolves.toBe(true);
      await expect(page.getByRole('heading', { name: 'Sources' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await page.goto('/deliverables/itu-t-y-4903');
      // The deliverable itself carries no badge; related cards below may (each for its own entry).
      await expect(
        page.locator('main article').first().locator('header [data-status="unconfirmed"]').count(),
      ).resolves.toBe(0);
      await context.close();
    });

    it('shows a city with its source and the demo badge on invented cities', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/cities/tromso');
      await expect(page.getByText(/Verification Report: Tromsø/).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await page.goto('/cities?region=europe');
      const demoCard = page.locator('article', { hasText: 'Fjordby' });
      await expect(demoCard.locator('[data-status="demo"]').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('answers an unknown page with a helpful 404', async () => {
      for (const path of [
        '/no-such-page',
        '/deliverables/no-such-deliverable',
        '/cities/Not_A_Slug',
      ]) {
        const response = await fetch(`${baseUrl()}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text()).toContain('Page not found');
      }
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/no-such-page');
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('lets a keyboard user skip straight to the content', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto('/deliverables');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      await context.close();
    });

    it('fits a 320 px wide screen without sideways scrolling', async () => {
      const context = await browser.newContext({
        baseURL: baseUrl(),
        viewport: { width: 320, height: 640 },
      });
      const page = await context.newPage();
      for (const path of ['/', '/deliverables', '/deliverables/itu-t-y-4903', '/cities']) {
        await page.goto(path);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  },
);
