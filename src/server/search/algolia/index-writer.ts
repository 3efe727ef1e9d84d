import type { SearchRecord } from '../../../lib/search/record-schema';
import type { Queryable } from '../../db/types';
import type { AlgoliaClient } from './client';
import { chunkObjectId, toAlgoliaObjects } from './records';

/** How often and how patiently a write to Algolia is retried. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Exponential backoff with full jitter: attempt 1 waits up to base, attempt 2 up to 2×base… */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until it succeeds or the policy's attempts are used up, waiting
 * with exponential backoff between attempts. Client errors other than 429
 * (a malformed request) are not retried: they would fail the same way.
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void,
): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      const status = (error as { status?: number }).status;
      const permanent =
        typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
      if (permanent || attempt >= policy.attempts) throw error;
      const delay = backoffDelay(attempt, policy);
      onRetry?.(attempt, error, delay);
      await sleep(delay);
    }
  }
}

export interface IndexState {
  documentId: string;
  chunkCount: number;
  contentHash: string;
}

export interface BatchRequest {
  action: 'addObject' | 'deleteObject';
  body: Record<string, unknown>;
}

export interface WritePlan {
  requests: BatchRequest[];
  states: IndexState[];
  removed: string[];
}

/**
 * The batch requests that make the index match these records: every chunk of
 * each current record, deletions of chunks it no longer has, and deletions of
 * every chunk of records that are gone (deleted, unpublished, made private).
 */
export function planWrites(
  records: readonly SearchRecord[],
  goneIds: readonly string[],
  known: ReadonlyMap<string, IndexState>,
): WritePlan {
  const requests: BatchRequest[] = [];
  const states: IndexState[] = [];
  for (const record of records) {
    const objects = toAlgoliaObjects(record);
    for (const object of objects) requests.push({ action: 'addObject', body: { ...object } });
    const previous = known.get(record.id)?.chunkCount ?? 0;
    for (let chunk = objects.length; chunk < previous; chunk += 1) {
      requests.push({
        action: 'deleteObject',
        body: { objectID: chunkObjectId(record.id, chunk) },
      });
    }
    states.push({
      documentId: record.id,
      chunkCount: objects.length,
      contentHash: record.content_hash,
    });
  }
  for (const id of goneIds) {
    const count = Math.max(1, known.get(id)?.chunkCount ?? 1);
    for (let chunk = 0; chunk < count; chunk += 1) {
      requests.push({ action: 'deleteObject', body: { objectID: chunkObjectId(id, chunk) } });
    }
  }
  return { requests, states, removed: [...goneIds] };
}

/** Sends the requests in batches of up to 1,000 and waits until Algolia has applied them. */
export async function sendBatches(
  client: AlgoliaClient,
  indexName: string,
  requests: readonly BatchRequest[],
  policy: RetryPolicy,
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void,
): Promise<void> {
  for (let start = 0; start < requests.length; start += 1_000) {
    const slice = requests.slice(start, start + 1_000);
    const response = await withRetries(
      () => client.batch({ indexName, batchWriteParams: { requests: slice } }),
      policy,
      onRetry,
    );
    await withRetries(
      () => client.waitForTask({ indexName, taskID: response.taskID }),
      policy,
      onRetry,
    );
  }
}

/** What the index holds for these records, as last confirmed. */
export async function readIndexState(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, IndexState>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ document_id: string; chunk_count: number; content_hash: string }>(
    `select document_id, chunk_count, content_hash from private.search_index_state
      where document_id = any($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.document_id,
      { documentId: row.document_id, chunkCount: row.chunk_count, contentHash: row.content_hash },
    ]),
  );
}

/** Records what the index now holds, after a successful write. */
export async function saveIndexState(
  db: Queryable,
  states: readonly IndexState[],
  removed: readonly string[],
): Promise<void> {
  if (states.length > 0) {
    await db.query(
      `insert into private.search_index_state (document_id, chunk_count, content_hash, indexed_at)
       select s.id, s.n, s.h, now()
         from unnest($1::text[], $2::int[], $3::text[]) as s(id, n, h)
       on conflict (document_id) do update set
         chunk_count = excluded.chunk_count, content_hash = excluded.content_hash, indexed_at = now()`,
      [
        states.map((s) => s.documentId),
        states.map((s) => s.chunkCount),
        states.map((s) => s.contentHash),
      ],
    );
  }
  if (removed.length > 0) {
    await db.query('delete from private.search_index_state where document_id = any($1::text[])', [
      removed,
    ]);
  }
}
