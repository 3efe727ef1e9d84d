/**
 * `npm run search:worker [-- --once]`: the outbox worker. Sends committed
 * changes of search records to Algolia in batches, with retries and backoff,
 * polling every SEARCH_WORKER_INTERVAL_MS (default 2000). `--once` drains the
 * outbox and exits (for cron-style deployments). Stops cleanly on SIGINT/SIGTERM.
 */
import './load-env';
import { drainOutbox, syncOutboxOnce } from '../src/server/search/algolia/sync-outbox';
import { getConfig } from '../src/server/config';
import { openSearchJob, runJob } from './search-common';

const intervalMs = getConfig().search.workerIntervalMs;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
  });
}

runJob(async () => {
  const job = await openSearchJob('search:worker');
  if (!job) return;
  const log = (message: string) => console.log(`[search-worker] ${message}`);
  if (process.argv.includes('--once')) {
    const report = await drainOutbox(job.db, job.client, job.config, { log });
    log(
      `sent ${report.upserted} upserts and ${report.deleted} deletions (${report.failed} failed)`,
    );
    if (report.failed > 0) process.exitCode = 1;
    return;
  }
  log(`polling every ${intervalMs} ms`);
  while (!stopping) {
    const report = await syncOutboxOnce(job.db, job.client, job.config, { log }).catch(
      (error: unknown) => {
        log(`pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
    if (report && report.claimed > 0) {
      log(
        `sent ${report.upserted} upserts and ${report.deleted} deletions${report.failed ? `, ${report.failed} failed` : ''}`,
      );
    }
    if (!report || report.claimed === 0 || report.failed > 0) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  log('stopped');
});
