import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/types';
import type { RequestDb } from '../db/request-context';
import { cleanUploadedImage, UploadRefusedError, type UploadRefusal } from './inspect-image';
import type { StoragePort } from './storage-port';

export interface UploadedImage {
  id: string;
  /** The portal path the image is served at, the only kind of image source rich text accepts. */
  url: string;
  width: number;
  height: number;
  contentType: string;
}

export type UploadOutcome =
  { ok: true; image: UploadedImage } | { ok: false; reason: UploadRefusal | 'forbidden' };

/**
 * Uploads an image for a hub: checks and re-encodes it, records it in
 * `media_files` (RLS: only the hub's coordinators and admins may), then
 * stores the bytes. The row is written first inside the request's
 * transaction, so a refused insert stores nothing; if storing fails, the
 * error rolls the request back.
 */
export async function uploadImage(
  db: RequestDb,
  storage: StoragePort,
  input: { bytes: Uint8Array; originalName: string; hubId: string; userId: string },
): Promise<UploadOutcome> {
  let clean;
  try {
    clean = await cleanUploadedImage(input.bytes);
  } catch (error) {
    if (error instanceof UploadRefusedError) return { ok: false, reason: error.reason };
    throw error;
  }
  const id = randomUUID();
  const key = `${id}.${clean.extension}`;
  try {
    await db.savepoint((tx: Queryable) =>
      tx.query(
        `insert into public.media_files (id, storage_key, content_type, byte_size, width, height, original_name, hub_id, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          key,
          clean.contentType,
          clean.bytes.byteLength,
          clean.width,
          clean.height,
          input.originalName.slice(0, 255),
          input.hubId,
          input.userId,
        ],
      ),
    );
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return { ok: false, reason: 'forbidden' };
    throw error;
  }
  await storage.put(key, clean.bytes, clean.contentType);
  return {
    ok: true,
    image: {
      id,
      url: `/media/${key}`,
      width: clean.width,
      height: clean.height,
      contentType: clean.contentType,
    },
  };
}
