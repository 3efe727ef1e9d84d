/**
 * `npm start`: loads `.env` when present, builds the production server when
 * the build is missing or older than the sources, then runs it. The server
 * boots before it listens (src/server/boot): on first start it creates the
 * embedded database under .data/, migrates and seeds it, printing each step;
 * "Server listening" means ready. A bad configuration or an unreachable
 * database stops it with every problem listed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Variables already in the environment win over the file (Node's own rule).
if (fs.existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
const outDir = path.resolve(root, process.env.ASTRO_OUT_DIR ?? 'dist');
const entry = path.join(outDir, 'server', 'entry.mjs');
const sources = ['src', 'public', 'content', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(full))
    newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

const stale =
  !fs.existsSync(entry) || Math.max(...sources.map(newestMtime)) > fs.statSync(entry).mtimeMs;
if (stale && process.env.SKIP_BUILD !== 'true') {
  console.log('[start] Building the portal (first start or sources changed)…');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'astro', 'astro.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.env.NODE_ENV ??= 'production';
process.chdir(root);
await import(pathToFileURL(entry).href);
