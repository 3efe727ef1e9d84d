import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeTestFiles } from '../fixtures/test-images';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

/**
 * The user story of issue 12: a city editor writes a case study with the
 * editor and submits it; a coordinator of the city's hub asks for a change;
 * the editor makes it and submits again; the coordinator publishes it with
 * the hub's badge; it shows under the right facets, on the hub and city
 * pages, in search and in the open data; another city's editor finds it
 * through /peers. axe checks every page on the way.
 */
describe.skipIf(!e2eEnabled())(
  'a city editor writes a case study and a coordinator publishes it',
  () => {
    let browser: Browser;
    // A word no demo record uses, so the story finds its own case study.
    const word = `Quaywharf${Date.now().toString(36)}`;
    const title = `Cargo bikes for the ${word} market`;
    let path = '';
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    const signedIn = async (email: string, next: string): Promise<Page> => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, email, demoPassword, next);
      return page;
    };
    const text = async (pathname: string) => (await fetch(`${baseUrl()}${pathname}`)).text();

    it('the city editor writes it in the editor and submits it for review', async () => {
      const page = await signedIn(demoEmails.cityEditor, '/case-studies/new');
      expect(new URL(page.url()).pathname).toBe('/case-studies/new');
      await expectNoAxeViolations(page);
      await page.locator('#field-title').fill(title);
      await page
        .locator('#field-summary')
        .fill('Shared cargo bikes replace delivery vans in the old market.');
      await page
        .locator('#field-challenge')
        .fill(`Delivery vans block the ${word} market streets every morning.`);
      await page
        .locator('#field-solution')
        .fill('Twenty shared electric cargo bikes and a loading hub.');
      const editor = page.getByRole('textbox', { name: 'Full story', exact: true });
      await editor.click();
      await page.keyboard.type('Traders book the bikes by the hour.');
      // An image in the story, uploaded for the city (city editors upload for their city).
      const imageFile = nodePath.join(
        fs.mkdtempSync(nodePath.join(os.tmpdir(), 'portal-e2e-case-')),
        'cargo-bikes.png',
      );
      fs.writeFileSync(imageFile, (await makeTestFiles()).png);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Image', exact: true }).click();
      await page.getByLabel(/Image file/).setInputFiles(imageFile);
      await page
        .getByLabel('Alternative text', { exact: true })
        .fill('Cargo bikes at the loading hub');
      await page.getByRole('button', { name: 'Upload and insert' }).click();
      await expect.poll(() => editor.locator('img').count(), { timeout: 10_000 }).toBe(1);
      await page.locator('input[name="themes"][value="mobility"]').check();
      await page.locator('input[name="themes"][value="economy"]').check();
      await page.locator('input[name="sdg_goals"][value="11"]').check();
      await page.locator('#field-sdg_targets').fill('11.2');
      await page.locator('#field-kpi_codes').fill('EC:I:T:7A');
      await page.locator('#field-technologies').fill('electric cargo bikes');
      await page.locator('input[name="deliverables"][value="itu-t-y-4903"]').check();
      await page.locator('#field-result_label_1').fill('Van trips into the market');
      await page.locator('#field-result_value_1').fill('40');
      await page.locator('#field-result_unit_1').fill('trips a day');
      await page.locator('#field-result_date_1').fill('2025-06-30');
      await page.locator('#field-partner_org_1').selectOption({ label: 'Sensorwerk GmbH (demo)' });
      await page.locator('#field-partner_role_1').selectOption('operator');
      await page.locator('input[name="sex_disaggregated"][value="yes"]').check();
      await page
        .locator('#field-gender_participation')
        .fill('Market women chose the loading hub’s place.');
      await Promise.all([
        page.waitForURL(/\/case-studies\/[a-z0-9-]+\?saved=submitted$/),
        page.getByRole('button', { name: 'Save and submit for review' }).click(),
      ]);
      path = new URL(page.url()).pathname;
      await expect(page.locator('article').textContent()).resolves.toContain(
        'Traders book the bikes',
      );
      const src = await page
        .locator('article img[alt="Cargo bikes at the loading hub"]')
        .getAttribute('src');
      expect(src).toMatch(/^\/media\/[0-9a-f-]{36}\.png$/);
      await expectNoAxeViolations(page);
      // Not public yet.
      expect((await fetch(`${baseUrl()}${path}`)).status).toBe(404);
      await page.context().close();
    });

    it('the coordinator finds it waiting and asks for a change', async () => {
      const page = await signedIn(demoEmails.coordinator, '/case-studies/manage');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(/\/review$/);
      await expectNoAxeViolations(page);
      await page.getByLabel('Ask for changes', { exact: true }).check();
      await page.locator('#field-comment').fill('Please add the baseline of the van trips.');
      await Promise.all([
        page.waitForURL(/\/review\?done=review$/),
        page.getByRole('button', { name: 'Send decision' }).click(),
      ]);
      await expect(page.locator('#conversation').textContent()).resolves.toContain(
        'Please add the baseline',
      );
      await page.context().close();
    });

    it('the city editor reads the comment, fixes it and submits again', async () => {
      const page = await signedIn(demoEmails.cityEditor, '/case-studies/manage');
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(/\/edit$/);
      await expect(page.locator('#conversation').textContent()).resolves.toContain(
        'Please add the baseline',
      );
      await expectNoAxeViolations(page);
      await page.locator('#field-result_baseline_1').fill('95');
      await page.locator('#field-note').fill('Baseline from the 2023 traffic count.');
      await Promise.all([
        page.waitForURL(/\?saved=submitted$/),
        page.getByRole('button', { name: 'Save and submit for review' }).click(),
      ]);
      await page.goto(`${path}/history`);
      await expectNoAxeViolations(page);
      await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(4);
      await page.context().close();
    });

    it('the coordinator publishes it with the hub’s badge', async () => {
      const page = await signedIn(demoEmails.coordinator, `${path}/review`);
      await page.getByLabel('Publish it', { exact: true }).check();
      await page
        .locator('#field-verify_hub')
        .selectOption({ label: 'Verified by Nordic Hub (demo)' });
      await Promise.all([
        page.waitForURL(/\?saved=reviewed$/),
        page.getByRole('button', { name: 'Send decision' }).click(),
      ]);
      await page.context().close();
    });

    it('shows it to everyone: facets, hub and city pages, search, open data and JSON-LD', async () => {
      // A visitor (no session); reading pages ship no JavaScript of their own, axe needs the browser's.
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.locator('h1').textContent()).resolves.toBe(title);
      await expect(page.locator('main').textContent()).resolves.toContain(
        'Verified by Nordic Hub (demo)',
      );
      await expectNoAxeViolations(page);
      const jsonLd = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      ) as { headline?: string; spatialCoverage?: { name?: string } };
      expect(jsonLd.headline).toBe(title);
      expect(jsonLd.spatialCoverage?.name).toBe('Fjordby (demo)');

      await page.goto(
        '/case-studies?theme=mobility&sdg=11&hub=demo-nordic-hub&sector=private-sector',
      );
      await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await page.goto('/case-studies?theme=water');
      await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(0);

      expect(await text('/hubs/demo-nordic-hub')).toContain(title);
      expect(await text('/cities/demo-fjordby')).toContain(title);
      expect(await text('/deliverables/itu-t-y-4903')).toContain(title);
      // The partner's page in the directory lists the case studies it took part in.
      await page.goto('/directory/demo-sensorwerk');
      await expect(
        page
          .locator('#organization-case-studies')
          .locator('..')
          .getByRole('link', { name: title })
          .count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await page.goto('/cities/demo-fjordby');
      await expectNoAxeViolations(page);
      await page.goto('/cities?hub=demo-nordic-hub&theme=mobility');
      await expectNoAxeViolations(page);

      await page.goto(`/search?q=${word}`);
      const hit = page.locator('main article').first();
      await expect(hit.getByRole('link').first().textContent()).resolves.toContain(title);
      await expect(hit.textContent()).resolves.toContain('applies ITU-T Y.4903/L.1603');
      await expect(hit.textContent()).resolves.toContain('with Sensorwerk GmbH (demo)');

      const csv = await text('/case-studies.csv?theme=mobility');
      expect(csv).toContain(title);
      // A malformed filter is refused, not dropped (that would export every case study).
      const refused = await fetch(`${baseUrl()}/case-studies.csv?country=zz`);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('country');
      // The listing drops it and names it; its download link carries only what it applied.
      const listing = await (
        await fetch(`${baseUrl()}/case-studies?theme=mobility&country=zz`)
      ).text();
      expect(listing).toContain('href="/case-studies.csv?theme=mobility"');
      const api = (await (await fetch(`${baseUrl()}/api/case-studies?theme=economy`)).json()) as {
        items: { title: string; results: { baseline: number }[] }[];
      };
      expect(api.items.find((item) => item.title === title)?.results[0]?.baseline).toBe(95);
      await context.close();
    });

    it("another city's editor finds it through /peers", async () => {
      const page = await signedIn(demoEmails.otherCityEditor, '/peers');
      await expectNoAxeViolations(page);
      await page.locator('#field-q').fill(`${word} deliveries`);
      await page.locator('input[name="theme"][value="mobility"]').check();
      await page.locator('#field-size').selectOption('50k-200k');
      await Promise.all([
        page.waitForURL(/\/peers\?/),
        page.getByRole('button', { name: 'Find peers' }).click(),
      ]);
      const first = page.locator('[data-peer-kind="projects"] li').first();
      await expect(first.getByRole('link').textContent()).resolves.toBe(title);
      await expect(first.textContent()).resolves.toContain(`mentions “${word.toLowerCase()}”`);
      await expectNoAxeViolations(page);
      // The URL is the search: it can be shared.
      expect(await text(new URL(page.url()).pathname + new URL(page.url()).search)).toContain(
        title,
      );
      await page.context().close();
    });

    it('the city editor keeps the city profile up to date, with a shared address only', async () => {
      const page = await signedIn(demoEmails.cityEditor, '/cities/demo-fjordby/edit');
      await expectNoAxeViolations(page);
      await expect(page.locator('#field-name').count()).resolves.toBe(0);
      await page.locator('#field-population').fill('185000');
      await page.locator('#field-contact_email').fill('mobility@fjordby.example');
      await page.locator('input[name="contact_is_role_address"]').uncheck();
      await page.getByRole('button', { name: 'Save the profile' }).click();
      await expect(page.locator('[role="alert"]').textContent()).resolves.toContain(
        'Confirm that the address is a shared one',
      );
      await expectNoAxeViolations(page);
      await page.locator('input[name="contact_is_role_address"]').check();
      await Promise.all([
        page.waitForURL(/\/cities\/demo-fjordby\?saved=1$/),
        page.getByRole('button', { name: 'Save the profile' }).click(),
      ]);
      await expect(page.locator('main').textContent()).resolves.toContain('185,000 (2024)');
      await page.context().close();
    });
  },
);
