/**
 * `npm run search:reindex [-- --rebuild]`: rebuilds the Algolia index from the
 * database with a progress bar (settings from code, every record, then a
 * reconcile pass that removes objects of records that no longer exist).
 * `--rebuild` first re-derives every search record from its source tables.
 */
import './load-env';
import cliProgress from 'cli-progress';
import { reindexAlgolia } from '../src/server/search/algolia/reindex';
import { openSearchJob, runJob } from './search-common';

runJob(async () => {
  const job = await openSearchJob('search:reindex');
  if (!job) return;
  const bar = new cliProgress.SingleBar(
    { format: 'Indexing |{bar}| {value}/{total} records · {duration_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  const report = await reindexAlgolia(job.db, job.client, job.config, {
    rebuild: process.argv.includes('--rebuild'),
    onStart: (total) => bar.start(total, 0),
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Indexed ${report.records} records as ${report.objects} objects in ${seconds.toFixed(1)} s; ` +
      `removed ${report.reconcile.orphaned.length} orphaned records.`,
  );
});
