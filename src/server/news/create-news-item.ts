import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { insertWithUniqueSlug } from '../db/insert-with-unique-slug';
import type { StoragePort } from '../storage/storage-port';
import { recordImage, storeImage } from '../storage/upload-image';
import { prepareCoverImage, type CoverFile } from './attach-cover-image';
import type { NewsInput } from './news-form';

export type SaveNewsOutcome =
  { ok: true; slug: string; id: string } | { ok: false; errors: FieldError[] };

/**
 * Creates a news item for a hub, as a draft, published now or scheduled
 * (`publishedAt`). RLS decides whether the caller may write for this hub; a
 * refusal comes back as an error on the hub field, not an exception. The
 * cover's row is written with the item's, in the same savepoint, and its
 * bytes are stored only after both: a refused or failed save leaves nothing.
 */
export async function createNewsItem(
  db: RequestDb,
  storage: StoragePort,
  input: {
    hubId: string;
    userId: string;
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
  try {
    const row = await insertWithUniqueSlug(db, input.news.title, async (tx, slug) => {
      if (cover.image) await recordImage(tx, cover.image);
      const [inserted] = await tx.query<{ id: string; slug: string }>(
        `insert into public.news_items (hub_id, slug, title, summary, body, cover_image_id, cover_alt, published_at, author_id)
         values ($1, $2, $3, $4, $5::text::jsonb, $6, $7,
                 case when $8::boolean then now() else $9::timestamptz end, $10)
         returning id, slug`,
        [
          input.hubId,
          slug,
          input.news.title,
          input.news.summary,
          JSON.stringify(input.news.body),
          cover.image?.id ?? null,
          cover.image ? input.news.coverAlt : null,
          input.publishedAt === 'now',
          input.publishedAt === 'now' ? null : input.publishedAt,
          input.userId,
        ],
      );
      return inserted!;
    });
    if (cover.image) await storeImage(storage, cover.image);
    return { ok: true, slug: row.slug, id: row.id };
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      return { ok: false, errors: [{ field: 'hub', message: 'news.form.error.hubForbidden' }] };
    }
    throw error;
  }
}
