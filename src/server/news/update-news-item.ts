import type { RequestDb } from '../db/request-context';
import type { StoragePort } from '../storage/storage-port';
import { recordImage, storeImage } from '../storage/upload-image';
import { prepareCoverImage, type CoverFile } from './attach-cover-image';
import type { SaveNewsOutcome } from './create-news-item';
import type { NewsInput } from './news-form';

/**
 * Saves changes to a news item and its publication time (kept, now,
 * scheduled or none). The revision trigger records who changed which fields.
 * RLS limits it to the hub's coordinators; for anyone else no row matches.
 * A new cover is recorded with the change and stored only after it.
 */
export async function updateNewsItem(
  db: RequestDb,
  storage: StoragePort,
  input: {
    id: string;
    hubId: string;
    userId: string;
    currentCoverId: string | null;
    news: NewsInput;
    cover?: CoverFile;
    publishedAt: Date | null | 'now';
  },
): Promise<SaveNewsOutcome> {
  const cover = await prepareCoverImage(db, {
    hubId: input.hubId,
    userId: input.userId,
    alt: input.news.coverAlt,
    file: input.cover,
  });
  if (!cover.ok) return cover;
  const coverId = cover.image?.id ?? (input.news.removeCover ? null : input.currentCoverId);
  if (coverId && !input.news.coverAlt)
    return { ok: false, errors: [{ field: 'cover_alt', message: 'news.form.error.coverAlt' }] };
  // The new cover's row and the item's change in one savepoint: if either is
  // refused, neither stays, and the bytes are stored only after both.
  let saved: { id: string; slug: string } | undefined;
  try {
    saved = await db.savepoint(async (tx) => {
      if (cover.image) await recordImage(tx, cover.image);
      const [row] = await tx.query<{ id: string; slug: string }>(
        `update public.news_items set title = $2, summary = $3, body = $4::text::jsonb, cover_image_id = $5, cover_alt = $6,
                published_at = case when $7::boolean then now() else $8::timestamptz end
          where id = $1 returning id, slug`,
        [
          input.id,
          input.news.title,
          input.news.summary,
          JSON.stringify(input.news.body),
          coverId,
          coverId ? input.news.coverAlt : null,
          input.publishedAt === 'now',
          input.publishedAt === 'now' ? null : input.publishedAt,
        ],
      );
      if (!row) throw new NothingUpdated();
      return row;
    });
  } catch (error) {
    if (!(error instanceof NothingUpdated) && (error as { code?: string }).code !== '42501')
      throw error;
  }
  if (!saved)
    return { ok: false, errors: [{ field: 'form', message: 'news.form.error.forbidden' }] };
  if (cover.image) await storeImage(storage, cover.image);
  return { ok: true, slug: saved.slug, id: saved.id };
}

/** No row matched: the item is gone or RLS hides it from this caller. */
class NothingUpdated extends Error {}
