import { describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled } from '../support/browser';

/**
 * Routes a crawl leaves alone: signing in and out, accounts, administration,
 * the development mailbox, and every page that edits or manages something.
 */
const excluded = [
  /^\/(login|signup|logout|confirm|forgot-password|reset-password)$/,
  /^\/(account|admin|dev|api|media)(\/|$)/,
  /\/(new|edit|manage|history|apply|applications)$/,
];

/** How many pages the crawl may fetch: far more than the seeded site has, so it ends by itself. */
const maxFetches = 1500;

function disallowedBy(robots: string): (path: string) => boolean {
  const rules = [...robots.matchAll(/^Disallow:\s*(\S+)\s*$/gm)].map((match) => match[1]!);
  return (path) => rules.some((rule) => path.startsWith(rule));
}

/** The same-site links of a page, as URLs. */
function linksOf(html: string, page: URL): URL[] {
  const links: URL[] = [];
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const href = match[1]!.replace(/&amp;/g, '&');
    try {
      const url = new URL(href, page);
      url.hash = '';
      if (url.origin === page.origin) links.push(url);
    } catch {
      // not a URL
    }
  }
  return links;
}

/** Listing pages are followed through their pages and one filter at a time, not every combination. */
function worthFollowing(url: URL): boolean {
  const keys = [...url.searchParams.keys()].filter((key) => key !== 'page');
  return keys.length <= 1;
}

describe.skipIf(!e2eEnabled())('sitemap.xml lists every public page the crawl reaches', () => {
  it('crawls the site from the home page and finds each indexable page in the sitemap', async () => {
    const robots = await (await fetch(`${baseUrl()}/robots.txt`)).text();
    const disallowed = disallowedBy(robots);
    const sitemapXml = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    expect(sitemapXml).toContain('<urlset');
    const listed = new Set(
      [...sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
    );

    const start = new URL('/', baseUrl());
    const seen = new Set<string>([start.href]);
    const queue: URL[] = [start];
    const indexable = new Set<string>();
    const notListed = new Set<string>();
    let fetches = 0;
    while (queue.length > 0) {
      const batch = queue.splice(0, 4);
      fetches += batch.length;
      expect(fetches, 'the crawl ends').toBeLessThan(maxFetches);
      await Promise.all(
        batch.map(async (url) => {
          const response = await fetch(url, { redirect: 'manual' });
          const type = response.headers.get('content-type') ?? '';
          if (response.status !== 200 || !type.startsWith('text/html')) {
            await response.body?.cancel();
            return;
          }
          const html = await response.text();
          if (!/<meta name="robots" content="noindex"/.test(html)) {
            indexable.add(url.pathname);
            if (!listed.has(url.pathname)) notListed.add(url.pathname);
          }
          for (const link of linksOf(html, url)) {
            const path = link.pathname;
            if (seen.has(link.href) || disallowed(path) || excluded.some((rule) => rule.test(path)))
              continue;
            if (!worthFollowing(link)) continue;
            seen.add(link.href);
            queue.push(link);
          }
        }),
      );
    }

    // The crawl met every kind of public page…
    for (const prefix of [
      '/hubs/',
      '/cities/',
      '/directory/',
      '/deliverables/',
      '/kpis/',
      '/news/',
      '/events/',
    ])
      expect(
        [...indexable].some((path) => path.startsWith(prefix)),
        `crawl reached ${prefix}`,
      ).toBe(true);
    for (const path of ['/', '/accessibility', '/privacy', '/terms', '/contact'])
      expect(indexable.has(path), path).toBe(true);
    // …and the sitemap lists each one it reached.
    expect([...notListed].sort()).toEqual([]);
    expect(indexable.size).toBeGreaterThan(150);
  });

  it('lists nothing that is not a public, indexable page', async () => {
    const sitemapXml = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    const urls = [...sitemapXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const problems: string[] = [];
    for (let i = 0; i < urls.length; i += 4) {
      await Promise.all(
        urls.slice(i, i + 4).map(async (loc) => {
          const path = new URL(loc).pathname;
          const response = await fetch(new URL(path, baseUrl()), { redirect: 'manual' });
          const html = await response.text();
          if (response.status !== 200) problems.push(`${path}: ${response.status}`);
          else if (/<meta name="robots" content="noindex"/.test(html))
            problems.push(`${path}: noindex`);
        }),
      );
    }
    expect(problems).toEqual([]);
  });
});
