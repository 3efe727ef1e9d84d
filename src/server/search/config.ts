import { z } from 'zod';

/**
 * Search configuration from the environment. Algolia is used only when both
 * ALGOLIA_APP_ID and ALGOLIA_ADMIN_KEY are set; otherwise the embedded
 * Postgres engine answers, with nothing to configure.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const searchEnvSchema = z.object({
  ALGOLIA_APP_ID: optionalText,
  ALGOLIA_ADMIN_KEY: optionalText,
  ALGOLIA_SEARCH_KEY: optionalText,
  ALGOLIA_INDEX_NAME: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, "_", "." or "-"')
      .optional(),
  ),
  // Test and local fixture only: send every request to this address.
  ALGOLIA_HOST_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
});

export interface AlgoliaConfig {
  appId: string;
  adminKey: string;
  /** Key used for queries; a search-only key in production, the admin key if none is set. */
  searchKey: string;
  indexName: string;
  hostUrl?: string;
}

/** Reads the Algolia settings; null when Algolia is not configured. Throws on malformed values. */
export function getAlgoliaConfig(source: NodeJS.ProcessEnv = process.env): AlgoliaConfig | null {
  const parsed = searchEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Invalid search configuration:\n${lines.join('\n')}\nSee the README, section Search.`,
    );
  }
  const env = parsed.data;
  if (!env.ALGOLIA_APP_ID || !env.ALGOLIA_ADMIN_KEY) return null;
  return {
    appId: env.ALGOLIA_APP_ID,
    adminKey: env.ALGOLIA_ADMIN_KEY,
    searchKey: env.ALGOLIA_SEARCH_KEY ?? env.ALGOLIA_ADMIN_KEY,
    indexName: env.ALGOLIA_INDEX_NAME ?? 'portal_search',
    hostUrl: env.ALGOLIA_HOST_URL,
  };
}
