import fs from 'node:fs';
import path from 'node:path';

/**
 * Loads `<rootDir>/.env` into `process.env` when the file exists, without
 * overriding variables the environment already sets (Node's own
 * `process.loadEnvFile`). Called by the entry points a person runs: `npm
 * start`, `astro dev`/`build` (astro.config.mjs) and the npm scripts, never
 * by tests, whose settings must not depend on a developer's file.
 */
export function loadEnvFile(rootDir: string = process.cwd()): boolean {
  const file = path.join(rootDir, '.env');
  if (!fs.existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
