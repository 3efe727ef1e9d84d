import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexPrecompressedFiles } from '../http/compression-static';
import { installFrontDoor } from './front-door';
import { setBuildId } from './process-cache';

/**
 * Loaded by the production server entry (serverEntryPreload in
 * astro.config.mjs), before the adapter creates its server. This module is
 * bundled into the build's `server/` folder, which finds the build: its
 * `client/` folder beside it (the static files, with their precompressed
 * copies) and the file names that make the build's id (Vite names every
 * chunk and asset by its content, so another build has other names).
 */
function findServerDir(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'entry.mjs'))) return dir;
    dir = path.dirname(dir);
  }
  return undefined;
}

function listFiles(dir: string, base = dir, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

const serverDir = findServerDir(path.dirname(fileURLToPath(import.meta.url)));
if (serverDir) {
  const clientDir = path.join(path.dirname(serverDir), 'client');
  const clientFiles = new Set(listFiles(clientDir).map((file) => `/${file}`));
  const names = [...listFiles(serverDir), ...clientFiles].sort().join('\n');
  setBuildId(createHash('sha1').update(names).digest('hex').slice(0, 10));
  installFrontDoor({
    staticFiles: indexPrecompressedFiles(clientDir),
    isStaticFile: (urlPath) => clientFiles.has(urlPath),
  });
}
