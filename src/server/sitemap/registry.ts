import type { SitemapSource } from './sitemap-source';
import { staticPagesSitemapSource } from './static-pages';

/**
 * Every sitemap source: the fixed pages, then one per domain. A domain
 * registers by adding one file, `src/server/<domain>/sitemap.ts`, that
 * exports `sitemapSource` (built with `sqlSitemapSource` or
 * `staticSitemapSource`); nothing else changes. The files are found at build
 * time (Vite's `import.meta.glob`), so a source cannot be forgotten in a list;
 * `tests/unit/sitemap.test.ts` checks that each file exports a valid source
 * and that names are unique.
 */
const domainFiles = import.meta.glob<{ sitemapSource?: SitemapSource }>('../*/sitemap.ts', {
  eager: true,
});

/** The sources found, with the file each came from (for the registry test). */
export function listSitemapSourceFiles(): { file: string; source: SitemapSource | undefined }[] {
  return Object.entries(domainFiles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, module]) => ({ file, source: module.sitemapSource }));
}

/** The registered sources, in a stable order (fixed pages first, then domains by folder). */
export function listSitemapSources(): SitemapSource[] {
  return [
    staticPagesSitemapSource,
    ...listSitemapSourceFiles().flatMap(({ source }) => (source ? [source] : [])),
  ];
}
