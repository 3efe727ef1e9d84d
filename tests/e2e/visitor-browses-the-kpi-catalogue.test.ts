import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';

const countOf = (text: string | null) => Number(text?.match(/\d+/)?.[0]);

describe.skipIf(!e2eEnabled())('a visitor browses the KPI catalogue', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('serves the catalogue and a KPI page with no JavaScript and one h1', async () => {
    for (const path of ['/kpis', '/kpis?dimension=EN&type=core', '/kpis/ec-ict-ict-2c']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).not.toMatch(/<script\b/i);
      expect(html.match(/<h1\b/g)?.length, `${path} has one h1`).toBe(1);
    }
  });

  it('filters with the plain GET form and shareable URLs, without JavaScript', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/kpis');
    expect(countOf(await page.locator('#results-count').textContent())).toBe(91);
    // The abbreviation is explained where it is first used.
    await expect(page.getByText(/key performance indicators \(KPIs\)/).count()).resolves.toBe(1);
    const form = page.locator('form[aria-label="Filter"]');
    // Counts stand beside each option: Environment is both a dimension (17) and a sub-dimension (13).
    await form.getByRole('radio', { name: 'Environment (17)', exact: true }).check();
    await form.getByRole('radio', { name: /^Core \(\d+\)$/ }).check();
    await form.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/dimension=EN/);
    const url = new URL(page.url());
    expect(url.searchParams.get('type')).toBe('core');
    const filtered = countOf(await page.locator('#results-count').textContent());
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(17);
    const cards = await page.locator('main article').allTextContents();
    expect(cards).toHaveLength(filtered);
    expect(
      cards.every((text) => text.includes('Environment ›') && text.includes('KPI · Core')),
    ).toBe(true);
    // The same URL in a fresh browser gives the same list (shareable).
    const other = await newContext(browser, { javaScriptEnabled: false });
    const copy = await other.newPage();
    await copy.goto(url.pathname + url.search);
    expect(countOf(await copy.locator('#results-count').textContent())).toBe(filtered);
    await other.close();
    // Chips remove one filter at a time.
    await page.getByRole('link', { name: 'Remove filter: Core' }).click();
    await page.waitForURL((next) => !next.search.includes('type='));
    expect(countOf(await page.locator('#results-count').textContent())).toBe(17);
    await context.close();
  });

  it('filters by SDG and labels each link confirmed or indicative in words', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/kpis?sdg=6');
    await expect(
      page
        .getByRole('link', { name: 'Remove filter: SDG 6 · Clean water and sanitation' })
        .isVisible(),
    ).resolves.toBe(true);
    const potable = page.locator('article', { hasText: 'Potable Water Supply' });
    expect((await potable.locator('[data-status="verified"]').textContent())?.trim()).toBe(
      'Confirmed',
    );
    const basic = page.locator('article', { hasText: 'Basic Water Supply' });
    expect((await basic.locator('[data-status="info"]').textContent())?.trim()).toBe('Indicative');
    await expect(basic.locator('[data-status="verified"]').count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('shows the catalogue chart with its title, description and data table', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/kpis');
    const chart = page.getByRole('img', { name: 'KPIs by dimension', exact: true });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('desc').textContent()).resolves.toContain('Economy 45');
    await page.getByText('Show the data as a table').first().click();
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: /^KPIs by dimension$/ }),
    });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'Economy 45',
      'Environment 17',
      'Society and culture 29',
    ]);
    await expect(
      page.getByRole('img', { name: 'Core and advanced KPIs by dimension' }).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('shows one KPI: its place, how it is measured, and confirmed apart from indicative links', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/kpis/ec-ict-ict-2c');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Fixed Broadband Subscriptions',
    );
    await expect(page.getByText('Target 17.6 ·', { exact: false }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Indicator 17.6.2').isVisible()).resolves.toBe(true);
    // One demo case study (Alpenau's e-services) says it affects this KPI.
    await expect(
      page.getByRole('heading', { name: 'Case studies that affect this KPI' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: /All town services online/ }).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page);

    await page.goto('/kpis/ec-ict-ict-1c');
    const sdgSection = page.locator('section[aria-labelledby="sdgs"]');
    await expect(sdgSection.locator('[data-status="verified"]').count()).resolves.toBe(0);
    await expect(sdgSection.locator('[data-status="info"]').allInnerTexts()).resolves.toEqual([
      'INDICATIVE',
      'INDICATIVE',
    ]);
    await expect(page.getByText('Indicative: assigned by topic').isVisible()).resolves.toBe(true);

    await page.goto('/kpis/en-en-aq-1c');
    await expect(page.locator('[data-status="unconfirmed"]').first().isVisible()).resolves.toBe(
      true,
    );
    await expect(page.locator('li', { hasText: /^\s*PM2\.5\s*$/ }).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('sends a pasted code to its page and answers unknown KPIs with a 404', async () => {
    const redirect = await fetch(`${baseUrl()}/kpis/EC:ICT:ICT:1C`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/kpis/ec-ict-ict-1c');
    for (const path of ['/kpis/ec-ict-ict-9c', '/kpis/EC:XX', '/kpis/%00']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(404);
    }
    const bad = await fetch(`${baseUrl()}/kpis?sdg=42&dimension=EC`);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('Some filters were not understood and were ignored: sdg.');
  });

  it('lists KPIs in the top navigation between Deliverables and News', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/kpis');
    const links = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link');
    const labels = (await links.allTextContents()).map((text) => text.trim());
    const at = (label: string) => labels.lastIndexOf(label);
    expect(at('KPIs')).toBe(at('Deliverables') + 1);
    expect(at('News')).toBe(at('KPIs') + 1);
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .locator('a[href="/kpis"][aria-current="page"]')
        .count(),
    ).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
