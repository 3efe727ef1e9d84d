import type {
  HighlightPart,
  SearchExhaustive,
  SearchFacets,
  SearchParams,
} from '../../lib/search/query-schema';
import type { Queryable } from '../db/types';
import type { VisiblePage } from './visible-documents';

/** One hit as an engine returns it: the record id plus the engine's highlighting. */
export interface EngineHit {
  id: string;
  titleParts?: HighlightPart[];
  snippet?: HighlightPart[];
}

export interface EngineResult {
  total: number;
  hits: EngineHit[];
  facets: SearchFacets;
  /** The query the engine actually ran when it corrected a typo, else null. */
  correctedQuery: string | null;
  /** `any` when no record had every word and the engine fell back to any word. */
  matchMode: 'all' | 'any';
  /** Whether `total` and the facet counts are exact or estimates (large result sets). */
  exhaustive: SearchExhaustive;
  /**
   * The hits' records as the caller may see them (through RLS), with the
   * names of every hub in the hits and facets, when the engine loaded them
   * itself; otherwise the caller loads them.
   */
  visiblePage?: VisiblePage;
}

/**
 * The port both search engines implement. `db` is the caller's request
 * database (their Postgres role and claims): the Postgres engine searches
 * through it, so RLS applies; the Algolia engine ignores it and the caller
 * re-checks its hits against it.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'algolia';
  search(db: Queryable, params: SearchParams): Promise<EngineResult>;
}

/** Facet counts with nothing in them, for empty queries and failures. */
export function emptyFacets(): SearchFacets {
  return { type: [], hub: [], country: [], sdg: [], theme: [] };
}
