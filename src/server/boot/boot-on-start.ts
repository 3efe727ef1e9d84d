import { bootServer } from './boot-server';
import { isPreparationProcess, prepareEmbeddedDatabase } from './first-preparation';

/**
 * Imported by the production server entry before anything else runs
 * (`serverEntryPreload` in astro.config.mjs).
 * Its top-level await holds back the entry, and so the adapter's
 * `listen()`, until the server is ready; on failure the process exits before
 * it ever listens, with every problem on stderr.
 */
process.env.NODE_ENV ??= 'production';
try {
  if (isPreparationProcess()) {
    await prepareEmbeddedDatabase((line) => console.log(`[boot] ${line}`));
    process.exit(0);
  }
  await bootServer({ prepareFirstInOwnProcess: true });
} catch (error) {
  console.error(
    `[boot] the portal did not start:\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
