import type { Queryable } from '../db/types';
import type { FieldError } from '../forms';
import { prepareImage, type PreparedImage } from '../storage/upload-image';

export interface CoverFile {
  bytes: Uint8Array;
  name: string;
}

/**
 * Checks and re-encodes the cover image sent with a news form, if any, without
 * recording or storing it: the use case records it with the item and stores
 * the bytes only once both rows are written, so a refused or failed save
 * leaves no file behind. A cover needs alt text; a refused file is reported
 * on the cover field with the reason.
 */
export async function prepareCoverImage(
  db: Queryable,
  input: { hubId: string; userId: string; alt: string; file?: CoverFile },
): Promise<{ ok: true; image: PreparedImage | null } | { ok: false; errors: FieldError[] }> {
  if (!input.file) return { ok: true, image: null };
  if (!input.alt)
    return { ok: false, errors: [{ field: 'cover_alt', message: 'news.form.error.coverAlt' }] };
  const outcome = await prepareImage(db, {
    bytes: input.file.bytes,
    originalName: input.file.name,
    hubId: input.hubId,
    userId: input.userId,
  });
  if (!outcome.ok)
    return { ok: false, errors: [{ field: 'cover', message: `upload.error.${outcome.reason}` }] };
  return { ok: true, image: outcome.image };
}
