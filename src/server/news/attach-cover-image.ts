import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import type { StoragePort } from '../storage/storage-port';
import { uploadImage } from '../storage/upload-image';

export interface CoverFile {
  bytes: Uint8Array;
  name: string;
}

/**
 * Uploads the cover image sent with a news form, if any. A cover needs alt
 * text; a refused file is reported on the cover field with the reason.
 */
export async function attachCoverImage(
  db: RequestDb,
  storage: StoragePort,
  input: { hubId: string; userId: string; alt: string; file?: CoverFile },
): Promise<{ ok: true; imageId: string | null } | { ok: false; errors: FieldError[] }> {
  if (!input.file) return { ok: true, imageId: null };
  if (!input.alt)
    return { ok: false, errors: [{ field: 'cover_alt', message: 'news.form.error.coverAlt' }] };
  const outcome = await uploadImage(db, storage, {
    bytes: input.file.bytes,
    originalName: input.file.name,
    hubId: input.hubId,
    userId: input.userId,
  });
  if (!outcome.ok)
    return { ok: false, errors: [{ field: 'cover', message: `upload.error.${outcome.reason}` }] };
  return { ok: true, imageId: outcome.image.id };
}
