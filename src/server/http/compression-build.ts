import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { minimumCompressibleBytes } from './compression';
import { precompressedExtensions } from './compression-static';

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside
 * every text file of the client build (CSS, JavaScript, SVG, JSON…) of at
 * least 1 KB, when smaller than the file. The production server sends them
 * to clients that accept the coding (compression-static.ts): static files
 * are compressed once, at the best setting, and never per request.
 */
export function precompressClientFiles(clientDir: string): {
  files: number;
  bytes: number;
  compressedBytes: number;
} {
  const outcome = { files: 0, bytes: 0, compressedBytes: 0 };
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (precompressedExtensions.includes(path.extname(entry.name))) {
        const body = fs.readFileSync(full);
        if (body.byteLength < minimumCompressibleBytes) continue;
        const br = zlib.brotliCompressSync(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        });
        const gz = zlib.gzipSync(body, { level: 9 });
        if (br.byteLength < body.byteLength) fs.writeFileSync(`${full}.br`, br);
        if (gz.byteLength < body.byteLength) fs.writeFileSync(`${full}.gz`, gz);
        outcome.files += 1;
        outcome.bytes += body.byteLength;
        outcome.compressedBytes += br.byteLength;
      }
    }
  };
  walk(clientDir);
  return outcome;
}

/** The build step: precompresses the client folder once `astro build` has written it. */
export function precompressIntegration(): AstroIntegration {
  let clientDir: string | undefined;
  return {
    name: 'u4ssc-precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': ({ logger }) => {
        if (!clientDir || !fs.existsSync(clientDir)) return;
        const { files, bytes, compressedBytes } = precompressClientFiles(clientDir);
        logger.info(
          `precompressed ${files} files: ${Math.round(bytes / 1024)} KB → ${Math.round(compressedBytes / 1024)} KB brotli`,
        );
      },
    },
  };
}
