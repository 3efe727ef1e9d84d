import type { Queryable } from '../db/types';

/** Deletes a news item (its revisions go with it); false when the caller may not. */
export async function deleteNewsItem(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('delete from public.news_items where id = $1 returning id', [id]);
  return rows.length > 0;
}
