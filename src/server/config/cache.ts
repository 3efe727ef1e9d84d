import { z } from 'zod';
import { optionalInteger, optionalOnOff } from './variables';

/** Part "cache" (cache): the anonymous render cache (docs/render-cache.md). */
export const cacheVariables = z.object({
  RENDER_CACHE: optionalOnOff,
  RENDER_CACHE_MAX_MB: optionalInteger(1, 4096),
});

export interface CacheConfig {
  /** Serve anonymous pages from the render cache while the data is unchanged. */
  enabled: boolean;
  /** Budget for the stored (compressed) bodies, their headers and keys, in bytes. */
  maxBytes: number;
}

export function buildCacheConfig(vars: z.output<typeof cacheVariables>): CacheConfig {
  return {
    enabled: vars.RENDER_CACHE ?? true,
    maxBytes: (vars.RENDER_CACHE_MAX_MB ?? 64) * 1024 * 1024,
  };
}
