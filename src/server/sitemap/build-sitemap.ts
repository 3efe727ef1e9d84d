import type { Queryable } from '../db/types';
import type { SitemapEntry, SitemapSource } from './sitemap-source';

/**
 * URLs per sitemap file. The protocol allows 50,000; a smaller bound keeps
 * each request's query cheap. Past it, `sitemap.xml` becomes a sitemap index.
 */
export const sitemapUrlsPerFile = 10_000;

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => xmlEscapes[c]!);

function absolute(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl.replace(/\/+$/, '')}/`).href;
}

function urlset(siteUrl: string, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lastmod = entry.lastModified
      ? `<lastmod>${new Date(entry.lastModified).toISOString()}</lastmod>`
      : '';
    return `<url><loc>${escapeXml(absolute(siteUrl, entry.path))}</loc>${lastmod}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  );
}

/** The file name of one slice of a source: `news-1.xml`, `news-2.xml`… */
export function sitemapFileName(source: string, page: number): string {
  return `${source}-${page}.xml`;
}

/** Reads `news-2.xml` back into its source and page, or null. */
export function parseSitemapFileName(file: string): { source: string; page: number } | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)-([1-9][0-9]{0,5})\.xml$/.exec(file);
  return match ? { source: match[1]!, page: Number(match[2]) } : null;
}

/**
 * `sitemap.xml`: every public page in one `urlset` while they fit in one
 * file, else a `sitemapindex` naming each source's files.
 */
export async function buildSitemap(
  db: Queryable,
  sources: readonly SitemapSource[],
  options: { siteUrl: string; perFile?: number },
): Promise<string> {
  const perFile = options.perFile ?? sitemapUrlsPerFile;
  const counts = [];
  for (const source of sources) counts.push({ source, count: await source.count(db) });
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  if (total <= perFile) {
    const entries: SitemapEntry[] = [];
    for (const { source, count } of counts)
      if (count > 0) entries.push(...(await source.list(db, { offset: 0, limit: count })));
    return urlset(options.siteUrl, entries);
  }
  const files = counts.flatMap(({ source, count }) =>
    Array.from({ length: Math.ceil(count / perFile) }, (_, index) =>
      absolute(options.siteUrl, `/sitemaps/${sitemapFileName(source.name, index + 1)}`),
    ),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    files.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('\n') +
    '\n</sitemapindex>\n'
  );
}

/** One file of the index (`/sitemaps/news-2.xml`), or null when there is no such file. */
export async function buildSitemapFile(
  db: Queryable,
  sources: readonly SitemapSource[],
  file: string,
  options: { siteUrl: string; perFile?: number },
): Promise<string | null> {
  const perFile = options.perFile ?? sitemapUrlsPerFile;
  const parsed = parseSitemapFileName(file);
  const source = parsed && sources.find((candidate) => candidate.name === parsed.source);
  if (!parsed || !source) return null;
  const entries = await source.list(db, { offset: (parsed.page - 1) * perFile, limit: perFile });
  if (entries.length === 0) return null;
  return urlset(options.siteUrl, entries);
}
