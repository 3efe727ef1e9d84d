import { parseHighlighted } from '../../../lib/search/highlight';
import type { FacetValueCount, SearchFacets, SearchParams } from '../../../lib/search/query-schema';
import { searchFacetNames, type SearchFacetName } from '../../../lib/search/record-schema';
import type { AlgoliaConfig } from '../../config';
import { emptyFacets, type EngineHit, type EngineResult, type SearchEngine } from '../engine';
import { createAlgoliaClient, type AlgoliaClient } from './client';
import { algoliaFacetAttributes } from './settings';

/** Quotes a facet value for Algolia's filter syntax. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The `filters` string for the active facets (all but `except`), plus scheduled-content visibility. */
export function algoliaFilters(
  params: SearchParams,
  nowSeconds: number,
  except?: SearchFacetName,
): string {
  const parts = [`visible_from_ts <= ${nowSeconds}`];
  for (const name of searchFacetNames) {
    if (name === except) continue;
    const value = params[name];
    if (value === undefined) continue;
    const attribute = algoliaFacetAttributes[name];
    parts.push(
      name === 'sdg'
        ? `${attribute} = ${Number(value)}`
        : `${attribute}:${quoteFilterValue(String(value))}`,
    );
  }
  return parts.join(' AND ');
}

type Facets = Record<string, Record<string, number>> | undefined;

function facetCounts(facets: Facets, name: SearchFacetName): FacetValueCount[] {
  const counts = facets?.[algoliaFacetAttributes[name]] ?? {};
  return Object.entries(counts)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 30);
}

interface AlgoliaHit {
  objectID: string;
  document_id?: string;
  _highlightResult?: { title?: { value?: string } };
  _snippetResult?: {
    text?: { value?: string; matchLevel?: string };
    summary?: { value?: string; matchLevel?: string };
  };
}

function toEngineHit(hit: AlgoliaHit): EngineHit {
  const id = hit.document_id ?? hit.objectID.replace(/#\d+$/, '');
  const title = hit._highlightResult?.title?.value;
  const text = hit._snippetResult?.text;
  const summary = hit._snippetResult?.summary;
  const snippetSource =
    text?.matchLevel && text.matchLevel !== 'none' ? text : summary?.value ? summary : text;
  return {
    id,
    titleParts: title ? parseHighlighted(title) : undefined,
    snippet: snippetSource?.value ? parseHighlighted(snippetSource.value) : undefined,
  };
}

/**
 * The Algolia engine: one query for hits and conjunctive facet counts, and
 * one more per active facet so each facet counts what choosing another value
 * would give (as the Postgres engine does). Hits are only ids and highlights:
 * `searchNetwork` loads the records through the caller's database, so a
 * stale index entry is never shown.
 */
export function createAlgoliaEngine(config: AlgoliaConfig, client?: AlgoliaClient): SearchEngine {
  const searchClient = client ?? createAlgoliaClient(config, 'search');
  return {
    name: 'algolia',
    async search(_db, params: SearchParams): Promise<EngineResult> {
      const now = Math.floor(Date.now() / 1000);
      const facetAttributes = searchFacetNames.map((name) => algoliaFacetAttributes[name]);
      const main = await searchClient.searchSingleIndex<AlgoliaHit>({
        indexName: config.indexName,
        searchParams: {
          query: params.q,
          filters: algoliaFilters(params, now),
          facets: facetAttributes,
          page: params.page - 1,
          hitsPerPage: params.pageSize,
          attributesToRetrieve: ['document_id'],
          distinct: true,
        },
      });
      const facets: SearchFacets = emptyFacets();
      for (const name of searchFacetNames) facets[name] = facetCounts(main.facets, name);
      const active = searchFacetNames.filter((name) => params[name] !== undefined);
      await Promise.all(
        active.map(async (name) => {
          const response = await searchClient.searchSingleIndex({
            indexName: config.indexName,
            searchParams: {
              query: params.q,
              filters: algoliaFilters(params, now, name),
              facets: [algoliaFacetAttributes[name]],
              hitsPerPage: 0,
              distinct: true,
            },
          });
          facets[name] = facetCounts(response.facets, name);
        }),
      );
      return {
        total: main.nbHits ?? 0,
        hits: main.hits.map(toEngineHit),
        facets,
        correctedQuery: null,
        matchMode: 'all',
        exhaustive: {
          total: main.exhaustive?.nbHits ?? main.exhaustiveNbHits ?? true,
          facets: main.exhaustive?.facetsCount ?? main.exhaustiveFacetsCount ?? true,
        },
      };
    },
  };
}
