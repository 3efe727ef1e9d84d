import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, expectNoAxeViolations, launchBrowser, newContext } from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';

interface TextNode {
  type: string;
  text?: string;
  marks?: { type: string }[];
  content?: TextNode[];
}

/** The text runs of the document the form would send, with their marks: what gets saved. */
async function savedRuns(page: Page): Promise<{ text: string; marks: string[] }[]> {
  const json = await page.locator('#field-body-input').inputValue();
  const runs: { text: string; marks: string[] }[] = [];
  const walk = (node: TextNode) => {
    if (node.type === 'text')
      runs.push({ text: node.text ?? '', marks: (node.marks ?? []).map((mark) => mark.type) });
    node.content?.forEach(walk);
  };
  walk(JSON.parse(json) as TextNode);
  return runs;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const activeText = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? '');

describe.skipIf(!e2eEnabled())(
  'a coordinator formats text with the toolbar and the keyboard',
  () => {
    let browser: Browser;
    let page: Page;
    let editor: Locator;
    let toolbar: Locator;
    const button = (name: string) => toolbar.getByRole('button', { name, exact: true });

    beforeAll(async () => {
      browser = await launchBrowser();
      const context = await newContext(browser);
      page = await context.newPage();
      await signIn(page, demoEmails.coordinator, demoPassword, '/news/new?hub=austria');
      editor = page.getByRole('textbox', { name: 'Text', exact: true });
      toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      await page.locator('[data-editor-ready="true"]').waitFor();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('names every button by its visible words, and passes axe', async () => {
      const buttons = await toolbar.getByRole('button').all();
      expect(buttons.length).toBe(12);
      for (const element of buttons) {
        const visible = (await element.innerText()).trim();
        // No aria-label overrides the words: the accessible name is the visible text (WCAG 2.5.3).
        expect(await element.getAttribute('aria-label')).toBeNull();
        expect(visible.length).toBeGreaterThan(3);
      }
      await expect(button('Heading level 2').count()).resolves.toBe(1);
      await expect(toolbar.getByRole('button', { name: 'H2' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page);
    });

    it('is one Tab stop; the arrow keys, Home and End move between its buttons', async () => {
      await page.getByLabel('Summary').focus();
      await page.keyboard.press('Tab');
      await expect(activeText(page)).resolves.toBe('Bold');
      await page.keyboard.press('ArrowRight');
      await expect(activeText(page)).resolves.toBe('Italic');
      await page.keyboard.press('End');
      await expect(activeText(page)).resolves.toBe('Redo');
      await page.keyboard.press('ArrowRight');
      await expect(activeText(page)).resolves.toBe('Bold');
      await page.keyboard.press('ArrowLeft');
      await expect(activeText(page)).resolves.toBe('Redo');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(activeText(page)).resolves.toBe('Heading level 2');
      // Only the current button is in the Tab order; Tab leaves the toolbar for the text.
      await expect(toolbar.locator('button[tabindex="0"]').count()).resolves.toBe(1);
      await page.keyboard.press('Tab');
      await expect(editor.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // Shift+Tab comes back to the button used last.
      await page.keyboard.press('Shift+Tab');
      await expect(activeText(page)).resolves.toBe('Heading level 2');
    });

    it('shows a visible focus ring on the text', async () => {
      await editor.focus();
      const outline = await editor.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      expect(outline.style).not.toBe('none');
      expect(outline.width).toBeGreaterThanOrEqual(2);
    });

    it('shows pressed toggles where the text is formatted, and Undo once there is something to undo', async () => {
      await editor.click();
      await expect.poll(() => button('Undo').getAttribute('aria-disabled')).toBe('true');
      await page.keyboard.type('Plain ');
      await expect.poll(() => button('Undo').getAttribute('aria-disabled')).toBeNull();
      await expect.poll(() => button('Redo').getAttribute('aria-disabled')).toBe('true');
      await button('Bold').click();
      // Pressed before anything is typed (the stored mark).
      await expect.poll(() => button('Bold').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.type('strong');
      await button('Bold').click();
      await expect.poll(() => button('Bold').getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.type(' words.');
      // Back inside the bold word: Bold shows pressed again.
      for (let i = 0; i < ' words.'.length + 2; i += 1) await page.keyboard.press('ArrowLeft');
      await expect.poll(() => button('Bold').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('End');
      await expect.poll(() => button('Bold').getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => button('Heading level 2').getAttribute('aria-pressed')).toBe('false');
      await button('Heading level 2').click();
      await expect.poll(() => button('Heading level 2').getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => editor.locator('h2').count()).toBe(1);
      await button('Undo').click();
      await expect.poll(() => editor.locator('h2').count()).toBe(0);
      await expect.poll(() => button('Heading level 2').getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => button('Redo').getAttribute('aria-disabled')).toBeNull();
      await button('Redo').click();
      await expect.poll(() => editor.locator('h2').count()).toBe(1);
    });

    it('keeps every mark it was told to, typing at once on a slow machine ("boldand")', async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      try {
        await editor.click();
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Delete');
        await page.keyboard.type('Start ');
        // The keys follow each click with no wait: they must go into the text, not to the button.
        await button('Bold').click();
        await page.keyboard.type('bold');
        await button('Bold').click();
        await page.keyboard.type(' and plain');
        // The same with the keyboard alone: Shift+Tab to the toolbar, Enter on Bold, type on.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Home');
        await page.keyboard.press('Enter');
        await page.keyboard.type(' loud');
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Enter');
        await page.keyboard.type(' quiet');
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
      await expect
        .poll(() => savedRuns(page))
        .toEqual([
          { text: 'Start ', marks: [] },
          { text: 'bold', marks: ['bold'] },
          { text: ' and plain', marks: [] },
          { text: ' loud', marks: ['bold'] },
          { text: ' quiet', marks: [] },
        ]);
    });

    it('moves the focus to the link address and back', async () => {
      await editor.click();
      await page.keyboard.press('End');
      for (let i = 0; i < 'quiet'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
      // To the Link button with the keyboard: Shift+Tab into the toolbar, arrows to Link.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Home');
      for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowRight');
      await expect(activeText(page)).resolves.toBe('Link');
      await page.keyboard.press('Enter');
      const address = page.getByLabel('Link address');
      const addressId = await address.getAttribute('id');
      await expect.poll(() => activeId(page)).toBe(addressId);
      await expect.poll(() => button('Link').getAttribute('aria-expanded')).toBe('true');
      await expectNoAxeViolations(page);
      // Escape closes the panel and hands the focus back to the Link button.
      await page.keyboard.press('Escape');
      await expect.poll(() => activeText(page)).toBe('Link');
      await expect(address.count()).resolves.toBe(0);
      // Open again, type the address, Enter: the link is set and the focus is back in the text.
      await page.keyboard.press('Enter');
      await expect.poll(() => activeId(page)).toBe(addressId);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('https://example.org/quiet');
      await page.keyboard.press('Enter');
      await expect(editor.evaluate((el) => el.contains(document.activeElement))).resolves.toBe(
        true,
      );
      await expect(
        editor.locator('a[href="https://example.org/quiet"]').textContent(),
      ).resolves.toBe('quiet');
    });
  },
);
