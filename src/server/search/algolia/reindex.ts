import type { Database } from '../../db/types';
import type { AlgoliaConfig } from '../../config';
import { countSearchRecords, iterateSearchRecords } from '../document-store';
import type { AlgoliaClient } from './client';
import {
  defaultRetryPolicy,
  planWrites,
  readIndexState,
  saveIndexState,
  sendBatches,
  withRetries,
  type RetryPolicy,
} from './index-writer';
import { reconcileIndex, type ReconcileReport } from './reconcile';
import { algoliaIndexSettings } from './settings';

export interface ReindexOptions {
  /** Re-derive every record from its source tables first (`private.search_rebuild()`). */
  rebuild?: boolean;
  pageSize?: number;
  retry?: RetryPolicy;
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
}

export interface ReindexReport {
  records: number;
  objects: number;
  reconcile: ReconcileReport;
}

/** Applies the settings from code and waits until Algolia has them. */
export async function applyIndexSettings(
  client: AlgoliaClient,
  config: Pick<AlgoliaConfig, 'indexName'>,
  retry: RetryPolicy = defaultRetryPolicy,
): Promise<void> {
  const response = await withRetries(
    () => client.setSettings({ indexName: config.indexName, indexSettings: algoliaIndexSettings }),
    retry,
  );
  await withRetries(
    () => client.waitForTask({ indexName: config.indexName, taskID: response.taskID }),
    retry,
  );
}

/**
 * Rebuilds the Algolia index from the database: settings from code, every
 * record sent page by page (the index stays searchable throughout), then a
 * reconcile pass that deletes objects whose records no longer exist.
 */
export async function reindexAlgolia(
  db: Database,
  client: AlgoliaClient,
  config: Pick<AlgoliaConfig, 'indexName'>,
  options: ReindexOptions = {},
): Promise<ReindexReport> {
  const retry = options.retry ?? defaultRetryPolicy;
  if (options.rebuild) await db.query('select private.search_rebuild()');
  await applyIndexSettings(client, config, retry);
  options.onStart?.(await countSearchRecords(db));
  let records = 0;
  let objects = 0;
  for await (const page of iterateSearchRecords(db, options.pageSize ?? 500)) {
    const known = await readIndexState(
      db,
      page.map((record) => record.id),
    );
    const plan = planWrites(page, [], known);
    await sendBatches(client, config.indexName, plan.requests, retry);
    await saveIndexState(db, plan.states, []);
    records += page.length;
    objects += plan.requests.filter((request) => request.action === 'addObject').length;
    options.onProgress?.(records);
  }
  const reconcile = await reconcileIndex(db, client, config, { retry });
  return { records, objects, reconcile };
}
