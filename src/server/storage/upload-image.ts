import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/types';
import type { RequestDb } from '../db/request-context';
import { rateLimitRules, reserveRateLimits } from '../http/rate-limit';
import {
  inspectUploadedImage,
  reencodeImage,
  UploadRefusedError,
  type CleanImage,
  type UploadRefusal,
} from './inspect-image';
import { canUploadForCity, canUploadForHub } from './queries';
import type { StoragePort } from './storage-port';

export interface UploadedImage {
  id: string;
  /** The portal path the image is served at, the only kind of image source rich text accepts. */
  url: string;
  width: number;
  height: number;
  contentType: string;
}

export type UploadFailure =
  | { ok: false; reason: UploadRefusal | 'forbidden' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number };

export type UploadOutcome = { ok: true; image: UploadedImage } | UploadFailure;

/** An image checked and re-encoded for a hub or a city, not yet recorded nor stored. */
export interface PreparedImage {
  id: string;
  key: string;
  clean: CleanImage;
  originalName: string;
  hubId: string | null;
  cityId: string | null;
  userId: string;
}

/**
 * What is uploaded, by whom, for what: a hub (news, events, the hub page:
 * its coordinators) or a city (case studies: its editors). Exactly one.
 */
export type UploadInput = {
  bytes: Uint8Array;
  originalName: string;
  userId: string;
} & ({ hubId: string; cityId?: undefined } | { cityId: string; hubId?: undefined });

/**
 * Everything before an image is written, cheapest first, so the expensive
 * step only runs for someone allowed to upload, for a file that declares a
 * sane size, within their rate limit:
 * 1. may this user upload for this hub (the insert policy's own helpers; RLS
 *    still decides at the insert);
 * 2. the header: size, format by content, declared dimensions (no decoding);
 * 3. the per-account upload limit, counted and decided in one step;
 * 4. the decode and re-encode.
 */
export async function prepareImage(
  db: Queryable,
  input: UploadInput,
): Promise<{ ok: true; image: PreparedImage } | UploadFailure> {
  const ids = z
    .object({ hubId: z.uuid().optional(), cityId: z.uuid().optional(), userId: z.uuid() })
    .refine((value) => (value.hubId === undefined) !== (value.cityId === undefined))
    .safeParse(input);
  const allowed =
    ids.success &&
    (input.hubId !== undefined
      ? await canUploadForHub(db, input.hubId, input.userId)
      : await canUploadForCity(db, input.cityId!, input.userId));
  if (!allowed) return { ok: false, reason: 'forbidden' };
  try {
    const header = await inspectUploadedImage(input.bytes);
    const wait = await reserveRateLimits(db, [
      { rule: rateLimitRules.uploadsPerAccount, key: input.userId },
    ]);
    if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfter: wait };
    const clean = await reencodeImage(input.bytes, header);
    const id = randomUUID();
    return {
      ok: true,
      image: {
        id,
        key: `${id}.${clean.extension}`,
        clean,
        originalName: input.originalName.slice(0, 255),
        hubId: input.hubId ?? null,
        cityId: input.cityId ?? null,
        userId: input.userId,
      },
    };
  } catch (error) {
    if (error instanceof UploadRefusedError) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Records a prepared image in `media_files` (RLS: the hub's coordinators, the city's editors, admins). */
export async function recordImage(tx: Queryable, image: PreparedImage): Promise<void> {
  await tx.query(
    `insert into public.media_files (id, storage_key, content_type, byte_size, width, height, original_name, hub_id, city_id, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      image.id,
      image.key,
      image.clean.contentType,
      image.clean.bytes.byteLength,
      image.clean.width,
      image.clean.height,
      image.originalName,
      image.hubId,
      image.cityId,
      image.userId,
    ],
  );
}

/**
 * Stores the bytes of a recorded image: the last step of a use case, after
 * every row it writes, so a refused or failed save stores nothing. If storing
 * fails, the error rolls the request back.
 */
export async function storeImage(
  storage: StoragePort,
  image: PreparedImage,
): Promise<UploadedImage> {
  await storage.put(image.key, image.clean.bytes, image.clean.contentType);
  return {
    id: image.id,
    url: `/media/${image.key}`,
    width: image.clean.width,
    height: image.clean.height,
    contentType: image.clean.contentType,
  };
}

/**
 * Uploads an image for a hub or a city on its own (the editor's image button):
 * prepares it, records it (a refused insert stores nothing), then stores it.
 */
export async function uploadImage(
  db: RequestDb,
  storage: StoragePort,
  input: UploadInput,
): Promise<UploadOutcome> {
  const prepared = await prepareImage(db, input);
  if (!prepared.ok) return prepared;
  try {
    await db.savepoint((tx) => recordImage(tx, prepared.image));
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return { ok: false, reason: 'forbidden' };
    throw error;
  }
  return { ok: true, image: await storeImage(storage, prepared.image) };
}
