import type { Queryable } from '../db/types';

/** One public page: its path on the site and, when known, when it last changed. */
export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

/**
 * What a domain contributes to `sitemap.xml`: its public pages, counted and
 * listed a slice at a time (a large domain is split over several sitemap
 * files). Sources run as the request's role, but must select only public
 * rows themselves (the same predicate as their visitors' RLS policy): a
 * signed-in coordinator asking for the sitemap must not get draft pages.
 */
export interface SitemapSource {
  /** Unique, `[a-z0-9-]+`: it names the source's files (`/sitemaps/<name>-<n>.xml`). */
  name: string;
  count(db: Queryable): Promise<number>;
  /** The entries `offset` to `offset + limit`, in a stable order. */
  list(db: Queryable, range: { offset: number; limit: number }): Promise<SitemapEntry[]>;
}

/** A source of fixed pages (the home page, listings, the footer pages). */
export function staticSitemapSource(name: string, paths: readonly string[]): SitemapSource {
  return {
    name,
    count: async () => paths.length,
    list: async (_db, { offset, limit }) =>
      paths.slice(offset, offset + limit).map((path) => ({ path, lastModified: null })),
  };
}

/**
 * A source read from the database: `select` returns the columns `path` and
 * `"lastModified"` (a timestamp or null) of the public rows, e.g.
 * `select '/news/' || slug as path, updated_at as "lastModified" from
 * public.news_items where published_at <= now()`. Rows are listed by path.
 */
export function sqlSitemapSource(name: string, select: string): SitemapSource {
  return {
    name,
    count: async (db) => {
      const [row] = await db.query<{ count: number }>(
        `select count(*)::int as count from (${select}) as entries`,
      );
      return row?.count ?? 0;
    },
    list: (db, { offset, limit }) =>
      db.query<SitemapEntry>(
        `select path, "lastModified" from (${select}) as entries order by path limit $1 offset $2`,
        [limit, offset],
      ),
  };
}
