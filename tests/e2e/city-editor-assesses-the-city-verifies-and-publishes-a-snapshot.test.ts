import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
 * The KPI self-assessment story (issue 14): Fjordby's editor downloads the
 * CSV template, imports a file with two errors, fixes them, sets a target,
 * sees the dashboard, records the verification, publishes a snapshot of the
 * values the city chooses; a visitor then sees exactly what was published,
 * and nothing else. axe on every page visited.
 */
const year = 2026;
const city = '/cities/demo-fjordby';
const base = `${city}/kpis/assessments/${year}`;
const shared = 'Fjelltopp household survey';
const secret = 'Hemmelig operator count';

/** The template with three KPIs filled in; `broken` puts two mistakes in it. */
function fillTemplate(template: string, broken: boolean): string {
  const lines = template.replace(/^\uFEFF/, '').split('\r\n');
  const fill = (code: string, value: string, source: string) => {
    const index = lines.findIndex((line) => line.startsWith(`${code},`));
    // These three rows have no quoted cells: a plain split is exact.
    const cells = lines[index]!.split(',');
    cells[3] = value;
    cells[5] = source;
    lines[index] = cells.join(',');
  };
  fill('EC:ICT:ICT:1C', broken ? '120' : '92.5', shared);
  fill('EC:ICT:ICT:5C', '310', secret);
  fill('EC:ICT:ICT:2C', '84', shared);
  if (broken) lines.splice(5, 0, 'EC:ICT:ICT:9C,Forged,%,50,,Somewhere,');
  return lines.join('\r\n');
}

