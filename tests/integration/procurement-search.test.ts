import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import type { Database } from '../../src/server/db/types';
import { withRequestContext } from '../../src/server/db/request-context';
import { searchNetwork } from '../../src/server/search/search-network';
import { demoProcessId } from '../../src/server/seed/seed-procurement';
import { testTargets } from '../support/databases';
import { claimsOf, type Persona } from '../support/personas';

/**
 * Published notices are search records (type `procurement`, the city's
 * hubs and country as facets); a plan without a notice and a draft are not,
 * for anyone, and a record leaves search when its notice's process is gone.
 */
describe.each(testTargets())('procurement search records on $name', (target) => {
  let db: Database;
  const search = (persona: Persona, params: Record<string, string>) =>
    withRequestContext(
      claimsOf(persona),
      (rdb) => searchNetwork(rdb, searchParamsSchema.parse(params)),
      () => Promise.resolve(db),
    );

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('indexes published notices with their hubs and country, and nothing else', async () => {
    const rows = await db.query<{
      source_id: string;
      hubs: string[];
      country: string;
      subtype: string;
    }>(
      `select source_id, hubs, country, subtype from public.search_documents where type = 'procurement' order by source_id`,
    );
    const published = [
      'fjordby-school-routes',
      'lakeside-water-meters',
      'fjordby-air-quality',
      'riverton-digital-permits',
    ];
    expect(rows.map((r) => r.source_id).sort()).toEqual(published.map(demoProcessId).sort());
    const school = rows.find((r) => r.source_id === demoProcessId('fjordby-school-routes'))!;
    expect(school).toMatchObject({ country: 'NO', subtype: 'market' });
    expect(school.hubs).toContain('demo-nordic-hub');
  });

  it('finds a notice by its words for visitors and members alike, never a plan or a draft', async () => {
    for (const persona of ['anon', 'member', 'cityEditor'] as const) {
      const found = await search(persona, { q: 'walking routes school', type: 'procurement' });
      expect(
        found.hits.map((h) => h.url),
        persona,
      ).toContain(`/procurement/${demoProcessId('fjordby-school-routes')}`);
      // Typo correction and the any-word fallback may find other notices; never these two.
      const plan = await search(persona, { q: 'street flooding warning', type: 'procurement' });
      expect(
        plan.hits.map((h) => h.url),
        persona,
      ).not.toContain(`/procurement/${demoProcessId('fjordby-flood-sensors')}`);
      const draft = await search(persona, { q: 'harbour Wi-Fi' });
      expect(
        draft.hits.map((h) => h.url),
        persona,
      ).not.toContain(`/procurement/${demoProcessId('fjordby-public-wifi')}`);
    }
  });

  it('renames follow: a city renamed is in its processes’ records in the same transaction', async () => {
    await db
      .transaction(async (tx) => {
        await tx.query(
          `update public.cities set name = 'Fjordby Renamed (demo)' where slug = 'demo-fjordby'`,
        );
        const [row] = await tx.query<{ links: { title: string }[] }>(
          `select links from public.search_documents where id = $1`,
          [`procurement:${demoProcessId('fjordby-school-routes')}`],
        );
        expect(row!.links[0]!.title).toBe('Fjordby Renamed (demo)');
        throw Object.assign(new Error('rollback'), { rollback: true });
      })
      .catch((error: { rollback?: boolean }) => {
        if (!error.rollback) throw error;
      });
  });
});
