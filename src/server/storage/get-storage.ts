import { getConfig, type StorageConfig } from '../config';
import { createLocalDiskStorage } from './local-disk-storage';
import type { StoragePort } from './storage-port';
import { createSupabaseStorage } from './supabase-storage';

/**
 * The adapter for a storage configuration (see `config/storage.ts`): Supabase
 * Storage when SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and
 * SUPABASE_STORAGE_BUCKET are all set, otherwise the local disk under
 * DATA_DIR/uploads (or UPLOADS_DIR).
 */
export function createStorage(config: StorageConfig): StoragePort {
  if (config.kind === 'supabase') {
    return createSupabaseStorage({
      url: config.url,
      serviceRoleKey: config.serviceRoleKey,
      bucket: config.bucket,
    });
  }
  return createLocalDiskStorage(config.dir);
}

let cached: StoragePort | undefined;

/** The process-wide storage adapter, chosen once. */
export function getStorage(): StoragePort {
  cached ??= createStorage(getConfig().storage);
  return cached;
}
