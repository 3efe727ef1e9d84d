import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled, launchBrowser } from '../support/browser';

/** Public pages with navigation, tables, badges and filter counts. */
const pages = [
  '/',
  '/hubs',
  '/hubs/austria',
  '/hubs/demo-nordic-hub',
  '/cities',
  '/cities/tromso',
  '/directory',
  '/directory/demo-sensorwerk',
  '/directory/match?theme=energy',
  '/register/organization',
  '/deliverables',
  '/deliverables?theme=kpis',
  '/deliverables/itu-t-y-4903',
  '/kpis',
  '/kpis/ec-ict-ict-1c',
  '/news',
  '/events',
  '/search?q=vienna',
  '/search?q=Norway',
  '/accessibility',
  '/privacy',
  '/no-such-page',
];

/** Where ordinary words must never break (issue 11, item 6). */
const checkedParts = 'nav, table, [data-status], fieldset, dl, h1, h2, h3, #results-count';

interface BrokenWord {
  word: string;
  where: string;
}

/**
 * Every ordinary word (letters, digits and a little punctuation; parts of
 * hyphenated or slashed tokens count separately, as a line may end after a
 * hyphen) inside the checked parts of the page whose letters lie on more than
 * one line: a word broken mid-word.
 */
function findBrokenWords(page: Page): Promise<BrokenWord[]> {
  return page.evaluate((selector) => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    // A token of letters, digits and a little punctuation; its parts between
    // hyphens or slashes are the words (a line may end after a hyphen). A token
    // with anything else in it (markup pasted into a title, a URL) is no
    // ordinary word, and may break.
    const token = /^[\p{L}\p{M}\p{N}'’().,:;!?«»“”"\-–/]+$/u;
    const ordinary = /^[\p{L}\p{M}\p{N}'’().,:;!?«»“”"]{2,30}$/u;
    const broken: { word: string; where: string }[] = [];
    const roots = [...document.querySelectorAll(selector)];
    const seen = new Set<Node>();
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (seen.has(node)) continue;
        seen.add(node);
        const text = node.textContent ?? '';
        for (const whole of text.matchAll(/\S+/g)) {
          if (!token.test(whole[0])) continue;
          for (const part of whole[0].matchAll(/[^\-–/]+/g)) {
            const word = part[0];
            const start = whole.index! + part.index!;
            if (!ordinary.test(word)) continue;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + word.length);
            const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
            const lines = new Set(rects.map((rect) => Math.round(rect.top)));
            if (lines.size > 1) {
              const element = node.parentElement;
              broken.push({
                word,
                where: `${element?.tagName.toLowerCase()}.${element?.className ?? ''}`.slice(0, 80),
              });
            }
          }
        }
      }
    }
    return broken;
  }, checkedParts);
}

describe.skipIf(!e2eEnabled())('no word breaks across lines on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { width: 375, height: 812 },
    { width: 320, height: 640 },
  ])('keeps words whole and the page within $width px', async (viewport) => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) problems.push(`${path}: ${overflow}px wider than the screen`);
      for (const { word, where } of await findBrokenWords(page))
        problems.push(`${path}: “${word}” broken in ${where}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the hubs table’s words whole on a laptop too ("America/s" at 1280 px)', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto('/hubs');
    await expect(findBrokenWords(page)).resolves.toEqual([]);
    await context.close();
  });
});
