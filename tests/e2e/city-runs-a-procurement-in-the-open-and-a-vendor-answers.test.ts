import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { codelistViolations, loadOcdsValidators, ocdsSuite } from '../support/ocds-schemas';
import { advanceServerClock, resetServerClock } from '../support/server-clock';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

const day = 24 * 3600 * 1000;
const wallTime = (date: Date) => date.toISOString().slice(0, 16);

/** Submits a form by its button and waits for the page that answers. */
async function submit(page: Page, button: string, url?: RegExp) {
  await Promise.all([
    url ? page.waitForURL(url) : page.waitForLoadState('load'),
    page.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
}

describe.skipIf(!e2eEnabled())(
  'a city runs a procurement in the open: it plans and publishes, a vendor asks and expresses interest, the city answers, awards, delivers and closes, and a visitor reads it all',
  () => {
    let browser: Browser;
    const title = `Smart crossings near schools ${Date.now()}`;
    let processPath = '';
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      resetServerClock();
    });

    it('the city editor plans the process and publishes its notice (bad weights refused first)', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, demoEmails.cityEditor, demoPassword, '/procurement/new');
      await expectNoAxeViolations(page);
      await page.locator('#field-title').fill(title);
      await page
        .locator('#field-problem')
        .fill(
          'Children cross two busy roads to reach school, and drivers do not see them in the dark.',
        );
      await page.locator('#field-outcome_1').fill('Fewer children hurt at crossings');
      await page
        .getByLabel('How it is measured 1')
        .fill('Injuries at the two crossings: from 6 to 0 a year');
      await page.locator('#field-beneficiaries').fill('400 pupils of Fjordby primary school');
      await page.getByRole('checkbox', { name: 'Mobility and transport' }).check();
      await page.getByRole('checkbox', { name: 'Safety and resilience' }).check();
      // Sensorwerk offers environmental sensors: it matches, and follows the theme.
      await page.getByRole('checkbox', { name: 'Environment and nature' }).check();
      await page.locator('#field-budget_amount').fill('300000');
      await page.locator('#field-budget_currency').selectOption('NOK');
      await page.locator('#field-budget_usd').fill('28000');
      await page
        .locator('#field-gender_consultation')
        .fill('A walk with pupils, and a session with girls only.');
      await submit(page, 'Create the draft', /\/procurement\/[0-9a-f-]{36}\/plan\?saved=1$/);
      processPath = new URL(page.url()).pathname.replace(/\/plan$/, '');
      await expect(
        page.locator('[data-checklist="problem"]').getAttribute('data-done'),
      ).resolves.toBe('true');
      await expectNoAxeViolations(page);
      // A visitor does not see the draft.
      expect((await fetch(`${baseUrl()}${processPath}`)).status).toBe(404);

      await page.goto(`${processPath}/notice`);
      await page.locator('#field-deadline').fill(wallTime(new Date(Date.now() + 30 * day)));
      await page.locator('#field-criterion_name_1').fill('Visibility in the dark');
      await page.locator('#field-criterion_weight_1').fill('60');
      await page.locator('#field-criterion_name_2').fill('Price');
      await page.locator('#field-criterion_weight_2').fill('30');
      await page.getByLabel('Criterion 1 is gender-responsive').check();
      await submit(page, 'Publish the notice');
      await expect(page.locator('[role="alert"]').textContent()).resolves.toContain(
        'The weights add up to 90, not 100',
      );
      await expectNoAxeViolations(page);
      await page.locator('#field-criterion_weight_2').fill('40');
      await submit(page, 'Publish the notice', /\/procurement\/[0-9a-f-]{36}\?published=1/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      // Sensorwerk's two members were told by mail, in the publishing transaction.
      await expect(page.getByRole('status').first().textContent()).resolves.toContain(
        '2 people in matching organizations were told by mail',
      );
      await page.goto('/dev/mailbox');
      const mail = page
        .locator(
          'article[data-mail-to="partner@demo.u4ssc.local"][data-mail-kind="procurement.notice"]',
        )
        .first();
      await expect(mail.textContent()).resolves.toContain(title);
      await context.close();
      // Public now: the listing of open notices and the RSS feed name it.
      expect(await (await fetch(`${baseUrl()}/procurement?open=1`)).text()).toContain(title);
      expect(await (await fetch(`${baseUrl()}/procurement/rss.xml`)).text()).toContain(title);
    });

    it('a vendor sees it on its dashboard, asks a question and expresses interest', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, demoEmails.orgMember, demoPassword, '/procurement/opportunities');
      await expectNoAxeViolations(page);
      // Among the notices that match Sensorwerk's offerings, with the reason.
      const matching = page.locator(
        'section[aria-labelledby="org-demo-sensorwerk"] [data-matching]',
      );
      await expect(matching.textContent()).resolves.toContain(title);
      await expect(matching.textContent()).resolves.toContain('Environment and nature');
      // The themes it gets mail about: its offerings' until a member chooses; saving is choosing.
      const follow = page.locator('form#follow-demo-sensorwerk');
      await expect(
        follow.getByRole('checkbox', { name: 'Environment and nature' }).isChecked(),
      ).resolves.toBe(true);
      await expect(
        follow.getByRole('checkbox', { name: 'Water and sanitation' }).isChecked(),
      ).resolves.toBe(false);
      await Promise.all([
        page.waitForURL(/followed=demo-sensorwerk/),
        follow.getByRole('button', { name: 'Save the themes' }).click(),
      ]);
      await expect(
        page.locator('form#follow-demo-sensorwerk [role="status"]').textContent(),
      ).resolves.toContain('Saved: Sensorwerk');
      await expectNoAxeViolations(page);
      // Bad choices are refused with the reason, nothing saved.
      const post = (form: Record<string, string>) =>
        page.request.post('/procurement/opportunities', {
          headers: { Origin: baseUrl() },
          form,
          maxRedirects: 0,
        });
      const noOrganization = await post({ organization: 'not-an-id', themes: 'water' });
      expect(noOrganization.status()).toBe(422);
      expect(await noOrganization.text()).toContain('Choose one of your organizations.');
      const sensorwerkId = await follow.locator('input[name="organization"]').inputValue();
      const noTheme = await post({ organization: sensorwerkId, themes: 'gardening' });
      expect(noTheme.status()).toBe(422);
      expect(await noTheme.text()).toContain('is not a theme');
      await Promise.all([
        page.waitForURL(new RegExp(`${processPath}$`)),
        page.getByRole('link', { name: title }).first().click(),
      ]);
      const question = page
        .locator('form')
        .filter({ has: page.locator('input[name="intent"][value="question"]') });
      await question
        .getByLabel('Your question')
        .fill('May we propose lights that count crossings?');
      await submit(page, 'Send the question');
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'Your question was sent',
      );
      const interest = page
        .locator('form')
        .filter({ has: page.locator('input[name="intent"][value="interest"]') });
      await interest
        .getByLabel('Your expression of interest')
        .fill('We install sensor lights at crossings and report how they are used.');
      await interest
        .getByLabel('The city may name our organization as an interested party in the open data')
        .check();
      await submit(page, 'Express interest');
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'Your expression of interest was sent',
      );
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('the city answers, the deadline passes, it awards, records two milestones and closes', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, demoEmails.cityEditor, demoPassword, `${processPath}/questions`);
      await expect(page.getByText(/Asked by Sensorwerk/).count()).resolves.toBe(1);
      await page
        .locator('textarea[name="question"]')
        .first()
        .fill('May suppliers propose lights that count crossings?');
      await page
        .locator('textarea[name="answer"]')
        .first()
        .fill('Yes, counts only: no cameras, no personal data.');
      await submit(page, 'Publish the answer', /questions\?saved=1$/);
      await expectNoAxeViolations(page);

      // Thirty-one days later, on the server's clock: the notice has closed
      // (and the editor's session has ended: sessions last a week at most).
      advanceServerClock(31 * day);
      await signIn(page, demoEmails.cityEditor, demoPassword, `${processPath}/evaluate`);
      await expectNoAxeViolations(page);
      await submit(page, 'Record the tender', /evaluate\?saved=tender/);
      await page
        .locator('#field-bid-organization')
        .selectOption({ label: 'Sensorwerk GmbH (demo)' });
      await page.locator('#field-bid-amount').fill('280000');
      await page.locator('#field-bid-currency').selectOption('NOK');
      await page
        .locator('#field-bid-summary')
        .fill('Sensor lights at both crossings, five years of maintenance.');
      await submit(page, 'Add the bid', /evaluate\?saved=bid/);
      await page.locator('#field-award-amount').fill('280000');
      await page.locator('#field-award-value_usd').fill('26000');
      await page
        .locator('#field-award-justification')
        .fill('The only bid, within budget, and strongest on visibility in the dark.');
      const today = await page.locator('#field-award-awarded_on').inputValue();
      await submit(page, 'Publish the award', /evaluate\?saved=award/);
      await expectNoAxeViolations(page);

      await page.goto(`${processPath}/delivery`);
      await page.locator('#field-contract-period_start').fill(today);
      await page
        .locator('#field-contract-period_end')
        .fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
      await submit(page, 'Record the contract', /delivery\?saved=contract/);
      const add = async (name: string, status: string, metOn: string) => {
        const form = page.locator('form[aria-label="Add a milestone"]');
        await form.locator('[name="title"]').fill(name);
        await form.locator('[name="due_on"]').fill(today);
        await form.locator('[name="status"]').selectOption(status);
        if (metOn) await form.locator('[name="met_on"]').fill(metOn);
        await Promise.all([
          page.waitForURL(/delivery\?saved=milestone/),
          form.getByRole('button', { name: 'Add a milestone' }).click(),
        ]);
      };
      await add('Lights installed at both crossings', 'met', today);
      await add('First report on use', 'scheduled', '');
      await expectNoAxeViolations(page);
      await page
        .locator('#field-close-closing_note')
        .fill('Both crossings are lit and no child was hurt this winter.');
      await page
        .locator('#field-close-lessons_learned')
        .fill('Walking the routes with the pupils showed the real danger points.');
      await submit(page, 'Close the process', /#closing$/);
      // Closing note → case study: one button posting the prefilled draft to the case-study form.
      const draft = page.locator('form[data-case-study-draft]');
      await expect(draft.getAttribute('action')).resolves.toBe('/case-studies/new');
      await expect(draft.locator('[name="solution"]').inputValue()).resolves.toBe(
        'Both crossings are lit and no child was hurt this winter.',
      );
      await expect(draft.locator('[name="partner_role_1"]').inputValue()).resolves.toBe(
        'implementer',
      );
      await expect(
        draft.getByRole('button', { name: 'Turn it into a case study' }).isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page);
      // The click saves a draft case study of the city, which goes to review like any other.
      await Promise.all([
        page.waitForURL(/\/case-studies\/[a-z0-9-]+\?saved=saved$/),
        draft.getByRole('button', { name: 'Turn it into a case study' }).click(),
      ]);
      await expect(
        page
          .getByText('Both crossings are lit and no child was hurt this winter.')
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await context.close();
    });

    it('a visitor reads the timeline and downloads the OCDS record', async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(processPath);
      await expect(
        page.locator('[data-stage="closed"]').getAttribute('aria-current'),
      ).resolves.toBe('step');
      for (const stage of ['plan', 'market', 'evaluation', 'delivery'])
        await expect(
          page.locator(`[data-stage="${stage}"]`).getAttribute('data-state'),
        ).resolves.toBe('done');
      await expect(page.locator('[data-milestones] li').count()).resolves.toBe(2);
      const answers = await page.locator('[data-answers]').textContent();
      expect(answers).toContain('May suppliers propose lights that count crossings?');
      expect(answers).not.toContain('Sensorwerk');
      await expect(page.locator('[data-award]').textContent()).resolves.toContain(
        'Sensorwerk GmbH (demo)',
      );
      await expect(page.locator('body').textContent()).resolves.not.toContain(
        'five years of maintenance',
      );
      // Only the city's editors are offered the case-study draft.
      await expect(page.locator('form[data-case-study-draft]').count()).resolves.toBe(0);
      await expectNoAxeViolations(page);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the OCDS record (JSON)' }).click(),
      ]);
      const record = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
      const compiled = record.records[0].compiledRelease;
      expect(compiled.tag).toEqual(['compiled']);
      expect(record.records[0].releases.map((r: { tag: string[] }) => r.tag.join())).toEqual([
        'planning',
        'tender',
        'tenderUpdate',
        'tenderUpdate',
        'award',
        'contract',
        'implementation',
        'implementationUpdate',
        'contractTermination',
      ]);
      expect(compiled.awards[0].suppliers[0].name).toBe('Sensorwerk GmbH (demo)');
      expect(compiled.contracts[0].status).toBe('terminated');
      if (ocdsSuite().run) {
        const validators = loadOcdsValidators();
        expect(
          validators.recordPackage(record),
          JSON.stringify(validators.recordPackage.errors),
        ).toBe(true);
        expect(codelistViolations(compiled, validators)).toEqual([]);
      }
      await context.close();
    });
  },
);
