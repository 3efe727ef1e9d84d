import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partsToText } from '../../src/lib/search/highlight';
import { searchParamsSchema, type SearchResponse } from '../../src/lib/search/query-schema';
import type { Database } from '../../src/server/db/types';
import { createAlgoliaClient } from '../../src/server/search/algolia/client';
import { createAlgoliaEngine } from '../../src/server/search/algolia/algolia-engine';
import { reindexAlgolia } from '../../src/server/search/algolia/reindex';
import type { AlgoliaConfig } from '../../src/server/config';
import type { SearchEngine } from '../../src/server/search/engine';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { startAlgoliaFixture, type AlgoliaFixture } from '../support/algolia-fixture';
import { asUser, testTargets } from '../support/databases';
import { allPersonas, claimsOf, type Persona } from '../support/personas';

/**
 * One contract for every search engine: the same queries on the seed must
 * give the same kind of answer whether the Postgres engine answers (on PGlite
 * and on the PostgreSQL server) or the Algolia engine (against the local
 * fixture of Algolia's API, fed by the real reindex job).
 */
interface EngineCase {
  name: string;
  setup(): Promise<{ db: Database; engine: SearchEngine; teardown(): Promise<void> }>;
}

const cases: EngineCase[] = testTargets().map((target) => ({
  name: `postgres engine on ${target.name}`,
  async setup() {
    const db = await target.open();
    return { db, engine: postgresSearchEngine, teardown: () => db.close() };
  },
}));

