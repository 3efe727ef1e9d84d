import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTermsVersion } from '../../src/lib/legal/terms';
import {
  baseUrl,
  e2eEnabled,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
} from '../support/browser';
import { workingNotePhrasesIn } from '../support/working-note-phrases';

const footerPages = [
  { name: 'Accessibility', path: '/accessibility', heading: 'Accessibility statement' },
  { name: 'Privacy', path: '/privacy', heading: 'Privacy notice' },
  { name: 'Terms of use', path: '/terms', heading: 'Terms of use' },
  { name: 'Contact', path: '/contact', heading: 'Contact the portal team' },
];

/** The raw status line of a request, as a client sees it (`HTTP/1.1 400 Bad Request`). */
function statusLine(url: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: body === undefined ? 'GET' : 'POST',
        headers:
          body === undefined
            ? {}
            : {
                origin: target.origin,
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
              },
      },
      (response) => {
        response.resume();
        resolve(`HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe.skipIf(!e2eEnabled())('a visitor finds the pages a public service must have', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches each from the footer of every page, with one h1, no script, and no axe violation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const footerPage of footerPages) {
      await page.goto('/deliverables');
      const footer = page.getByRole('navigation', { name: 'About this portal' });
      await Promise.all([
        page.waitForURL((url) => url.pathname === footerPage.path),
        footer.getByRole('link', { name: footerPage.name, exact: true }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        footerPage.heading,
      );
      const html = await (await fetch(`${baseUrl()}${footerPage.path}`)).text();
      expect(html, footerPage.path).not.toMatch(/<script\b/i);
      expect(html.match(/<h1\b/g)?.length).toBe(1);
      await expectNoAxeViolations(page);
    }
    await context.close();
  });

  it('states what conforms, how it is tested, the gaps and how to report; the terms carry their version', async () => {
    const accessibility = await (await fetch(`${baseUrl()}/accessibility`)).text();
    for (const words of ['WCAG', '2.2', 'AA', 'axe', 'keyboard', 'Known gaps'])
      expect(accessibility).toContain(words);
    expect(accessibility).toContain('href="/contact?topic=accessibility"');
    const privacy = await (await fetch(`${baseUrl()}/privacy`)).text();
    // Each period is the code's (the session lengths are this server's defaults).
    for (const words of [
      '12 hours',
      '7 days',
      '30 days after it ends',
      'Deleted 2 days',
      'Delete your account',
    ])
      expect(privacy).toContain(words);
    const terms = await (await fetch(`${baseUrl()}/terms`)).text();
    expect(terms).toContain(`data-terms-version="${currentTermsVersion}"`);
    expect(terms).toContain(`Version ${currentTermsVersion}`);
  });

  it('sends a contact message: errors first, with the focus on them, then a confirmation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/contact?topic=accessibility');
    await expect(page.getByLabel(/^Topic/).inputValue()).resolves.toBe('accessibility');
    await page.getByLabel(/^Your name/).fill('Ana Visitor');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.waitForLoadState();
    // The answer's error summary has the focus, and links to each field.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
    const summary = page.locator('#error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Enter an e-mail address, like name@example.org',
      'Enter your message (at least 10 characters)',
    ]);
    await expectNoAxeViolations(page);
    await expect(page.getByLabel(/^Your name/).inputValue()).resolves.toBe('Ana Visitor');
    await page.getByLabel(/^Your e-mail address/).fill('ana@example.org');
    await page
      .getByLabel(/^Your message/)
      .fill('The theme filter is hard to use with a screen reader.');
    await Promise.all([
      page.waitForURL(/\/contact\?sent=1$/),
      page.getByRole('button', { name: 'Send message' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Your message was sent',
    );
    await expectNoAxeViolations(page);
    const mailbox = await (await fetch(`${baseUrl()}/dev/mailbox`)).text();
    expect(mailbox).toContain('Portal contact: An accessibility problem (from Ana Visitor)');
    await context.close();
  });

  it('answers a 404 with a breadcrumb and the standard reason phrases, never "400 OK"', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('link', { name: 'Home' }).count()).resolves.toBe(1);
    await expect(breadcrumb.locator('[aria-current="page"]').textContent()).resolves.toBe(
      'Page not found',
    );
    await expectNoAxeViolations(page);
    await context.close();
    await expect(statusLine(`${baseUrl()}/no-such-page`)).resolves.toBe('HTTP/1.1 404 Not Found');
    await expect(statusLine(`${baseUrl()}/contact`, 'name=')).resolves.toBe(
      'HTTP/1.1 422 Unprocessable Entity',
    );
    await expect(statusLine(`${baseUrl()}/`)).resolves.toBe('HTTP/1.1 200 OK');
  });

  it('never shows the research’s working notes, and says what is unconfirmed in plain words', async () => {
    const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
      .map((match) => new URL(match[1]!).pathname)
      .filter((path) => /^\/(deliverables|cities|hubs)\//.test(path));
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      const html = await (await fetch(`${baseUrl()}${path}`)).text();
      const text = html.replace(/<[^>]+>/g, ' ');
      expect(workingNotePhrasesIn(text), path).toEqual([]);
    }
    const y4905 = await (await fetch(`${baseUrl()}/deliverables/itu-t-y-4905`)).text();
    expect(y4905).toMatch(
      /Unconfirmed: No published ITU text of this Recommendation has been found/,
    );
    expect(y4905).toContain('No published source has been found for this entry.');
  });

  it('tells crawlers where the sitemap is and what to leave alone', async () => {
    const response = await fetch(`${baseUrl()}/robots.txt`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const robots = await response.text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    for (const path of ['/account', '/admin', '/api/', '/search'])
      expect(robots).toContain(`Disallow: ${path}`);
    expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
  });
});
