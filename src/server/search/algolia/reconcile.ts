import type { Database } from '../../db/types';
import type { AlgoliaConfig } from '../../config';
import { listRecordHashes, loadSearchRecords } from '../document-store';
import type { AlgoliaClient } from './client';
import {
  defaultRetryPolicy,
  planWrites,
  saveIndexState,
  sendBatches,
  withRetries,
  type BatchRequest,
  type IndexState,
  type RetryPolicy,
} from './index-writer';

export interface ReconcileReport {
  indexed: number;
  inDatabase: number;
  missing: string[];
  stale: string[];
  orphaned: string[];
  repaired: boolean;
}

interface IndexedDocument {
  hashes: Set<string>;
  objectIds: Set<string>;
  chunkCount: number;
}

/** Reads every object of the index (ids and hashes only), grouped by record. */
async function browseIndex(
  client: AlgoliaClient,
  indexName: string,
  retry: RetryPolicy,
): Promise<Map<string, IndexedDocument>> {
  const documents = new Map<string, IndexedDocument>();
  let cursor: string | undefined;
  do {
    const page = await withRetries(
      () =>
        client.browse<{ document_id?: string; content_hash?: string; chunk_count?: number }>({
          indexName,
          browseParams: {
            attributesToRetrieve: ['document_id', 'content_hash', 'chunk_count'],
            hitsPerPage: 1000,
            ...(cursor ? { cursor } : {}),
          },
        }),
      retry,
    );
    for (const hit of page.hits) {
      const id = hit.document_id ?? hit.objectID.replace(/#\d+$/, '');
      const entry = documents.get(id) ?? { hashes: new Set(), objectIds: new Set(), chunkCount: 0 };
      if (hit.content_hash) entry.hashes.add(hit.content_hash);
      entry.objectIds.add(hit.objectID);
      entry.chunkCount = Math.max(entry.chunkCount, hit.chunk_count ?? 1);
      documents.set(id, entry);
    }
    cursor = page.cursor;
  } while (cursor);
  return documents;
}

/**
 * Compares the database with the Algolia index and repairs the drift: records
 * missing from the index or indexed with an old content hash are sent again,
 * objects of records that no longer exist (or stray chunks) are deleted.
 * With `dryRun` it only reports.
 */
export async function reconcileIndex(
  db: Database,
  client: AlgoliaClient,
  config: Pick<AlgoliaConfig, 'indexName'>,
  options: { dryRun?: boolean; retry?: RetryPolicy } = {},
): Promise<ReconcileReport> {
  const retry = options.retry ?? defaultRetryPolicy;
  const [indexed, hashes] = await Promise.all([
    browseIndex(client, config.indexName, retry),
    listRecordHashes(db),
  ]);
  const missing: string[] = [];
  const stale: string[] = [];
  const orphaned: string[] = [];
  for (const [id, hash] of hashes) {
    const entry = indexed.get(id);
    if (!entry) missing.push(id);
    else if (
      entry.hashes.size !== 1 ||
      !entry.hashes.has(hash) ||
      entry.objectIds.size !== entry.chunkCount
    ) {
      stale.push(id);
    }
  }
  for (const id of indexed.keys()) if (!hashes.has(id)) orphaned.push(id);

  const report: ReconcileReport = {
    indexed: indexed.size,
    inDatabase: hashes.size,
    missing,
    stale,
    orphaned,
    repaired: false,
  };
  if (options.dryRun || missing.length + stale.length + orphaned.length === 0) return report;

  const toSend = [...missing, ...stale];
  for (let start = 0; start < toSend.length; start += 500) {
    const records = await loadSearchRecords(db, toSend.slice(start, start + 500));
    // Delete every object the index holds for a stale record that the new
    // chunks do not overwrite.
    const plan = planWrites(records, [], new Map<string, IndexState>());
    const written = new Set(plan.requests.map((request) => String(request.body.objectID)));
    const extra: BatchRequest[] = [];
    for (const record of records) {
      for (const objectId of indexed.get(record.id)?.objectIds ?? []) {
        if (!written.has(objectId))
          extra.push({ action: 'deleteObject', body: { objectID: objectId } });
      }
    }
    await sendBatches(client, config.indexName, [...plan.requests, ...extra], retry);
    await saveIndexState(db, plan.states, []);
  }
  const deletions: BatchRequest[] = orphaned.flatMap((id) =>
    [...(indexed.get(id)?.objectIds ?? [])].map((objectID) => ({
      action: 'deleteObject' as const,
      body: { objectID },
    })),
  );
  await sendBatches(client, config.indexName, deletions, retry);
  await saveIndexState(db, [], orphaned);
  report.repaired = true;
  return report;
}
