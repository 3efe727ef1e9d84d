import type { IndexSettings } from 'algoliasearch';
import { highlightEnd, highlightStart } from '../../../lib/search/highlight';

/**
 * The index settings, managed here rather than in Algolia's dashboard so that
 * every environment has the same relevance and `search:reindex` restores them.
 * The order of searchableAttributes mirrors the Postgres weights: title and
 * code, then themes and KPI codes, then summary, then text.
 */
export const algoliaIndexSettings: IndexSettings = {
  searchableAttributes: [
    'title,code',
    'unordered(themes),unordered(kpi_codes),unordered(subtype),unordered(country)',
    'unordered(summary)',
    'unordered(text)',
  ],
  attributesForFaceting: ['type', 'hubs', 'country', 'sdgs', 'themes', 'filterOnly(document_id)'],
  numericAttributesForFiltering: ['visible_from_ts', 'chunk'],
  customRanking: ['asc(chunk)', 'desc(date_ts)'],
  attributeForDistinct: 'document_id',
  distinct: true,
  attributesToHighlight: ['title'],
  attributesToSnippet: ['summary:30', 'text:30'],
  highlightPreTag: highlightStart,
  highlightPostTag: highlightEnd,
  snippetEllipsisText: '…',
  removeWordsIfNoResults: 'allOptional',
  typoTolerance: true,
  ignorePlurals: ['en'],
  queryLanguages: ['en'],
  hitsPerPage: 20,
  paginationLimitedTo: 1000,
};

/** Attributes faceted in Algolia, by the portal's facet names. */
export const algoliaFacetAttributes = {
  type: 'type',
  hub: 'hubs',
  country: 'country',
  sdg: 'sdgs',
  theme: 'themes',
} as const;
