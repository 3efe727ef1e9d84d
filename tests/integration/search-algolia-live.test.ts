import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import type { Database } from '../../src/server/db/types';
import { createAlgoliaClient, type AlgoliaClient } from '../../src/server/search/algolia/client';
import { createAlgoliaEngine } from '../../src/server/search/algolia/algolia-engine';
import { reconcileIndex } from '../../src/server/search/algolia/reconcile';
import { reindexAlgolia } from '../../src/server/search/algolia/reindex';
import { drainOutbox } from '../../src/server/search/algolia/sync-outbox';
import type { AlgoliaConfig } from '../../src/server/config';
import { searchNetwork } from '../../src/server/search/search-network';
import { asUser, testTargets } from '../support/databases';

/**
 * The Algolia engine against a real Algolia application, in a throwaway
 * index. Runs only when ALGOLIA_LIVE_APP_ID and ALGOLIA_LIVE_ADMIN_KEY are set
 * (separate from ALGOLIA_APP_ID so a developer's configured index is never
 * touched by tests).
 */
const appId = process.env.ALGOLIA_LIVE_APP_ID;
const adminKey = process.env.ALGOLIA_LIVE_ADMIN_KEY;
const live = Boolean(appId && adminKey);
if (!live) {
  console.warn(
    '\n[skipped] The live Algolia suite needs ALGOLIA_LIVE_APP_ID and ALGOLIA_LIVE_ADMIN_KEY (and optionally ALGOLIA_LIVE_SEARCH_KEY).\n',
  );
}

describe.skipIf(!live)('algolia engine against the live service', () => {
  let db: Database;
  let client: AlgoliaClient;
  const config: AlgoliaConfig = {
    appId: appId ?? '',
    adminKey: adminKey ?? '',
    searchKey: process.env.ALGOLIA_LIVE_SEARCH_KEY ?? adminKey ?? '',
    indexName: `portal_test_${Date.now().toString(36)}`,
  };

  beforeAll(async () => {
    db = await testTargets()[0]!.open();
    client = createAlgoliaClient(config, 'admin');
    await reindexAlgolia(db, client, config);
  }, 180_000);
  afterAll(async () => {
    await client?.deleteIndex({ indexName: config.indexName }).catch(() => {});
    await db?.close();
  });

  it('finds seeded records by title, number, accents and a typo', async () => {
    const engine = createAlgoliaEngine(config);
    const run = (q: string) =>
      asUser(db, null, (tx) => searchNetwork(tx, searchParamsSchema.parse({ q }), engine));
    expect((await run('Y.4903')).hits.some((hit) => hit.url === '/deliverables/itu-t-y-4903')).toBe(
      true,
    );
    expect((await run('Tromso')).hits[0]?.title).toBe('Tromsø');
    expect((await run('Singapur')).hits[0]?.title).toBe('Singapore');
  });

  it('applies unpublishing through the outbox and reports no drift', async () => {
    await db.query("update public.deliverables set published = false where slug = 'itu-t-y-4903'");
    await drainOutbox(db, client, config);
    const report = await reconcileIndex(db, client, config, { dryRun: true });
    expect([...report.missing, ...report.stale, ...report.orphaned]).toEqual([]);
  });
});
