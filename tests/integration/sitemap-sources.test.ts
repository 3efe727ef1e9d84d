import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { buildSitemap, buildSitemapFile } from '../../src/server/sitemap/build-sitemap';
import { listSitemapSourceFiles, listSitemapSources } from '../../src/server/sitemap/registry';
import { testTargets } from '../support/databases';
import { claimsOf } from '../support/personas';

const siteUrl = 'https://portal.example.org';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);

/** Runs `fn` as a persona after the owner has prepared rows, all in one rolled-back transaction. */
async function preparedAs<T>(
  db: Database,
  persona: 'anon' | 'coordinator' | 'admin',
  prepare: (tx: Queryable) => Promise<unknown>,
  fn: (tx: Queryable) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      await prepare(tx);
      const claims = claimsOf(persona);
      await tx.query(
        "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
        [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
      );
      result = await fn(tx);
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return result as T;
}

describe.each(testTargets())('the sitemap registry on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('finds one valid source per domain file, with unique names', () => {
    const files = listSitemapSourceFiles();
    expect(files.map(({ file }) => file)).toEqual(
      expect.arrayContaining(['../hubs/sitemap.ts', '../news/sitemap.ts', '../kpis/sitemap.ts']),
    );
    for (const { file, source } of files) {
      expect(source, `${file} exports sitemapSource`).toBeDefined();
      expect(source!.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const names = listSitemapSources().map((source) => source.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists public pages only, for a visitor and for a coordinator who can see drafts', async () => {
    const prepare = (tx: Queryable) =>
      tx.query(
        `update public.news_items set published_at = now() + interval '1 day'
          where slug = 'demo-austrian-hub-kpi-workshop-recap'`,
      );
    for (const persona of ['anon', 'coordinator', 'admin'] as const) {
      const urls = await preparedAs(db, persona, prepare, async (tx) =>
        locs(await buildSitemap(tx, listSitemapSources(), { siteUrl })),
      );
      expect(urls, persona).toEqual(
        expect.arrayContaining([
          `${siteUrl}/`,
          `${siteUrl}/privacy`,
          `${siteUrl}/hubs/austria`,
          `${siteUrl}/cities/tromso`,
          `${siteUrl}/directory/demo-sensorwerk`,
          `${siteUrl}/directory/match`,
          `${siteUrl}/register/organization`,
          `${siteUrl}/deliverables/itu-t-y-4903`,
          `${siteUrl}/kpis/ec-ict-ict-1c`,
          `${siteUrl}/cities/demo-fjordby/kpis/2025`,
          `${siteUrl}/events/demo-austrian-hub-smart-city-dialogue`,
          `${siteUrl}/case-studies/demo-fjordby-on-demand-buses`,
          `${siteUrl}/peers`,
        ]),
      );
      // Not public: a scheduled item, a draft, a pending organization.
      for (const hidden of [
        '/news/demo-austrian-hub-kpi-workshop-recap',
        '/news/demo-austrian-hub-draft-annual-report',
        '/directory/demo-pending-mobility',
        '/case-studies/demo-fjordby-digital-skills-for-girls',
        '/case-studies/demo-fjordby-flood-warning',
      ])
        expect(urls, `${persona}: ${hidden}`).not.toContain(`${siteUrl}${hidden}`);
      expect(new Set(urls).size, 'no URL twice').toBe(urls.length);
    }
  });

  it('turns into a sitemap index past the per-file bound, and each file lists its slice', async () => {
    const sources = listSitemapSources();
    const { whole, index, kpisFirst, kpisLast, beyond } = await preparedAs(
      db,
      'anon',
      async () => undefined,
      async (tx) => ({
        whole: locs(await buildSitemap(tx, sources, { siteUrl })),
        index: await buildSitemap(tx, sources, { siteUrl, perFile: 50 }),
        kpisFirst: await buildSitemapFile(tx, sources, 'kpis-1.xml', { siteUrl, perFile: 50 }),
        kpisLast: await buildSitemapFile(tx, sources, 'kpis-2.xml', { siteUrl, perFile: 50 }),
        beyond: await buildSitemapFile(tx, sources, 'kpis-3.xml', { siteUrl, perFile: 50 }),
      }),
    );
    expect(index).toContain('<sitemapindex');
    expect(locs(index)).toEqual(
      expect.arrayContaining([`${siteUrl}/sitemaps/kpis-1.xml`, `${siteUrl}/sitemaps/kpis-2.xml`]),
    );
    expect(locs(index)).not.toContain(`${siteUrl}/sitemaps/kpis-3.xml`);
    const kpis = [...locs(kpisFirst!), ...locs(kpisLast!)];
    expect(kpis).toHaveLength(91);
    expect(new Set(kpis).size).toBe(91);
    expect(kpis.every((url) => whole.includes(url))).toBe(true);
    expect(beyond).toBeNull();
  });
});
