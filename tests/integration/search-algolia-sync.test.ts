import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import type { Database } from '../../src/server/db/types';
import { createAlgoliaClient, type AlgoliaClient } from '../../src/server/search/algolia/client';
import { createAlgoliaEngine } from '../../src/server/search/algolia/algolia-engine';
import { maxAlgoliaRecordBytes } from '../../src/server/search/algolia/records';
import { reconcileIndex } from '../../src/server/search/algolia/reconcile';
import { reindexAlgolia } from '../../src/server/search/algolia/reindex';
import { algoliaIndexSettings } from '../../src/server/search/algolia/settings';
import { drainOutbox, syncOutboxOnce } from '../../src/server/search/algolia/sync-outbox';
import type { AlgoliaConfig } from '../../src/server/config';
import { searchNetwork } from '../../src/server/search/search-network';
import { startAlgoliaFixture, type AlgoliaFixture } from '../support/algolia-fixture';
import { asUser, testTargets } from '../support/databases';

/**
 * Keeping Algolia in step with the database, against a local fixture of the
 * Algolia REST API: settings from code, reindex, the outbox worker (upserts,
 * deletions, unpublishing, retries with backoff), reconcile, and hits
 * re-checked against the database before they are shown.
 */
const fastRetry = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const indexName = 'sync_test';

