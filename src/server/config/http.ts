import { z } from 'zod';
import { optionalFlag } from './variables';

/** Part "http" (http): how requests reach the portal. */
export const httpVariables = z.object({
  TRUST_PROXY: optionalFlag,
});

export interface HttpConfig {
  /** One reverse proxy appends the client address to X-Forwarded-For. */
  trustProxy: boolean;
}

export function buildHttpConfig(vars: z.output<typeof httpVariables>): HttpConfig {
  return { trustProxy: vars.TRUST_PROXY ?? false };
}
