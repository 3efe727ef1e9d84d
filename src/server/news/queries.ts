import type { Queryable } from '../db/types';
import { publicationState, type PublicationState } from '../publishing/publication';
import { hubFacetLimit, listingCountCap } from '../../lib/listing/facets';

export interface NewsSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date | null;
  updatedAt: Date;
  isDemo: boolean;
  hubSlug: string;
  hubName: string;
  coverUrl: string | null;
  coverAlt: string | null;
}

export interface NewsItem extends NewsSummary {
  hubId: string;
  body: unknown;
  coverImageId: string | null;
  authorName: string | null;
  state: PublicationState;
}

const summaryColumns = `n.id, n.slug, n.title, n.summary, n.published_at as "publishedAt", n.updated_at as "updatedAt",
  n.is_demo as "isDemo", h.slug as "hubSlug", h.name as "hubName",
  case when m.storage_key is null then null else '/media/' || m.storage_key end as "coverUrl",
  n.cover_alt as "coverAlt"`;
const from = `from public.news_items n
  join public.hubs h on h.id = n.hub_id
  left join public.media_files m on m.id = n.cover_image_id`;
/** Public listings show published items only, even to coordinators (their drafts are on the manage page). */
const published = 'n.published_at <= now()';

export const newsPageSize = 10;

/** Published news, newest first, optionally for one hub (by slug), one page at a time. */
export async function listNews(db: Queryable, filters: { hub?: string; page: number }) {
  const params: unknown[] = [];
  let where = `where ${published}`;
  if (filters.hub) {
    params.push(filters.hub);
    where += ` and h.slug = $${params.length}`;
  }
  // Pages stop at the count's cap: the offset never walks more rows than that.
  const page = Math.min(filters.page, Math.ceil(listingCountCap / newsPageSize));
  const offset = (page - 1) * newsPageSize;
  const [items, [total], hubFacet] = await Promise.all([
    db.query<NewsSummary>(
      `select ${summaryColumns} ${from} ${where} order by n.published_at desc, n.id limit ${newsPageSize} offset ${offset}`,
      params,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 ${from} ${where} limit ${listingCountCap}) capped`,
      params,
    ),
    // Per hub, through the (hub_id, published_at) index, each count capped.
    db.query<{ value: string; label: string; count: number }>(
      `select h.slug as value, h.name as label, c.count
         from public.hubs h
         cross join lateral (
           select count(*)::int as count from (
             select 1 from public.news_items n where n.hub_id = h.id and ${published} limit ${listingCountCap}
           ) capped) c
        where c.count > 0
        order by h.is_demo, h.name limit ${hubFacetLimit}`,
    ),
  ]);
  return {
    items,
    total: total?.n ?? 0,
    page,
    pageSize: newsPageSize,
    facets: { hub: hubFacet },
  };
}

/** Latest published news of a hub (hub page) or of all hubs (home page, hubId null). */
export function listLatestNews(
  db: Queryable,
  hubId: string | null,
  limit = 3,
): Promise<NewsSummary[]> {
  return db.query<NewsSummary>(
    `select ${summaryColumns} ${from} where ${published} and ($1::uuid is null or n.hub_id = $1::uuid)
      order by n.published_at desc, n.id limit ${Math.min(Math.max(limit, 1), 50)}`,
    [hubId],
  );
}

export interface FeedNewsItem extends NewsSummary {
  body: unknown;
}

/** Published news with bodies, for RSS: all hubs or one. */
export function listNewsForFeed(
  db: Queryable,
  hubId: string | null,
  limit = 20,
): Promise<FeedNewsItem[]> {
  return db.query<FeedNewsItem>(
    `select ${summaryColumns}, n.body ${from} where ${published} and ($1::uuid is null or n.hub_id = $1::uuid)
      order by n.published_at desc, n.id limit ${Math.min(Math.max(limit, 1), 50)}`,
    [hubId],
  );
}

/** The news item with this slug as the caller may see it (drafts for their coordinators), or null. */
export async function findNewsItem(db: Queryable, slug: string): Promise<NewsItem | null> {
  const [row] = await db.query<Omit<NewsItem, 'state'>>(
    `select ${summaryColumns}, n.hub_id as "hubId", n.body, n.cover_image_id as "coverImageId",
            p.display_name as "authorName"
       ${from} left join public.profiles p on p.id = n.author_id
      where n.slug = $1`,
    [slug],
  );
  return row ? { ...row, state: publicationState(row.publishedAt) } : null;
}

export interface ManagedNewsItem extends NewsSummary {
  state: PublicationState;
}

/** Every item of the hubs the caller coordinates, drafts and scheduled ones first. */
export async function listManagedNews(db: Queryable): Promise<ManagedNewsItem[]> {
  const rows = await db.query<NewsSummary>(
    `select ${summaryColumns} ${from}
      where (select public.is_platform_admin()) or public.is_hub_coordinator(n.hub_id)
      order by (n.published_at is null or n.published_at > now()) desc, coalesce(n.published_at, n.updated_at) desc
      limit 200`,
  );
  return rows.map((row) => ({ ...row, state: publicationState(row.publishedAt) }));
}

export interface NewsRevision {
  id: string;
  action: 'created' | 'edited' | 'published' | 'scheduled' | 'unpublished';
  changedFields: string[];
  title: string;
  publishedAt: Date | null;
  createdAt: Date;
  editorName: string | null;
}

/** The revision history of an item, newest first (RLS: its hub's coordinators and admins). */
export function listNewsRevisions(db: Queryable, newsId: string): Promise<NewsRevision[]> {
  return db.query<NewsRevision>(
    `select r.id::text, r.action, r.changed_fields as "changedFields", r.title, r.published_at as "publishedAt",
            r.created_at as "createdAt", p.display_name as "editorName"
       from public.news_revisions r left join public.profiles p on p.id = r.editor_id
      where r.news_id = $1 order by r.id desc limit 200`,
    [newsId],
  );
}

export interface UnpublishedNews {
  drafts: { total: number; items: NewsSummary[] };
  scheduled: { total: number; items: NewsSummary[] };
}

/**
 * The drafts and scheduled items of these hubs (the ones a person
 * coordinates), for their "Your work" page: how many of each, and the first
 * `limit` of each (scheduled soonest first, drafts last edited first). RLS
 * shows unpublished items to the hub's coordinators only.
 */
export async function listUnpublishedNews(
  db: Queryable,
  hubIds: readonly string[],
  limit = 5,
): Promise<UnpublishedNews> {
  const empty = (): UnpublishedNews => ({
    drafts: { total: 0, items: [] },
    scheduled: { total: 0, items: [] },
  });
  if (hubIds.length === 0) return empty();
  const rows = await db.query<
    NewsSummary & { kind: 'draft' | 'scheduled'; total: number; position: number }
  >(
    `select * from (
       select ${summaryColumns},
              case when n.published_at is null then 'draft' else 'scheduled' end as kind,
              count(*) over (partition by n.published_at is null)::integer as total,
              row_number() over (
                partition by n.published_at is null
                order by n.published_at asc nulls last, n.updated_at desc, n.id
              ) as position
         ${from}
        where n.hub_id = any($1::uuid[]) and (n.published_at is null or n.published_at > now())
     ) ranked
     where position <= $2
     order by kind, position`,
    [hubIds, limit],
  );
  const result = empty();
  for (const { kind, total, position: _position, ...item } of rows) {
    const group = kind === 'draft' ? result.drafts : result.scheduled;
    group.total = total;
    group.items.push(item);
  }
  return result;
}
