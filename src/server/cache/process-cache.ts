import { getConfig } from '../config';
import { getConnection } from '../db/connection';
import { openPostgresDatabase } from '../db/postgres-driver';
import { createEmbeddedVersionSource, createPostgresVersionSource } from './data-version';
import { RenderCache } from './render-cache';

let current: RenderCache | undefined;
let buildId = 'dev';

/** Names the running build (the front door computes it from the build's file names). */
export function setBuildId(id: string): void {
  buildId = id;
}

/**
 * The process's render cache, created on first use from the configuration:
 * on PostgreSQL its version reads use a pool of their own (two connections),
 * so they never wait behind rendering requests for a connection; embedded,
 * the version is kept in memory from the database's notifications.
 */
export function getRenderCache(): RenderCache {
  if (current) return current;
  const { database, cache } = getConfig();
  const source = database.url
    ? createPostgresVersionSource(
        openPostgresDatabase({
          url: database.url,
          poolSize: 2,
          prepare: database.prepare,
          connectTimeoutMs: 2_000,
        }),
      )
    : createEmbeddedVersionSource(getConnection);
  current = new RenderCache({ source, maxBytes: cache.maxBytes, buildId });
  return current;
}

/** Closes the cache's connections (the server's shutdown, tests). */
export async function closeRenderCache(): Promise<void> {
  const cache = current;
  current = undefined;
  await cache?.close();
}
