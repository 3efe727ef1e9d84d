import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';

const resultCount = async (text: string | null) => Number(text?.match(/\d+/)?.[0]);

describe.skipIf(!e2eEnabled())('a visitor browses the partner directory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the list and a detail page with no JavaScript and one h1', async () => {
    for (const path of ['/directory', '/directory/demo-sensorwerk']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).not.toMatch(/<script\b/i);
      expect(html.match(/<h1\b/g)?.length, `${path} has one h1`).toBe(1);
    }
  });

  it('hides a pending organization from visitors', async () => {
    const response = await fetch(`${baseUrl()}/directory/demo-pending-mobility`);
    expect(response.status).toBe(404);
    const list = await (await fetch(`${baseUrl()}/directory`)).text();
    expect(list).not.toContain('Pending Mobility');
  });

  it('filters by kind with the plain GET form and removes the filter with its chip', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/directory');
    // The seed's six verified organizations, and any a story registered meanwhile.
    const total = await resultCount(await page.locator('#results-count').textContent());
    expect(total).toBeGreaterThanOrEqual(6);
    const desktopForm = page.locator('form[aria-label="Filter"]');
    await desktopForm.getByLabel(/Academia/).check();
    await desktopForm.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/kind=academia/);
    expect(await resultCount(await page.locator('#results-count').textContent())).toBe(1);
    const cards = await page.locator('main article').allTextContents();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Partner · Academia');
    // The Demo badge says it; the name does not repeat it (issue 11, item 10).
    expect(cards[0]).toContain('Urban Data Lab');
    expect(cards[0]).not.toContain('(demo)');
    expect(cards[0]).toContain('Demo');
    await page.getByRole('link', { name: 'Remove filter: Academia' }).click();
    await page.waitForURL((url) => !url.search.includes('kind='));
    expect(await resultCount(await page.locator('#results-count').textContent())).toBe(total);
    await context.close();
  });

  it('passes axe on the list and the detail page, and links the card to its page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/directory');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Sensorwerk GmbH', exact: true }).click();
    await page.waitForURL(/\/directory\/demo-sensorwerk$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Sensorwerk GmbH',
    );
    const kind = page
      .locator('dt', { hasText: 'Sector' })
      .locator('xpath=following-sibling::dd[1]');
    await expect(kind.textContent()).resolves.toBe('Private sector');
    await expect(page.getByRole('heading', { name: 'Connected' }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
