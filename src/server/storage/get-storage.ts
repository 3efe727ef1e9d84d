import path from 'node:path';
import { z } from 'zod';
import { getServerEnv } from '../env';
import { createLocalDiskStorage } from './local-disk-storage';
import type { StoragePort } from './storage-port';
import { createSupabaseStorage } from './supabase-storage';

const storageEnvSchema = z.object({
  SUPABASE_URL: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SUPABASE_SERVICE_ROLE_KEY: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SUPABASE_STORAGE_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'SUPABASE_STORAGE_BUCKET must be a bucket name')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  UPLOADS_DIR: z.string().optional(),
});

/**
 * Chooses the storage adapter from the environment: Supabase Storage when
 * SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_STORAGE_BUCKET are all
 * set, otherwise the local disk under DATA_DIR/uploads (or UPLOADS_DIR).
 * Setting only some of the three is a configuration error, reported at once.
 */
export function storageFromEnv(source: NodeJS.ProcessEnv = process.env): StoragePort {
  const env = storageEnvSchema.parse(source);
  const supabase = [env.SUPABASE_URL, env.SUPABASE_SERVICE_ROLE_KEY, env.SUPABASE_STORAGE_BUCKET];
  if (supabase.every(Boolean)) {
    return createSupabaseStorage({
      url: env.SUPABASE_URL!,
      serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY!,
      bucket: env.SUPABASE_STORAGE_BUCKET!,
    });
  }
  if (env.SUPABASE_STORAGE_BUCKET && !supabase.every(Boolean)) {
    throw new Error(
      'SUPABASE_STORAGE_BUCKET is set but SUPABASE_URL or SUPABASE_SERVICE_ROLE_KEY is missing: set all three, or none to store uploads on disk.',
    );
  }
  const serverEnv = getServerEnv(source);
  const dir = env.UPLOADS_DIR
    ? path.resolve(serverEnv.rootDir, env.UPLOADS_DIR)
    : path.join(serverEnv.dataDir, 'uploads');
  return createLocalDiskStorage(dir);
}

let cached: StoragePort | undefined;

/** The process-wide storage adapter, chosen once. */
export function getStorage(): StoragePort {
  cached ??= storageFromEnv();
  return cached;
}
