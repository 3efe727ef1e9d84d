import { plainParts } from '../../lib/search/highlight';
import type {
  Backlinks,
  SearchHit,
  SearchParams,
  SearchResponse,
} from '../../lib/search/query-schema';
import type { Queryable } from '../db/types';
import type { SearchEngine } from './engine';
import { getSearchEngine } from './get-search-engine';
import { loadVisibleDocuments, type LoadedDocument } from './visible-documents';
import { isDatabaseUnavailable } from '../db/database-unavailable';

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
    // A database outage is the whole portal's, answered as such by the middleware.
    if (isDatabaseUnavailable(error)) throw error;
    console.error('[search] engine failed:', error);
    throw new SearchUnavailableError(error);
  }
  // The Postgres engine loads the page through the caller's RLS in its own
  // statement; other engines' hits are loaded (and re-checked) here.
  const { documents, hubNames } =
    result.visiblePage ??
    (await loadVisibleDocuments(
      db,
      result.hits.map((hit) => hit.id),
      result.facets.hub.map((facet) => facet.value),
    ));

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
