import type { RequestDb } from '../db/request-context';
import type { StoragePort } from '../storage/storage-port';
import { attachCoverImage, type CoverFile } from './attach-cover-image';
import type { SaveNewsOutcome } from './create-news-item';
import type { NewsInput } from './news-form';

/**
 * Saves changes to a news item and its publication time (kept, now,
 * scheduled or none). The revision trigger records who changed which fields.
 * RLS limits it to the hub's coordinators; for anyone else no row matches.
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
  const cover = await attachCoverImage(db, storage, {
    hubId: input.hubId,
    userId: input.userId,
    alt: input.news.coverAlt,
    file: input.cover,
  });
  if (!cover.ok) return cover;
  const coverId = cover.imageId ?? (input.news.removeCover ? null : input.currentCoverId);
  if (coverId && !input.news.coverAlt)
    return { ok: false, errors: [{ field: 'cover_alt', message: 'news.form.error.coverAlt' }] };
  const rows = await db.query<{ id: string; slug: string }>(
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
  if (rows.length === 0)
    return { ok: false, errors: [{ field: 'form', message: 'news.form.error.forbidden' }] };
  return { ok: true, slug: rows[0]!.slug, id: rows[0]!.id };
}
