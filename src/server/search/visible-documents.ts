import type { SearchLink, SearchType } from '../../lib/search/record-schema';
import type { Queryable } from '../db/types';

/**
 * Loading the records behind a page of hits, through the caller's database
 * (RLS): a hit whose record is gone or not visible to the caller any more (an
 * index that lags behind, a scheduled item) is simply not loaded, so a result
 * never leads to a page the caller cannot open. Also counts the records
 * linking to each hit ("used in 4 case studies in 3 hubs") and names hubs.
 *
 * The SQL pieces are shared: the Postgres engine loads the page inside its
 * own search statement (one round trip less); other engines' hits are loaded
 * with `loadVisibleDocuments`.
 */

export interface DocumentRow {
  id: string;
  type: SearchType;
  title: string;
  summary: string;
  url: string;
  code: string | null;
  subtype: string | null;
  hubs: string[];
  country: string | null;
  sdgs: number[];
  themes: string[];
  links: SearchLink[];
  is_demo: boolean;
  dated_at: string | Date | null;
}

export interface LoadedDocument extends DocumentRow {
  backlink_types: Partial<Record<SearchType, number>>;
  backlink_hubs: number;
}

/** The records of a page of hits that the caller may see, by id, and hub names by slug. */
export interface VisiblePage {
  documents: Map<string, LoadedDocument>;
  hubNames: Map<string, string>;
}

/** What the SQL of `visiblePageSql` returns, as columns of one row. */
export interface VisiblePageRow {
  docs: DocumentRow[];
  backlinks: { target: string; type: SearchType | null; n: number; hubs: number }[];
  hub_names: { slug: string; name: string }[];
}

/** The columns of a DocumentRow, from `public.search_documents d`. */
export const documentColumns = `d.id, d.type, d.title, d.summary, d.url, d.code, d.subtype, d.hubs,
  d.country, d.sdgs::int[] as sdgs, d.themes, d.links, d.is_demo, d.dated_at`;

/**
 * Select-list items `docs`, `backlinks` and `hub_names` over a CTE `docs`
 * (DocumentRow columns, and possibly more, listed in `docColumns`), naming
 * the hubs of the documents plus those of `hubSlugsSql` (a text[] expression).
 */
export function visiblePageSql(hubSlugsSql: string, docColumns = 'docs'): string {
  return `(select coalesce(json_agg(${docColumns}), '[]'::json) from docs) as docs,
       -- One pass over the records linking to any hit (GIN index on link_ids).
       (select coalesce(json_agg(b), '[]'::json)
          from public.search_backlinks(array(select id from docs)) b) as backlinks,
       (select coalesce(json_agg(h), '[]'::json)
          from public.search_hub_names(array(
            select unnest(${hubSlugsSql}) union select unnest(docs.hubs) from docs)) h) as hub_names`;
}

export function toVisiblePage(row: VisiblePageRow): VisiblePage {
  const documents = new Map<string, LoadedDocument>(
    row.docs.map((doc) => [doc.id, { ...doc, backlink_types: {}, backlink_hubs: 0 }]),
  );
  for (const link of row.backlinks) {
    const doc = documents.get(link.target);
    if (!doc) continue;
    if (link.type === null) doc.backlink_hubs = link.hubs;
    else doc.backlink_types = { ...doc.backlink_types, [link.type]: link.n };
  }
  return {
    documents,
    hubNames: new Map(row.hub_names.map((hub) => [hub.slug, hub.name])),
  };
}

/** Loads the visible records of these hits, and the names of their hubs and of `facetHubs`. */
export async function loadVisibleDocuments(
  db: Queryable,
  ids: string[],
  facetHubs: string[],
): Promise<VisiblePage> {
  if (ids.length === 0 && facetHubs.length === 0) {
    return { documents: new Map(), hubNames: new Map() };
  }
  const [row] = await db.query<VisiblePageRow>(
    `with docs as materialized (
       select ${documentColumns} from public.search_documents d where d.id = any($1::text[]))
     select ${visiblePageSql('$2::text[]')}`,
    [ids, facetHubs],
  );
  return toVisiblePage(row!);
}
