import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './browser';

/** How many steps of each kind a journey took, and in all. */
export interface JourneyCount {
  visits: number;
  clicks: number;
  fields: number;
  total: number;
}

/** One thing a person does: open an address, select something, or fill in one field. */
export interface JourneyStep {
  kind: 'visit' | 'click' | 'field';
  what: string;
}

/**
 * A person's way through the portal, counted step by step, as the journeys
 * suite measures it (tests/e2e/five-journeys-take-few-steps.test.ts): each
 * address typed or followed from outside the page (`visit`), each click on a
 * link or button (`click`), and each field filled, chosen or ticked (`field`)
 * is one step. Waiting, reading and scrolling are not steps. Every page the
 * journey reaches is checked with axe once (by path), so a journey is also an
 * accessibility walk of the pages people really use.
 */
export class Journey {
  readonly steps: JourneyStep[] = [];
  private readonly checked = new Set<string>();

  constructor(readonly page: Page) {}

  /** Opens an address (typed, bookmarked or followed from a mail). */
  async visit(path: string): Promise<void> {
    this.steps.push({ kind: 'visit', what: path });
    await this.page.goto(path);
    await this.checkPage();
  }

  /** Clicks a link or button; waits for the page it leads to, if any. */
  async click(target: Locator, what: string): Promise<void> {
    this.steps.push({ kind: 'click', what });
    const before = this.page.url();
    await target.click();
    await this.page.waitForLoadState('load');
    if (this.page.url() !== before) await this.checkPage();
  }

  /** Clicks a button that submits a form, and waits for the answer page. */
  async submit(target: Locator, what: string): Promise<void> {
    this.steps.push({ kind: 'click', what });
    await Promise.all([this.page.waitForEvent('framenavigated'), target.click()]);
    await this.page.waitForLoadState('load');
    await this.checkPage();
  }

  /** Fills one text field. */
  async fill(target: Locator, value: string, what: string): Promise<void> {
    this.steps.push({ kind: 'field', what });
    await target.fill(value);
  }

  /** Types into a field that is not a plain input (the rich-text editor). */
  async type(target: Locator, value: string, what: string): Promise<void> {
    this.steps.push({ kind: 'field', what });
    await target.click();
    await this.page.keyboard.type(value);
  }

  /**
   * Fills a date and time (src/components/forms/DateTimeField.astro: Day,
   * Month, Year and Time boxes) from `YYYY-MM-DDTHH:mm`. One step: a date and
   * time is one question however many boxes it is typed into (GOV.UK counts
   * its date input so), as the `datetime-local` control it replaced was one.
   */
  async dateTime(name: string, value: string, what: string): Promise<void> {
    this.steps.push({ kind: 'field', what });
    const [, year, month, day, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value) ?? [];
    if (!year) throw new Error(`Not a YYYY-MM-DDTHH:mm value: ${value}`);
    await this.page.locator(`#field-${name}-day`).fill(String(Number(day)));
    await this.page.locator(`#field-${name}-month`).fill(String(Number(month)));
    await this.page.locator(`#field-${name}-year`).fill(year);
    await this.page.locator(`#field-${name}-time`).fill(time!);
  }

  /** Chooses an option of a select. */
  async choose(target: Locator, value: string, what: string): Promise<void> {
    this.steps.push({ kind: 'field', what });
    await target.selectOption(value);
  }

  /** Ticks a radio button or checkbox. */
  async check(target: Locator, what: string): Promise<void> {
    this.steps.push({ kind: 'field', what });
    await target.check();
  }

  /**
   * Opens the mailbox (the development one stands in for the person's mail
   * program) and follows the first link of the newest mail of `kind` to `to`:
   * two steps, as for a person who opens their mail and clicks the link.
   */
  async followMail(to: string, kind: string): Promise<void> {
    await this.visit('/dev/mailbox');
    const link = this.page
      .locator(`article[data-mail-to="${to}"][data-mail-kind="${kind}"]`)
      .first()
      .getByRole('link')
      .first();
    await this.click(link, `the link in the ${kind} mail`);
  }

  /** The steps of several people's journeys together (one task, several people). */
  static sum(journeys: readonly Journey[]): JourneyCount {
    const counts = journeys.map((journey) => journey.count());
    const add = (key: keyof JourneyCount) => counts.reduce((sum, count) => sum + count[key], 0);
    return {
      visits: add('visits'),
      clicks: add('clicks'),
      fields: add('fields'),
      total: add('total'),
    };
  }

  /** How many steps of each kind, and in all. */
  count(): JourneyCount {
    const of = (kind: JourneyStep['kind']) => this.steps.filter((s) => s.kind === kind).length;
    return {
      visits: of('visit'),
      clicks: of('click'),
      fields: of('field'),
      total: this.steps.length,
    };
  }

  private async checkPage(): Promise<void> {
    const { pathname } = new URL(this.page.url());
    if (this.checked.has(pathname)) return;
    this.checked.add(pathname);
    await expectNoAxeViolations(this.page);
  }
}