describe.skipIf(!e2eEnabled())(
  'a city editor assesses the city, verifies the assessment and publishes a snapshot',
  () => {
    let browser: Browser;
    let editor: BrowserContext;
    let page: Page;
    let template = '';

    beforeAll(async () => {
      browser = await launchBrowser();
      editor = await newContext(browser);
      page = await editor.newPage();
      await signIn(page, demoEmails.cityEditor, demoPassword, city);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opens the assessments from the city page and downloads the CSV template', async () => {
      await page.goto(city);
      await page.getByRole('link', { name: 'Manage KPI assessments' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${city}/kpis/assessments`);
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the CSV template' }).click(),
      ]);
      template = fs.readFileSync((await download.path())!, 'utf8');
      expect(download.suggestedFilename()).toBe('u4ssc-kpi-assessment-template.csv');
      // A byte order mark first, so that Excel reads accents as UTF-8.
      expect(template.startsWith('\uFEFFkpi_code,')).toBe(true);
      const rows = template
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(rows[0]).toBe('kpi_code,kpi_name,unit,value,not_available_reason,source,method_note');
      expect(rows).toHaveLength(92);

      await page.getByLabel('Reporting year').fill(String(year));
      await page.getByRole('button', { name: 'Open assessment' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(base);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(`Fjordby (demo): KPI assessment ${year}`);
      await expectNoAxeViolations(page);
    });

    it('deletes an assessment opened for the wrong year, once the box is ticked', async () => {
      const list = `${city}/kpis/assessments`;
      await page.goto(list);
      await page.getByLabel('Reporting year').fill('2020');
      await page.getByRole('button', { name: 'Open assessment' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${list}/2020`);
      await page.getByRole('button', { name: 'Delete the assessment' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/Tick the box to confirm that the assessment is to be deleted\./);
      await expectNoAxeViolations(page);
      await page.getByLabel('Delete the 2020 assessment (version 1) and its entries').check();
      await page.getByRole('button', { name: 'Delete the assessment' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(list);
      expect(await page.locator(`main a[href="${list}/2020"]`).count()).toBe(0);
      expect(await page.locator(`main a[href="${base}"]`).count()).toBe(1);
      expect((await page.goto(`${list}/2020`))?.status()).toBe(404);
      await page.goto(base);
    });

    it('imports a file with two errors: both lines explained, nothing stored; then the fixed file', async () => {
      await page.getByRole('link', { name: 'Import CSV' }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel('CSV file').setInputFiles({
        name: 'fjordby-2026.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(fillTemplate(template, true)),
      });
      await page.getByRole('button', { name: 'Import file' }).click();
      const lines = page.locator('[data-testid="import-lines"] li');
      await expect.poll(() => lines.count()).toBe(2);
      expect(await lines.nth(0).textContent()).toMatch(
        /Line 2: “120” is not a percentage from 0 to 100\./,
      );
      expect(await lines.nth(1).textContent()).toMatch(
        /Line 6: “EC:ICT:ICT:9C” is not a KPI of the U4SSC catalogue\./,
      );
      expect(await page.getByRole('alert').textContent()).toMatch(/Nothing was imported: 2 lines/);
      await expectNoAxeViolations(page);
      await page.goto(base);
      expect(await page.locator('main').textContent()).toContain('0 of 17 answered');

      await page.goto(`${base}/import`);
      await page.getByLabel('CSV file').setInputFiles({
        name: 'fjordby-2026.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(fillTemplate(template, false)),
      });
      await page.getByRole('button', { name: 'Import file' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(/The file was imported/);
      expect(await page.getByRole('status').textContent()).toMatch(
        /Changed: 3\. Unchanged: 0\. Left blank \(nothing changed\): 88\./,
      );
      await expectNoAxeViolations(page);
    });

    it('saves one KPI on its own form without JavaScript, and explains a wrong value', async () => {
      const plain = await newContext(browser, { javaScriptEnabled: false });
      const noJs = await plain.newPage();
      await signIn(noJs, demoEmails.cityEditor, demoPassword, `${base}/sections/ec-ict`);
      const block = noJs.locator('#kpi-ec-ict-ict-4c');
      await block.getByLabel('3G').fill('99.5');
      await block.getByLabel('4G').fill('101');
      await block.getByLabel('Data source').fill('Telecom regulator');
      await block.getByRole('button', { name: 'Save Wireless Broadband Coverage' }).click();
      const summary = noJs.getByRole('alert');
      expect(await summary.textContent()).toMatch(/4G: “101” is not a percentage from 0 to 100/);
      // The summary links to the field, which shows what was typed and the same error.
      expect(await summary.getByRole('link').getAttribute('href')).toBe(
        '#field-ec-ict-ict-4c-part-4g',
      );
      expect(await noJs.locator('#field-ec-ict-ict-4c-part-4g').inputValue()).toBe('101');
      expect(await noJs.locator('#field-ec-ict-ict-4c-part-4g-error').textContent()).toMatch(
        /not a percentage/,
      );
      // axe needs JavaScript: the same refusal, checked in the editor's own browser.
      await page.goto(`${base}/sections/ec-ict`);
      await page.locator('#kpi-ec-ict-ict-4c').getByLabel('4G').fill('101');
      await page.locator('#kpi-ec-ict-ict-4c').getByLabel('Data source').fill('Telecom regulator');
      await page
        .locator('#kpi-ec-ict-ict-4c')
        .getByRole('button', { name: 'Save Wireless Broadband Coverage' })
        .click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(1);
      await expectNoAxeViolations(page);
      await noJs.locator('#kpi-ec-ict-ict-4c').getByLabel('4G').fill('97');
      await noJs
        .locator('#kpi-ec-ict-ict-4c')
        .getByRole('button', { name: 'Save Wireless Broadband Coverage' })
        .click();
      expect((await noJs.locator('#kpi-ec-ict-ict-4c [role="status"]').textContent())?.trim()).toBe(
        'Saved.',
      );
      expect(noJs.url()).toContain('saved=ec-ict-ict-4c#kpi-ec-ict-ict-4c');
      await plain.close();
    });

    it('sets a target and sees the dashboard, each chart with a title, a description and a table', async () => {
      await page.goto(`${city}/kpis/targets`);
      await expectNoAxeViolations(page);
      const target = page.locator('#target-ec-ict-ict-1c');
      await target.getByLabel('Baseline year').fill('2023');
      await target.getByLabel('Target value').fill('98');
      await target.getByLabel('Target year').fill('2030');
      await target.getByRole('button', { name: 'Save target Household Internet Access' }).click();
      expect(
        (await page.locator('#target-ec-ict-ict-1c [role="status"]').textContent())?.trim(),
      ).toBe('Target saved.');

      await page.goto(`${city}/kpis/dashboard`);
      await expectNoAxeViolations(page);
      const chart = page.getByRole('img', { name: 'Household Internet Access', exact: true });
      await expect.poll(() => chart.count()).toBe(1);
      const description = await chart.evaluate(
        (svg) => document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent,
      );
      expect(description).toMatch(/2026: 92\.5/);
      expect(description).toMatch(/Target: 98 by 2030, from the 2023 baseline\./);
      expect(await page.locator('#trend-ec-ict-ict-1c details table').count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain('Distance to the city’s targets');
      await page.getByRole('link', { name: /SDG 9 · Industry/ }).click();
      expect(new URL(page.url()).search).toBe('?sdg=9');
      await expectNoAxeViolations(page);
    });

    it('records the verification; the assessment is then frozen, with the way to correct it', async () => {
      await page.goto(`${base}/verification`);
      await expectNoAxeViolations(page);
      await page.getByLabel('Verifier').fill('Nordic KPI Verification Services (demo)');
      await page.getByLabel('Date of the verification').fill('2026-11-30');
      await page
        .getByLabel('Link to the verification report')
        .fill('https://example.org/fjordby-2026-report.pdf');
      await page.getByLabel('Scope').fill('All KPIs reported for 2026');
      await page.getByRole('button', { name: 'Record the verification' }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Open a new version' }).count())
        .toBe(1);
      await expectNoAxeViolations(page);
      await page.goto(`${base}/sections/ec-ict`);
      expect(await page.locator('main form').count()).toBe(0);
      expect(await page.locator('main').textContent()).toMatch(/This assessment is frozen/);
      // A forged POST is refused with the message saying how to supersede.
      const response = await editor.request.post(`${base}/sections/ec-ict`, {
        headers: { Origin: new URL(baseUrl()).origin },
        form: { intent: 'save', kpi: 'EC:ICT:ICT:1C', value: '1', source: 'Forged' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(422);
      expect(await response.text()).toMatch(
        /verified on 2026-11-30 and is frozen.*open a new version/s,
      );
    });

    it('publishes a snapshot with the values the city chooses', async () => {
      await page.goto(`${base}/snapshot`);
      await expectNoAxeViolations(page);
      await page.getByRole('checkbox', { name: /Availability of WIFI in Public Areas/ }).uncheck();
      await page.getByRole('button', { name: 'Publish snapshot' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(/^\s*The snapshot is published\.\s*$/);
      await page.getByRole('link', { name: 'View the public snapshot' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${city}/kpis/${year}`);
    });

    it('shows a visitor only what was published, in the page, the open data and search', async () => {
      const visitor = await newContext(browser);
      const anon = await visitor.newPage();
      await anon.goto(`${city}/kpis/${year}`);
      const text = (await anon.locator('main').textContent()) ?? '';
      expect(text).toContain('Household Internet Access');
      expect(text).toContain(shared);
      expect(text).toContain('Verified by Nordic KPI Verification Services (demo)');
      expect(text).not.toContain('Availability of WIFI in Public Areas');
      expect(text).not.toContain(secret);
      await expectNoAxeViolations(anon);

      await anon.goto(city);
      expect(await anon.locator('main').textContent()).toContain(`KPIs verified for ${year}`);
      expect(
        await anon
          .getByRole('link', { name: /Verification report/ })
          .first()
          .getAttribute('href'),
      ).toMatch(/^https:\/\/example\.org\//);
      expect(await anon.getByRole('link', { name: 'Manage KPI assessments' }).count()).toBe(0);
      await expectNoAxeViolations(anon);

      for (const suffix of ['.csv', '.json']) {
        const body = await (await fetch(`${baseUrl()}${city}/kpis/${year}${suffix}`)).text();
        expect(body, suffix).toContain('EC:ICT:ICT:1C');
        expect(body, suffix).not.toContain(secret);
        expect(body, suffix).not.toContain('EC:ICT:ICT:5C');
      }
      for (const path of [
        base,
        `${base}/export.csv`,
        `${city}/kpis/dashboard`,
        `${city}/kpis/targets`,
      ]) {
        const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' });
        expect(response.status, path).toBe(303);
        expect(response.headers.get('location'), path).toMatch(/^\/login\?notice=sign-in-required/);
      }
      const json = await fetch(`${baseUrl()}${base}/export.json`);
      expect(json.status).toBe(401);
      const search = await (await fetch(`${baseUrl()}/api/search?q=Hemmelig`)).json();
      expect(search.total).toBe(0);
      expect((await fetch(`${baseUrl()}${city}/kpis/2024`)).status).toBe(404);
      await visitor.close();
    });
  },
);
