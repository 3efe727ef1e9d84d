import { mapToThemes } from '../../lib/taxonomy/themes';
import type { Queryable } from '../db/types';
import type { DeliverableContent } from './read-content-files';

export interface SyncReport {
  upserted: number;
  removed: number;
}

/**
 * Upserts the content files into `deliverables` (by slug) and removes rows that
 * came from a file that no longer exists. Rows added in the portal itself
 * (no `content_path`) are left alone. The files' free-form theme tags are
 * stored as keys of the shared theme taxonomy (src/lib/taxonomy/themes.ts),
 * so deliverables filter and link by the same themes as every other area;
 * tags that name no theme are left out. Only reader text is stored: the
 * "unconfirmed" sentence, never the researchers' `researchNote`. A
 * privileged job: run by the seed.
 */
export async function syncDeliverables(
  db: Queryable,
  items: readonly DeliverableContent[],
): Promise<SyncReport> {
  for (const item of items) {
    await db.query(
      `insert into public.deliverables
         (slug, kind, code, title, year, summary, body, url, uncertain, unconfirmed_note, themes, sources, content_path, published)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12::text[], $13, true)
       on conflict (slug) do update set
         kind = excluded.kind, code = excluded.code, title = excluded.title, year = excluded.year,
         summary = excluded.summary, body = excluded.body, url = excluded.url,
         uncertain = excluded.uncertain, unconfirmed_note = excluded.unconfirmed_note, themes = excluded.themes,
         sources = excluded.sources, content_path = excluded.content_path`,
      [
        item.slug,
        item.kind,
        item.code ?? null,
        item.title,
        item.year,
        item.summary,
        item.body,
        item.url ?? null,
        item.uncertain,
        item.unconfirmed ?? null,
        mapToThemes(item.themes).themes,
        item.sources,
        item.contentPath,
      ],
    );
  }
  const removed = await db.query(
    `delete from public.deliverables
      where content_path is not null and not (slug = any($1::text[]))
      returning slug`,
    [items.map((item) => item.slug)],
  );
  return { upserted: items.length, removed: removed.length };
}
