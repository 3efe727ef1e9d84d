import type { Database } from '../../db/types';
import type { AlgoliaConfig } from '../../config';
import { loadSearchRecords } from '../document-store';
import type { AlgoliaClient } from './client';
import {
  backoffDelay,
  defaultRetryPolicy,
  planWrites,
  readIndexState,
  saveIndexState,
  sendBatches,
  type RetryPolicy,
} from './index-writer';

export interface OutboxSyncReport {
  claimed: number;
  upserted: number;
  deleted: number;
  failed: number;
  retries: number;
}

export interface OutboxSyncOptions {
  batchSize?: number;
  /** Retries inside one run (short outages). */
  retry?: RetryPolicy;
  /** Backoff between runs once a batch failed every retry: base delay in ms, doubled per failure. */
  failureBackoff?: RetryPolicy;
  /** How long a claim protects rows from other workers. */
  leaseSeconds?: number;
  log?: (message: string) => void;
}

interface ClaimedRow {
  document_id: string;
  revision: string | number;
  attempts: number;
}

/**
 * One pass of the outbox worker: claims due outbox rows (skipping rows other
 * workers hold), sends the current state of those records to Algolia in
 * batches (upserts, chunk removals, and deletions of records that were
 * deleted or unpublished), then clears each row only if it was not changed
 * again meanwhile. A batch that keeps failing is retried with exponential
 * backoff, first within this run, then on later runs (`next_attempt_at`).
 */
export async function syncOutboxOnce(
  db: Database,
  client: AlgoliaClient,
  config: Pick<AlgoliaConfig, 'indexName'>,
  options: OutboxSyncOptions = {},
): Promise<OutboxSyncReport> {
  const batchSize = options.batchSize ?? 500;
  const retry = options.retry ?? defaultRetryPolicy;
  const failureBackoff = options.failureBackoff ?? {
    attempts: 20,
    baseDelayMs: 5_000,
    maxDelayMs: 15 * 60_000,
  };
  const lease = options.leaseSeconds ?? 120;
  const report: OutboxSyncReport = { claimed: 0, upserted: 0, deleted: 0, failed: 0, retries: 0 };

  const claimed = await db.transaction((tx) =>
    tx.query<ClaimedRow>(
      `update private.search_outbox o
          set claimed_until = now() + make_interval(secs => $2)
        where o.document_id in (
          select document_id from private.search_outbox
           where next_attempt_at <= now() and (claimed_until is null or claimed_until < now())
           order by enqueued_at, document_id
           limit $1
           for update skip locked)
        returning o.document_id, o.revision, o.attempts`,
      [batchSize, lease],
    ),
  );
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const ids = claimed.map((row) => row.document_id);
  const records = await loadSearchRecords(db, ids);
  const present = new Set(records.map((record) => record.id));
  const gone = ids.filter((id) => !present.has(id));
  const known = await readIndexState(db, ids);
  const plan = planWrites(records, gone, known);

  try {
    await sendBatches(client, config.indexName, plan.requests, retry, (attempt, error, delay) => {
      report.retries += 1;
      options.log?.(
        `Algolia write failed (attempt ${attempt}), retrying in ${delay} ms: ${String(error)}`,
      );
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const maxAttempts = Math.max(...claimed.map((row) => row.attempts)) + 1;
    const delayMs = backoffDelay(maxAttempts, failureBackoff);
    await db.query(
      `update private.search_outbox o
          set attempts = o.attempts + 1, claimed_until = null, last_error = left($3, 1000),
              next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
         from unnest($1::text[], $2::bigint[]) as c(id, revision)
        where o.document_id = c.id and o.revision = c.revision`,
      [ids, claimed.map((row) => String(row.revision)), message, delayMs],
    );
    report.failed = claimed.length;
    options.log?.(
      `Algolia sync failed for ${claimed.length} records; next try in ${delayMs} ms: ${message}`,
    );
    return report;
  }

  await db.transaction(async (tx) => {
    await saveIndexState(tx, plan.states, plan.removed);
    await tx.query(
      `delete from private.search_outbox o
        using unnest($1::text[], $2::bigint[]) as c(id, revision)
        where o.document_id = c.id and o.revision = c.revision`,
      [ids, claimed.map((row) => String(row.revision))],
    );
  });
  report.upserted = records.length;
  report.deleted = gone.length;
  return report;
}

/** Runs passes until the outbox has nothing due (or `maxPasses`), for tests and `--once`. */
export async function drainOutbox(
  db: Database,
  client: AlgoliaClient,
  config: Pick<AlgoliaConfig, 'indexName'>,
  options: OutboxSyncOptions & { maxPasses?: number } = {},
): Promise<OutboxSyncReport> {
  const total: OutboxSyncReport = { claimed: 0, upserted: 0, deleted: 0, failed: 0, retries: 0 };
  for (let pass = 0; pass < (options.maxPasses ?? 1_000); pass += 1) {
    const report = await syncOutboxOnce(db, client, config, options);
    for (const key of Object.keys(total) as (keyof OutboxSyncReport)[]) total[key] += report[key];
    if (report.claimed === 0 || report.failed > 0) break;
  }
  return total;
}
