import { z } from 'zod';
import { optionalOnOff, optionalText } from './variables';

/** Part "http" (http): how requests reach the portal. */
export const httpVariables = z.object({
  // How many reverse proxies append to X-Forwarded-For (docs/resilience.md).
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .transform((value, context) => {
        const text = value.toLowerCase();
        if (['false', 'no', '0'].includes(text)) return 0;
        if (['true', 'yes'].includes(text)) return 1;
        if (/^[1-9]$/.test(text)) return Number(text);
        context.addIssue({
          code: 'custom',
          message: 'use false, true (one proxy) or the number of proxies (1-9)',
        });
        return z.NEVER;
      })
      .optional(),
  ),
  // Brotli/gzip in the server itself; off behind a proxy that compresses (docs/render-cache.md).
  COMPRESSION: optionalOnOff,
});

export interface HttpConfig {
  /**
   * Proxies in front of the portal whose X-Forwarded-For entries count
   * (0: none, the client address is the socket's). TRUST_PROXY=true is 1.
   */
  trustedProxyHops: number;
  /** Compress responses (brotli, gzip) when the client accepts it; precompressed static files. */
  compression: boolean;
}

export function buildHttpConfig(vars: z.output<typeof httpVariables>): HttpConfig {
  return { trustedProxyHops: vars.TRUST_PROXY ?? 0, compression: vars.COMPRESSION ?? true };
}