describe('algolia sync against the fixture (pglite)', () => {
  let db: Database;
  let fixture: AlgoliaFixture;
  let config: AlgoliaConfig;
  let client: AlgoliaClient;
  const objects = () => fixture.objects(indexName);
  const batchCalls = () =>
    fixture.requests.filter((r) => r.path === `/1/indexes/${indexName}/batch`);
  const idOf = async (table: string, slug: string) =>
    (await db.query<{ id: string }>(`select id from public.${table} where slug = $1`, [slug]))[0]!
      .id;

  beforeAll(async () => {
    db = await testTargets()[0]!.open();
    fixture = await startAlgoliaFixture();
    config = {
      appId: fixture.appId,
      adminKey: fixture.adminKey,
      searchKey: fixture.searchKey,
      indexName,
      hostUrl: fixture.url,
    };
    client = createAlgoliaClient(config, 'admin');
    // A long deliverable, to exercise chunking.
    const paragraph = 'Participatory budgeting lets residents propose and vote on city projects. ';
    await db.query(
      `insert into public.deliverables (slug, kind, title, year, summary, body, themes, published)
       values ('long-participation-guide', 'publication', 'Long guide to participatory budgeting', 2025,
               'A long guide.', $1, '{participation}', true)`,
      [`${paragraph.repeat(300)}Closing words mention the narwhal protocol.`],
    );
    const report = await reindexAlgolia(db, client, config, { retry: fastRetry });
    expect(report.records).toBeGreaterThan(50);
  });
  afterAll(async () => {
    await fixture?.close();
    await db?.close();
  });
  beforeEach(() => {
    fixture.requests.length = 0;
  });

  it('manages the index settings in code', () => {
    expect(fixture.settings(indexName)).toMatchObject({
      searchableAttributes: algoliaIndexSettings.searchableAttributes,
      attributesForFaceting: algoliaIndexSettings.attributesForFaceting,
      customRanking: algoliaIndexSettings.customRanking,
      attributeForDistinct: 'document_id',
      distinct: true,
    });
  });

  it('indexes every record and splits long texts into chunks under the size limit', async () => {
    const [row] = await db.query<{ n: number }>(
      'select count(*)::int as n from public.search_documents',
    );
    const documentIds = new Set([...objects().values()].map((object) => object.document_id));
    expect(documentIds.size).toBe(row!.n);
    const longId = `deliverable:${await idOf('deliverables', 'long-participation-guide')}`;
    const chunks = [...objects().values()].filter((object) => object.document_id === longId);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThanOrEqual(maxAlgoliaRecordBytes);
      expect(chunk.chunk_count).toBe(chunks.length);
    }
    // Distinct groups the chunks: one result, found by words of the last chunk.
    const engine = createAlgoliaEngine(config);
    const result = await asUser(db, null, (tx) =>
      searchNetwork(tx, searchParamsSchema.parse({ q: 'narwhal' }), engine),
    );
    expect(result.hits.map((hit) => hit.title)).toEqual(['Long guide to participatory budgeting']);
  });

  it('sends changes from the outbox, including unpublishing and deletions', async () => {
    const deliverableId = await idOf('deliverables', 'long-participation-guide');
    const chunkCount = [...objects().values()].filter(
      (o) => o.document_id === `deliverable:${deliverableId}`,
    ).length;
    await db.query("update public.cities set name = 'Tromsø kommune' where slug = 'tromso'");
    await db.query(
      "update public.deliverables set published = false where slug = 'long-participation-guide'",
    );
    await db.query(
      "update public.organizations set status = 'pending' where slug = 'demo-urban-data-lab'",
    );
    const report = await drainOutbox(db, client, config, { retry: fastRetry });
    expect(report.upserted).toBeGreaterThanOrEqual(1);
    expect(report.deleted).toBe(2);

    const cityId = await idOf('cities', 'tromso');
    expect(objects().get(`city:${cityId}#0`)?.title).toBe('Tromsø kommune');
    const sent = batchCalls().flatMap(
      (call) =>
        (call.body as { requests: { action: string; body: { objectID: string } }[] }).requests,
    );
    const deletions = sent.filter((r) => r.action === 'deleteObject').map((r) => r.body.objectID);
    for (let chunk = 0; chunk < chunkCount; chunk += 1) {
      expect(deletions).toContain(`deliverable:${deliverableId}#${chunk}`);
    }
    const labId = await idOf('organizations', 'demo-urban-data-lab');
    expect(deletions).toContain(`organization:${labId}#0`);
    expect(
      [...objects().keys()].some((key) => key.startsWith(`deliverable:${deliverableId}`)),
    ).toBe(false);
    const [left] = await db.query<{ n: number }>(
      'select count(*)::int as n from private.search_outbox',
    );
    expect(left!.n).toBe(0);
    // Each batch was confirmed by polling its task until it was published.
    expect(fixture.requests.some((r) => /\/task\/\d+$/.test(r.path))).toBe(true);
  });

  it('retries a failed batch with backoff and succeeds', async () => {
    await db.query("update public.hubs set summary = 'Retried summary' where slug = 'austria'");
    fixture.failNext(2, /\/batch$/, 503);
    const logs: string[] = [];
    const report = await syncOutboxOnce(db, client, config, {
      retry: fastRetry,
      log: (m) => logs.push(m),
    });
    expect(report).toMatchObject({ failed: 0, retries: 2 });
    expect(batchCalls()).toHaveLength(3);
    expect(logs.filter((line) => line.includes('retrying'))).toHaveLength(2);
    const hubId = await idOf('hubs', 'austria');
    expect(objects().get(`hub:${hubId}#0`)?.summary).toBe('Retried summary');
  });

  it('keeps the change in the outbox with a later next attempt when Algolia stays down', async () => {
    await db.query("update public.hubs set summary = 'Outage summary' where slug = 'austria'");
    fixture.failNext(10, /\/batch$/, 500);
    const report = await syncOutboxOnce(db, client, config, {
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      failureBackoff: { attempts: 10, baseDelayMs: 60_000, maxDelayMs: 600_000 },
    });
    expect(report.failed).toBe(1);
    const [row] = await db.query<{ attempts: number; later: boolean; last_error: string }>(
      `select attempts, next_attempt_at > now() + interval '20 seconds' as later, last_error
         from private.search_outbox`,
    );
    expect(row).toMatchObject({ attempts: 1, later: true });
    expect(row!.last_error).toBeTruthy();
    // Not due yet: the next pass leaves it alone; once due, it goes through.
    expect((await syncOutboxOnce(db, client, config, { retry: fastRetry })).claimed).toBe(0);
    fixture.reset();
    await db.query(
      "update private.search_outbox set next_attempt_at = now() - interval '1 second'",
    );
    expect((await syncOutboxOnce(db, client, config, { retry: fastRetry })).upserted).toBe(1);
  });

  it('repairs drift found by reconcile', async () => {
    await reindexAlgolia(db, client, config, { retry: fastRetry });
    await db.query('delete from private.search_outbox');
    const cityId = await idOf('cities', 'kairouan');
    const hubId = await idOf('hubs', 'austria');
    objects().delete(`city:${cityId}#0`);
    objects().get(`hub:${hubId}#0`)!.content_hash = 'old';
    objects().set('city:ghost#0', {
      objectID: 'city:ghost#0',
      document_id: 'city:ghost',
      content_hash: 'x',
      chunk_count: 1,
      title: 'Ghost town',
    });

    const dry = await reconcileIndex(db, client, config, { dryRun: true, retry: fastRetry });
    expect(dry).toMatchObject({
      missing: [`city:${cityId}`],
      stale: [`hub:${hubId}`],
      orphaned: ['city:ghost'],
      repaired: false,
    });
    const repaired = await reconcileIndex(db, client, config, { retry: fastRetry });
    expect(repaired.repaired).toBe(true);
    expect(objects().has(`city:${cityId}#0`)).toBe(true);
    expect(objects().has('city:ghost#0')).toBe(false);
    const clean = await reconcileIndex(db, client, config, { dryRun: true, retry: fastRetry });
    expect([...clean.missing, ...clean.stale, ...clean.orphaned]).toEqual([]);
  });

  it('never shows a hit the database no longer has, and queries with the search key', async () => {
    objects().set('organization:stale#0', {
      objectID: 'organization:stale#0',
      document_id: 'organization:stale',
      chunk: 0,
      chunk_count: 1,
      type: 'organization',
      title: 'Stale Platypus Partner',
      summary: '',
      text: '',
      visible_from_ts: 0,
      hubs: [],
      themes: [],
      sdgs: [],
      content_hash: 'x',
    });
    const engine = createAlgoliaEngine(config);
    const result = await asUser(db, null, (tx) =>
      searchNetwork(tx, searchParamsSchema.parse({ q: 'Platypus' }), engine),
    );
    expect(result.hits).toEqual([]);
    const queries = fixture.requests.filter((r) => r.path.endsWith('/query'));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((r) => r.apiKey === fixture.searchKey)).toBe(true);
  });
});
