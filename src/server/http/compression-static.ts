import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Encoding } from './compression';

/**
 * Static files precompressed at build time (compression-build.ts writes a
 * `.br` and a `.gz` beside every text file of the client build): the server
 * sends those bytes, never compressing a static file itself.
 */
export interface PrecompressedFile {
  contentType: string;
  cacheControl: string;
  /** Entity tag of the file's content; the coding is appended per variant. */
  tag: string;
  variants: Partial<Record<Encoding, Buffer>>;
}

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ics': 'text/calendar; charset=utf-8',
};

/** The extensions compression-build.ts compresses. */
export const precompressedExtensions = Object.keys(contentTypes);

/** Hashed build assets never change under their name; anything else is revalidated. */
export function staticCacheControl(urlPath: string): string {
  return urlPath.startsWith('/_astro/')
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=0, must-revalidate';
}

/** Every precompressed file of the client build, by URL path, read into memory (a few hundred KB). */
export function indexPrecompressedFiles(clientDir: string): Map<string, PrecompressedFile> {
  const index = new Map<string, PrecompressedFile>();
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const type = contentTypes[path.extname(entry.name)];
      if (!type) continue;
      const variants: Partial<Record<Encoding, Buffer>> = {};
      for (const [coding, suffix] of [
        ['br', '.br'],
        ['gzip', '.gz'],
      ] as const) {
        if (fs.existsSync(full + suffix)) variants[coding] = fs.readFileSync(full + suffix);
      }
      if (!variants.br && !variants.gzip) continue;
      const urlPath = `/${path.relative(clientDir, full).split(path.sep).join('/')}`;
      const tag = createHash('sha1').update(fs.readFileSync(full)).digest('base64url').slice(0, 16);
      index.set(urlPath, {
        contentType: type,
        cacheControl: staticCacheControl(urlPath),
        tag,
        variants,
      });
    }
  };
  walk(clientDir);
  return index;
}
