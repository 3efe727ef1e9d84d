import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import type { FormFile } from '../forms';
import type { StoragePort } from '../storage/storage-port';
import { createNewsItem, type SaveNewsOutcome } from './create-news-item';
import { parseNewsForm } from './news-form';
import { publicationFieldsSchema, resolvePublishedAt } from '../publishing/publication';
import { updateNewsItem } from './update-news-item';

export interface NewsFormContext {
  db: RequestDb;
  storage: StoragePort;
  userId: string;
  fields: Record<string, string>;
  files: Record<string, FormFile>;
}

function withPublication(fields: Record<string, string>, current: Date | null) {
  const publication = publicationFieldsSchema.parse(fields);
  return resolvePublishedAt(publication, current);
}

/**
 * Handles a submitted "write news" form: validates every field, checks the
 * chosen hub is one the caller coordinates, resolves the publication button
 * and creates the item. All problems come back together as field errors.
 */
export async function submitNewNews(
  context: NewsFormContext & { allowedHubIds: readonly string[] },
): Promise<SaveNewsOutcome> {
  const errors: FieldError[] = [];
  const hubId = context.fields.hub ?? '';
  if (!context.allowedHubIds.includes(hubId))
    errors.push({ field: 'hub', message: 'news.form.error.hub' });
  const parsed = parseNewsForm(context.fields);
  if (!parsed.ok) errors.push(...parsed.errors);
  const publication = withPublication(context.fields, null);
  if (!publication.ok) errors.push({ field: publication.field, message: publication.message });
  if (errors.length > 0 || !parsed.ok || !publication.ok) return { ok: false, errors };
  return createNewsItem(context.db, context.storage, {
    hubId,
    userId: context.userId,
    news: parsed.input,
    cover: context.files.cover,
    publishedAt: publication.publishedAt,
  });
}

/** Handles a submitted edit form for an existing item (same checks; the hub cannot change). */
export async function submitNewsChanges(
  context: NewsFormContext & {
    item: { id: string; hubId: string; coverImageId: string | null; publishedAt: Date | null };
  },
): Promise<SaveNewsOutcome> {
  const errors: FieldError[] = [];
  const parsed = parseNewsForm(context.fields);
  if (!parsed.ok) errors.push(...parsed.errors);
  const publication = withPublication(context.fields, context.item.publishedAt);
  if (!publication.ok) errors.push({ field: publication.field, message: publication.message });
  if (errors.length > 0 || !parsed.ok || !publication.ok) return { ok: false, errors };
  return updateNewsItem(context.db, context.storage, {
    id: context.item.id,
    hubId: context.item.hubId,
    userId: context.userId,
    currentCoverId: context.item.coverImageId,
    news: parsed.input,
    cover: context.files.cover,
    publishedAt: publication.publishedAt,
  });
}
