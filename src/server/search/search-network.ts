import { plainParts } from '../../lib/search/highlight';
import type {
  Backlinks,
  SearchHit,
  SearchParams,
  SearchResponse,
} from '../../lib/search/query-schema';
import type { SearchLink, SearchType } from '../../lib/search/record-schema';
import type { Queryable } from '../db/types';
import type { SearchEngine } from './engine';
import { getSearchEngine } from './get-search-engine';

interface DocumentRow {
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

interface LoadedDocument extends DocumentRow {
  backlink_types: Partial<Record<SearchType, number>>;
  backlink_hubs: number;
}

/**
 * Loads the records of the engine's hits through the caller's database, in
 * the engine's order. A hit whose record is gone or not visible to the caller
 * any more (an index that lags behind, a scheduled item) is dropped here, so
 * a result never leads to a page the caller cannot open. Also counts the
 * records linking to each hit ("used in 4 case studies in 3 hubs") and names
 * the hubs of the hits and of the hub facet, all in one round trip.
 */
async function loadVisibleDocuments(
  db: Queryable,
  ids: string[],
  facetHubs: string[],
): Promise<{ documents: Map<string, LoadedDocument>; hubNames: Map<string, string> }> {
  if (ids.length === 0 && facetHubs.length === 0) {
    return { documents: new Map(), hubNames: new Map() };
  }
  const [row] = await db.query<{
    docs: DocumentRow[];
    backlinks: { target: string; type: SearchType | null; n: number; hubs: number }[];
    hub_names: { slug: string; name: string }[];
  }>(
    `with docs as materialized (
       select d.id, d.type, d.title, d.summary, d.url, d.code, d.subtype, d.hubs, d.country,
              d.sdgs::int[] as sdgs, d.themes, d.links, d.is_demo, d.dated_at
         from public.search_documents d
        where d.id = any($1::text[]))
     select
       (select coalesce(json_agg(docs), '[]'::json) from docs) as docs,
       -- One pass over the records linking to any hit (GIN index on link_ids).
       (select coalesce(json_agg(b), '[]'::json)
          from public.search_backlinks(array(select id from docs)) b) as backlinks,
       (select coalesce(json_agg(h), '[]'::json)
          from public.search_hub_names(array(
            select unnest($2::text[]) union select unnest(docs.hubs) from docs)) h) as hub_names`,
    [ids, facetHubs],
  );
  const documents = new Map<string, LoadedDocument>(
    row!.docs.map((doc) => [doc.id, { ...doc, backlink_types: {}, backlink_hubs: 0 }]),
  );
  for (const link of row!.backlinks) {
    const doc = documents.get(link.target);
    if (!doc) continue;
    if (link.type === null) doc.backlink_hubs = link.hubs;
    else doc.backlink_types = { ...doc.backlink_types, [link.type]: link.n };
  }
  return {
    documents,
    hubNames: new Map(row!.hub_names.map((hub) => [hub.slug, hub.name])),
  };
}

function toBacklinks(row: LoadedDocument): Backlinks {
  const byType = row.backlink_types;
  const total = Object.values(byType).reduce((sum, n) => sum + (n ?? 0), 0);
  return { total, byType, hubs: row.backlink_hubs };
}

function toIsoDate(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** The search engine failed (Algolia unreachable, a database error): the page says so, the API answers 503. */
export class SearchUnavailableError extends Error {
  constructor(cause: unknown) {
    super('Search is not available at the moment', { cause });
    this.name = 'SearchUnavailableError';
  }
}

/**
 * Searches the whole network for the caller: runs the configured engine, then
 * shows only records the caller can see now, with their links, hub names and
 * highlighted snippets. Used by the `/search` page and `GET /api/search`.
 */
export async function searchNetwork(
  db: Queryable,
  params: SearchParams,
  engine: SearchEngine = getSearchEngine(),
): Promise<SearchResponse> {
  const started = performance.now();
  let result;
  try {
    result = await engine.search(db, params);
  } catch (error) {
    console.error('[search] engine failed:', error);
    throw new SearchUnavailableError(error);
  }
  const ids = result.hits.map((hit) => hit.id);
  const { documents, hubNames } = await loadVisibleDocuments(
    db,
    ids,
    result.facets.hub.map((facet) => facet.value),
  );

  const hits: SearchHit[] = [];
  for (const hit of result.hits) {
    const doc = documents.get(hit.id);
    if (!doc) continue;
    hits.push({
      id: doc.id,
      type: doc.type,
      title: doc.title,
      titleParts: hit.titleParts?.length ? hit.titleParts : plainParts(doc.title),
      snippet: hit.snippet?.length ? hit.snippet : plainParts(doc.summary.slice(0, 300)),
      url: doc.url,
      code: doc.code,
      subtype: doc.subtype,
      hubs: doc.hubs.map((slug) => ({ slug, name: hubNames.get(slug) ?? slug })),
      country: doc.country,
      sdgs: doc.sdgs,
      themes: doc.themes,
      links: doc.links,
      backlinks: toBacklinks(doc),
      isDemo: doc.is_demo,
      date: toIsoDate(doc.dated_at),
    });
  }
  const dropped = result.hits.length - hits.length;
  const facets = {
    ...result.facets,
    hub: result.facets.hub.map((facet) => ({
      ...facet,
      label: hubNames.get(facet.value) ?? facet.value,
    })),
  };
  return {
    query: params.q,
    correctedQuery: result.correctedQuery,
    matchMode: result.matchMode,
    total: Math.max(0, result.total - dropped),
    exhaustive: result.exhaustive,
    page: params.page,
    pageSize: params.pageSize,
    hits,
    facets,
    engine: engine.name,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
