import { StorageClient } from '@supabase/storage-js';
import { assertStorageKey, type StoragePort } from './storage-port';

export interface SupabaseStorageOptions {
  /** The project URL, e.g. https://abc.supabase.co (the adapter adds /storage/v1). */
  url: string;
  serviceRoleKey: string;
  bucket: string;
  fetch?: typeof fetch;
}

/**
 * Supabase Storage through `@supabase/storage-js`, authenticated with the
 * service-role key (the portal has already checked the user's right to
 * upload through RLS on `media_files`). Files are still served through the
 * portal's `/media` route, so the bucket can stay private.
 */
export function createSupabaseStorage(options: SupabaseStorageOptions): StoragePort {
  const client = new StorageClient(
    `${options.url.replace(/\/$/, '')}/storage/v1`,
    { apikey: options.serviceRoleKey, Authorization: `Bearer ${options.serviceRoleKey}` },
    options.fetch,
  );
  const bucket = () => client.from(options.bucket);
  return {
    kind: 'supabase',
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      const { error } = await bucket().upload(key, bytes, {
        contentType,
        upsert: false,
        cacheControl: '31536000',
      });
      if (error) throw new Error(`Supabase Storage refused the upload: ${error.message}`);
    },
    async get(key) {
      assertStorageKey(key);
      const { data, error } = await bucket().download(key);
      if (error) {
        const status =
          (error as { status?: number; statusCode?: string | number }).status ??
          Number((error as { statusCode?: string | number }).statusCode);
        if (status === 404 || status === 400 || /not.?found/i.test(error.message)) return null;
        throw new Error(`Supabase Storage could not read ${key}: ${error.message}`);
      }
      return new Uint8Array(await data.arrayBuffer());
    },
    async remove(key) {
      assertStorageKey(key);
      const { error } = await bucket().remove([key]);
      if (error) throw new Error(`Supabase Storage could not remove ${key}: ${error.message}`);
    },
  };
}
