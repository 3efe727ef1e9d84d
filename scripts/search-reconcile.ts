/**
 * `npm run search:reconcile [-- --dry-run]`: compares the database with the
 * Algolia index and repairs the drift (missing, stale and orphaned records).
 * Exits with code 2 when `--dry-run` finds drift, for monitoring.
 */
import './load-env';
import { reconcileIndex } from '../src/server/search/algolia/reconcile';
import { openSearchJob, runJob } from './search-common';

runJob(async () => {
  const job = await openSearchJob('search:reconcile');
  if (!job) return;
  const dryRun = process.argv.includes('--dry-run');
  const report = await reconcileIndex(job.db, job.client, job.config, { dryRun });
  const show = (label: string, ids: string[]) =>
    console.log(
      `${label}: ${ids.length}${ids.length ? ` (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})` : ''}`,
    );
  console.log(`Records in the database: ${report.inDatabase}; in the index: ${report.indexed}`);
  show('Missing from the index', report.missing);
  show('Stale in the index', report.stale);
  show('Orphaned in the index', report.orphaned);
  const drift = report.missing.length + report.stale.length + report.orphaned.length;
  if (drift === 0) console.log('No drift.');
  else if (report.repaired) console.log(`Repaired ${drift} records.`);
  else {
    console.log('Dry run: nothing changed.');
    process.exitCode = 2;
  }
});
