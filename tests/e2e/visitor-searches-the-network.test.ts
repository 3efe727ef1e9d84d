import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';

describe.skipIf(!e2eEnabled())('a visitor searches the network', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('searches from the header without JavaScript, narrows with a facet and removes it', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/deliverables');
    await page.getByRole('searchbox', { name: 'Site search' }).fill('Tromso');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=Tromso/);
    expect((await page.locator('#results-count').textContent())?.trim()).toMatch(
      /^\d+ results? for “Tromso”$/,
    );
    const first = page.locator('main article').first();
    await expect(first.getByRole('link').first().textContent()).resolves.toContain('Tromsø');
    await expect(first.locator('mark').first().textContent()).resolves.toBe('Tromsø');

    await page.goto('/search?q=Norway');
    const total = Number((await page.locator('#results-count').textContent())?.match(/\d+/)?.[0]);
    await page.locator('.hidden.md\\:block a[data-facet="type"][data-value="city"]').click();
    await page.waitForURL(/type=city/);
    const filtered = Number(
      (await page.locator('#results-count').textContent())?.match(/\d+/)?.[0],
    );
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    const types = await page
      .locator('main article')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-result-type')));
    expect(new Set(types)).toEqual(new Set(['city']));
    await page.getByRole('link', { name: 'Remove filter: Type: Cities' }).click();
    await page.waitForURL((url) => !url.search.includes('type='));
    await context.close();
  });

  it('shows how results connect: the hub of a city and the cities of a hub', async () => {
    const response = await fetch(`${baseUrl()}/search?q=Nordic`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('in Nordic Hub (demo)');
    expect(html).toMatch(/2 cities/);
  });

  it('offers instant results as a keyboard-usable combobox on the search page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/search');
    const box = page.getByRole('combobox', { name: 'Search the portal' });
    await box.waitFor();
    // The island hydrates when the browser is idle.
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    await box.click();
    await box.pressSequentially('Alesu', { delay: 40 });
    const option = page.getByRole('option', { name: /Ålesund/ }).first();
    await option.waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(
      await option.getAttribute('id'),
    );
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await page.waitForURL(/\/cities\/alesund$/);
    await context.close();
  });

  it('has no accessibility violations on the search page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/search?q=smart&type=deliverable');
    await expectNoAxeViolations(page);
    await page.goto('/search');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('keeps the header search a plain form: read-only pages ship no JavaScript', async () => {
    const home = await (await fetch(`${baseUrl()}/`)).text();
    expect(home).toMatch(/<form[^>]*role="search"[^>]*action="\/search"/);
    expect(home).not.toMatch(/<script\b/i);
    const search = await (await fetch(`${baseUrl()}/search?q=water`)).text();
    expect(search).toMatch(/<astro-island/);
  });

  it('answers the API with JSON and explains bad parameters', async () => {
    const ok = await fetch(`${baseUrl()}/api/search?q=Y.4903&pageSize=3`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { hits: { url: string }[]; total: number };
    expect(body.hits[0]?.url).toBe('/deliverables/itu-t-y-4903');
    const bad = await fetch(`${baseUrl()}/api/search?q=x&pageSize=500&type=planet`);
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as { error: string; issues: { param: string }[] };
    expect(error.error).toBe('invalid_parameters');
    expect(error.issues.map((issue) => issue.param).sort()).toEqual(['pageSize', 'type']);
  });

  it('never shows a pending organization, through the page or the API', async () => {
    const api = (await (await fetch(`${baseUrl()}/api/search?q=Pending+Mobility`)).json()) as {
      hits: { title: string }[];
    };
    expect(api.hits.some((hit) => hit.title.includes('Pending Mobility'))).toBe(false);
    const html = await (await fetch(`${baseUrl()}/search?q=Pending+Mobility`)).text();
    expect(html).not.toContain('Pending Mobility Ltd');
    const partners = await (await fetch(`${baseUrl()}/search?type=organization`)).text();
    expect(partners).toContain('Sensorwerk GmbH');
    expect(partners).not.toContain('Pending Mobility Ltd');
  });
});