cases.push({
  name: 'algolia engine against the fixture',
  async setup() {
    const db = await testTargets()[0]!.open();
    const fixture: AlgoliaFixture = await startAlgoliaFixture();
    const config: AlgoliaConfig = {
      appId: fixture.appId,
      adminKey: fixture.adminKey,
      searchKey: fixture.searchKey,
      indexName: 'contract',
      hostUrl: fixture.url,
    };
    await reindexAlgolia(db, createAlgoliaClient(config, 'admin'), config, {
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    return {
      db,
      engine: createAlgoliaEngine(config),
      async teardown() {
        await fixture.close();
        await db.close();
      },
    };
  },
});

describe.each(cases)('search contract: $name', (engineCase) => {
  let db: Database;
  let engine: SearchEngine;
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    ({ db, engine, teardown } = await engineCase.setup());
  });
  afterAll(() => teardown());

  const search = (
    raw: Record<string, unknown>,
    persona: Persona = 'anon',
  ): Promise<SearchResponse> =>
    asUser(db, claimsOf(persona), (tx) => searchNetwork(tx, searchParamsSchema.parse(raw), engine));
  const titles = (result: SearchResponse) => result.hits.map((hit) => hit.title);

  it('finds a deliverable by its exact title first', async () => {
    const result = await search({
      q: 'Key performance indicators for smart sustainable cities to assess the achievement of sustainable development goals',
    });
    expect(result.hits[0]?.code).toBe('ITU-T Y.4903/L.1603');
    expect(result.hits[0]?.url).toBe('/deliverables/itu-t-y-4903');
  });

  it('finds a Recommendation by its number', async () => {
    const result = await search({ q: 'Y.4903' });
    expect(result.hits[0]?.url).toBe('/deliverables/itu-t-y-4903');
    expect(result.hits[0]?.type).toBe('deliverable');
  });

  it('finds cities whose names have accents when typed without them', async () => {
    expect((await search({ q: 'Tromso' })).hits[0]?.title).toBe('Tromsø');
    expect((await search({ q: 'Alesund' })).hits[0]?.title).toBe('Ålesund');
  });

  it('tolerates a typo', async () => {
    expect((await search({ q: 'Singapur' })).hits[0]?.title).toBe('Singapore');
    expect(titles(await search({ q: 'blockchian' }))).toContain(
      'Blockchain for smart sustainable cities',
    );
  });

  it('matches the last word as a prefix, for search as you type', async () => {
    expect((await search({ q: 'Troms' })).hits[0]?.title).toBe('Tromsø');
    expect(titles(await search({ q: 'Sensorw' }))).toContain('Sensorwerk GmbH (demo)');
  });

  it('returns hits in the one record shape, with highlighted matches and links', async () => {
    const result = await search({ q: 'Tromso' });
    const city = result.hits[0]!;
    expect(city).toMatchObject({
      type: 'city',
      url: '/cities/tromso',
      country: 'NO',
      isDemo: false,
    });
    const marked = [...city.titleParts, ...city.snippet]
      .filter((part) => part.highlighted)
      .map((p) => p.text);
    expect(marked.some((text) => text.startsWith('Troms'))).toBe(true);
    expect(partsToText(city.titleParts)).toBe('Tromsø');

    const fjordby = (await search({ q: 'Fjordby' })).hits.find((hit) => hit.type === 'city')!;
    expect(fjordby.links).toEqual([
      expect.objectContaining({ type: 'hub', relation: 'hub', title: 'Nordic Hub (demo)' }),
    ]);
    expect(fjordby.hubs).toEqual([{ slug: 'demo-nordic-hub', name: 'Nordic Hub (demo)' }]);
    const hub = (await search({ q: 'Nordic Hub' })).hits.find((hit) => hit.type === 'hub')!;
    expect(hub.backlinks.byType.city).toBe(2);
  });

  it('counts facets and narrows results by a facet', async () => {
    const all = await search({ q: 'Norway' });
    const cityFacet = all.facets.type.find((facet) => facet.value === 'city');
    expect(cityFacet?.count).toBeGreaterThan(0);
    const cities = await search({ q: 'Norway', type: 'city' });
    expect(cities.total).toBe(cityFacet!.count);
    expect(cities.hits.every((hit) => hit.type === 'city')).toBe(true);
    expect(cities.total).toBeLessThan(all.total);
    // A facet still counts its other values while it is selected.
    expect(cities.facets.type.length).toBeGreaterThan(1);
    // The other facets count what the filter leaves.
    const countries = cities.facets.country.reduce((sum, facet) => sum + facet.count, 0);
    const withCountry = (await search({ q: 'Norway', type: 'city', pageSize: 50 })).hits.filter(
      (hit) => hit.country !== null,
    ).length;
    expect(countries).toBe(withCountry);

    const nordic = await search({ q: '', hub: 'demo-nordic-hub' });
    expect(titles(nordic)).toEqual(
      expect.arrayContaining(['Fjordby (demo)', 'Lakeside (demo)', 'Nordic Hub (demo)']),
    );
    expect(nordic.hits.every((hit) => hit.hubs.some((hub) => hub.slug === 'demo-nordic-hub'))).toBe(
      true,
    );
    expect(nordic.facets.hub.find((facet) => facet.value === 'demo-nordic-hub')?.label).toBe(
      'Nordic Hub (demo)',
    );

    const kpiCities = await search({ q: '', type: 'city', theme: 'kpis' });
    expect(kpiCities.total).toBeGreaterThan(5);
    const norwegian = await search({ q: '', type: 'city', country: 'no' });
    expect(norwegian.total).toBeGreaterThan(3);
    expect(norwegian.hits.every((hit) => hit.country === 'NO')).toBe(true);
    expect(all.facets.country.map((facet) => facet.value)).toContain('NO');
  });

  it('pages through results without repeating any', async () => {
    const first = await search({ q: 'smart', pageSize: 5, page: 1 });
    const second = await search({ q: 'smart', pageSize: 5, page: 2 });
    expect(first.total).toBeGreaterThan(10);
    expect(second.total).toBe(first.total);
    expect(first.hits).toHaveLength(5);
    expect(second.hits).toHaveLength(5);
    const ids = new Set(first.hits.map((hit) => hit.id));
    expect(second.hits.some((hit) => ids.has(hit.id))).toBe(false);
  });

  it.each(allPersonas)('never shows a pending organization to %s', async (persona) => {
    const result = await search({ q: 'Pending Mobility' }, persona);
    expect(result.hits.some((hit) => hit.title.includes('Pending Mobility'))).toBe(false);
    const browse = await search({ q: '', type: 'organization', pageSize: 50 }, persona);
    expect(titles(browse)).not.toContain('Pending Mobility Ltd (demo)');
    expect(titles(browse)).toContain('Sensorwerk GmbH (demo)');
  });
});
