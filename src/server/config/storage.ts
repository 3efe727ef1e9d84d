import path from 'node:path';
import { z } from 'zod';
import { optionalText } from './variables';

/** Part "storage" (storage): where uploaded images are kept. */
export const storageVariables = z.object({
  SUPABASE_SERVICE_ROLE_KEY: optionalText,
  SUPABASE_STORAGE_BUCKET: optionalText.pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'must be a bucket name (lowercase, digits, . _ -)')
      .optional(),
  ),
  UPLOADS_DIR: optionalText,
});

export type StorageConfig =
  | { kind: 'local'; dir: string }
  | { kind: 'supabase'; url: string; serviceRoleKey: string; bucket: string };

/**
 * Supabase Storage when SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and
 * SUPABASE_STORAGE_BUCKET are all set, else the local disk under
 * DATA_DIR/uploads (or UPLOADS_DIR). Setting the bucket or the key without
 * the rest is reported, not silently ignored.
 */
export function buildStorageConfig(
  vars: z.output<typeof storageVariables>,
  deps: { rootDir: string; dataDir: string; supabaseUrl?: string },
  report: (variable: string, message: string) => void,
): StorageConfig {
  const { SUPABASE_SERVICE_ROLE_KEY: key, SUPABASE_STORAGE_BUCKET: bucket } = vars;
  if (deps.supabaseUrl && key && bucket) {
    return { kind: 'supabase', url: deps.supabaseUrl, serviceRoleKey: key, bucket };
  }
  if (bucket || key) {
    const missing = [
      deps.supabaseUrl ? null : 'SUPABASE_URL',
      key ? null : 'SUPABASE_SERVICE_ROLE_KEY',
      bucket ? null : 'SUPABASE_STORAGE_BUCKET',
    ].filter(Boolean);
    report(
      bucket ? 'SUPABASE_STORAGE_BUCKET' : 'SUPABASE_SERVICE_ROLE_KEY',
      `Supabase Storage also needs ${missing.join(' and ')}: set all three, or none to store uploads on disk`,
    );
  }
  const dir = vars.UPLOADS_DIR
    ? path.resolve(deps.rootDir, vars.UPLOADS_DIR)
    : path.join(deps.dataDir, 'uploads');
  return { kind: 'local', dir };
}
