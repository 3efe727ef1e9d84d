import type { Queryable } from '../db/types';

export interface MediaFile {
  id: string;
  storageKey: string;
  contentType: string;
  byteSize: number;
}

/** The media file stored under this key (as in `/media/<key>`), or null. */
export async function findMediaFileByKey(db: Queryable, key: string): Promise<MediaFile | null> {
  const [row] = await db.query<MediaFile>(
    `select id, storage_key as "storageKey", content_type as "contentType", byte_size as "byteSize"
       from public.media_files where storage_key = $1 /* bounded: one row, the key is unique */`,
    [key],
  );
  return row ?? null;
}

/** The portal path of a media file id (cover images are stored by id). */
export async function findMediaUrl(db: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.query<{ key: string }>(
    'select storage_key as key from public.media_files where id = $1',
    [id],
  );
  return row ? `/media/${row.key}` : null;
}

/**
 * Whether the caller may upload images for this hub, asked before any work
 * on the file: the same helpers the insert policy on media_files uses (which
 * still decides at the insert).
 */
export async function canUploadForHub(
  db: Queryable,
  hubId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean | null }>(
    `select $2::uuid = (select auth.uid())
            and ((select public.is_platform_admin()) or public.is_hub_coordinator($1::uuid)) as allowed`,
    [hubId, userId],
  );
  return row?.allowed === true;
}

/**
 * Whether the caller may upload images for this city's case studies: its
 * editors and admins, asked with the helpers the insert policy uses.
 */
export async function canUploadForCity(
  db: Queryable,
  cityId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean | null }>(
    `select $2::uuid = (select auth.uid())
            and ((select public.is_platform_admin()) or public.is_city_editor($1::uuid)) as allowed`,
    [cityId, userId],
  );
  return row?.allowed === true;
}
