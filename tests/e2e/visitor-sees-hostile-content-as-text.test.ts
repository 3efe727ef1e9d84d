import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xssCorpus } from '../fixtures/xss-corpus';
import { makeTestFiles } from '../fixtures/test-images';
import { baseUrl, e2eEnabled, launchBrowser, newContext } from '../support/browser';
import { demoEmails, demoPassword, signIn } from '../support/sign-in';
import { isSingleLineText } from '../../src/lib/text/control-characters';

/**
 * The XSS corpus (OWASP filter-evasion classes) goes in through every text
 * field a coordinator or applicant can fill: news titles, summaries, the
 * editor's JSON (text, headings, table cells, image alt text, link hrefs),
 * cover alt text, event title/summary/venue/address/description, the hub
 * description and a membership request. Then every page that shows them is
 * opened in Chromium: no dialog may open and no script may run.
 */
/** The payloads a text field stores (every one but those with control characters, which are refused). */
const storablePayloads = () =>
  xssCorpus.map((entry) => entry.payload).filter((payload) => isSingleLineText(payload));

describe.skipIf(!e2eEnabled())('a visitor sees hostile content as plain text', () => {
  let browser: Browser;
  let coordinator: BrowserContext;
  const pages: string[] = [];
  const origin = () => ({ Origin: baseUrl() });
  const doc = (payload: string, imageUrl: string) =>
    JSON.stringify({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: payload }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: payload, marks: [{ type: 'bold' }] }],
        },
        { type: 'image', attrs: { src: imageUrl, alt: payload.slice(0, 300) } },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }],
                },
              ],
            },
          ],
        },
      ],
    });

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await newContext(browser);
    await signIn(await coordinator.newPage(), demoEmails.coordinator, demoPassword, '/news/manage');
  });
  afterAll(async () => {
    await coordinator?.close();
    await browser?.close();
  });

  it('stores every payload through the forms, and refuses it as a link or image source', async () => {
    const png = (await makeTestFiles()).png;
    const austria = await coordinator.request.get('/news/new?hub=austria');
    const hubId = /<option value="([0-9a-f-]{36})" selected/.exec(await austria.text())![1]!;
    const uploaded = await coordinator.request.post('/media/upload', {
      headers: origin(),
      multipart: { hub: hubId, file: { name: 'x.png', mimeType: 'image/png', buffer: png } },
    });
    expect(uploaded.status()).toBe(201);
    const { url: imageUrl } = (await uploaded.json()) as { url: string };

    for (const [index, { payload }] of xssCorpus.entries()) {
      const title = `${payload} #${index}`.slice(0, 200);
      const news = await coordinator.request.post('/news/new', {
        headers: origin(),
        multipart: {
          hub: hubId,
          title,
          summary: payload.slice(0, 400),
          body: doc(payload, imageUrl),
          cover_alt: payload.slice(0, 300),
          cover: { name: 'cover.png', mimeType: 'image/png', buffer: png },
          action: 'publish',
        },
        maxRedirects: 0,
      });
      // Control characters (other than tab) are refused in every text field, with a message.
      const storable = isSingleLineText(payload);
      expect(news.status(), payload).toBe(storable ? 303 : 422);
      if (storable) pages.push(new URL(news.headers().location!, baseUrl()).pathname);

      const event = await coordinator.request.post('/events/new', {
        headers: origin(),
        form: {
          hub: hubId,
          title,
          summary: payload.slice(0, 400),
          description: doc(payload, imageUrl),
          time_zone: 'Europe/Vienna',
          starts_at: '2031-01-01T10:00',
          ends_at: '2031-01-01T11:00',
          venue_name: payload.slice(0, 200),
          venue_address: payload.slice(0, 400),
          registration_mode: 'internal',
          capacity: '5',
          action: 'publish',
        },
        maxRedirects: 0,
      });
      expect(event.status(), payload).toBe(storable ? 303 : 422);
      if (storable) pages.push(new URL(event.headers().location!, baseUrl()).pathname);

      // As a link href or an image source, the server refuses it with a message on the field.
      const link = JSON.stringify({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: payload } }] },
            ],
          },
        ],
      });
      const refused = await coordinator.request.post('/news/new', {
        headers: origin(),
        multipart: { hub: hubId, title: 'Refused link', body: link, action: 'publish' },
        maxRedirects: 0,
      });
      expect(refused.status(), payload).toBe(422);
      expect(await refused.text()).toContain('Links must start with http://, https:// or mailto:.');
    }
    const description = await coordinator.request.post('/hubs/austria/edit', {
      headers: origin(),
      form: { description: doc(storablePayloads().join(' '), imageUrl) },
      maxRedirects: 0,
    });
    expect(description.status()).toBe(303);

    const applicant = await newContext(browser);
    await signIn(
      await applicant.newPage(),
      demoEmails.cityEditor,
      demoPassword,
      '/hubs/austria/apply',
    );
    const options = await (await applicant.request.get('/hubs/austria/apply')).text();
    const city = /name="applicant" value="(city:[0-9a-f-]{36})"/.exec(options)![1]!;
    const applied = await applicant.request.post('/hubs/austria/apply', {
      headers: origin(),
      form: {
        applicant: city,
        message: storablePayloads().join('\n').slice(0, 2000),
      },
    });
    expect(applied.status()).toBe(200);
    await applicant.close();
  });

  async function expectNoScriptRuns(page: Page, pathname: string) {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(pathname);
    expect(response?.status(), pathname).toBeLessThan(400);
    // Give handlers (onload, onerror, autofocus, animations) a chance to fire.
    await page.mouse.move(200, 300);
    await page.waitForTimeout(150);
    expect(dialogs, pathname).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
      pathname,
    ).toBeUndefined();
  }

  it('opens no dialog and runs no script on any page that shows the payloads, for visitors', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const pathname of [
      '/',
      '/hubs',
      '/hubs/austria',
      '/news',
      '/news?page=2',
      '/news?page=3',
      '/events',
      ...pages,
    ]) {
      await expectNoScriptRuns(page, pathname);
    }
    await context.close();
  });

  it('opens no dialog on the editing pages either, where the editor island loads the payloads', async () => {
    const page = await coordinator.newPage();
    const editing = [
      '/news/manage',
      '/events/manage',
      '/hubs/austria/applications',
      '/hubs/austria/edit',
    ];
    for (const pathname of [
      ...editing,
      ...pages
        .filter((p) => p.startsWith('/news/'))
        .slice(0, 8)
        .map((p) => `${p}/edit`),
    ]) {
      await expectNoScriptRuns(page, pathname);
    }
  });
});
