/**
 * The SQL building blocks of the Postgres search engine: the text search
 * configuration, the tsquery of what a person typed, facet filters and facet
 * counts, and typo corrections. Pure string building (no database access),
 * so the engine's statement reads as one query.
 */
import type { SearchParams } from '../../lib/search/query-schema';
import type { SearchFacetName } from '../../lib/search/record-schema';

export const config = `'public.portal_search'::regconfig`;
const facetLimit = 30;
/** Matches read without the filters, when there are filters, for the filtered facets' counts. */
export const facetSampleLimit = 200;
/** Words shorter than this, or with digits, are never "corrected". */
const minCorrectableLength = 4;

export type MatchMode = 'all' | 'any';

/**
 * The tsquery for a query: whole words for all but the last, which matches as
 * a prefix (search as you type). Both parts go through the portal's text
 * search configuration (English stemming, accents folded), so "Tromso"
 * matches "Tromsø" and "Y.4903" matches the code as the parser reads it.
 * `public.search_prefix_query` turns the last word into the whole lexemes it
 * starts (cheaper for the GIN index than a partial match); lexemes are quoted
 * there, so nothing the user typed is ever interpreted as tsquery syntax.
 */
export function tsqueryExpression(mode: MatchMode): string {
  const head =
    mode === 'all'
      ? `plainto_tsquery(${config}, $1)`
      : `coalesce(nullif(replace(plainto_tsquery(${config}, $1)::text, ' & ', ' | '), '')::tsquery, ''::tsquery)`;
  const last = `public.search_prefix_query($2)`;
  return mode === 'all' ? `(${head} && ${last})` : `(${head} || ${last})`;
}

export interface FilterSql {
  /** SQL condition per active facet, over the alias `m`. */
  byFacet: Partial<Record<SearchFacetName, string>>;
  /** The typed parameter holding each active facet's value. */
  valueOf: Partial<Record<SearchFacetName, string>>;
  params: unknown[];
}

export function facetFilters(params: SearchParams, firstIndex: number): FilterSql {
  const byFacet: FilterSql['byFacet'] = {};
  const valueOf: FilterSql['valueOf'] = {};
  const values: unknown[] = [];
  const next = (name: SearchFacetName, value: unknown, type: string) => {
    values.push(value);
    valueOf[name] = `$${firstIndex + values.length - 1}::${type}`;
    return valueOf[name];
  };
  if (params.type) byFacet.type = `m.type = ${next('type', params.type, 'text')}`;
  if (params.hub) byFacet.hub = `${next('hub', params.hub, 'text')} = any(m.hubs)`;
  if (params.country) byFacet.country = `m.country = ${next('country', params.country, 'text')}`;
  if (params.sdg) byFacet.sdg = `${next('sdg', params.sdg, 'smallint')} = any(m.sdgs)`;
  if (params.theme) byFacet.theme = `${next('theme', params.theme, 'text')} = any(m.themes)`;
  return { byFacet, valueOf, params: values };
}

export function whereExcept(filters: FilterSql, except?: SearchFacetName): string {
  const conditions = Object.entries(filters.byFacet)
    .filter(([name]) => name !== except)
    .map(([, sql]) => sql);
  return conditions.length ? `where ${conditions.join(' and ')}` : '';
}

/**
 * One facet's counts, each counted with the other facets' filters applied:
 * over the unfiltered matches (`matched`) for a facet that is filtered on
 * (so its other values stay visible with their counts), over the narrowed
 * matches for the others (`narrowedMatches`, when there are filters).
 */
export function facetSql(
  name: SearchFacetName,
  filters: FilterSql,
  narrowedMatches?: string,
): string {
  const filtered = name in filters.byFacet;
  const from = narrowedMatches && !filtered ? `${narrowedMatches} m` : 'matched m';
  const where = narrowedMatches && !filtered ? '' : whereExcept(filters, name);
  const value = {
    type: { from, expr: 'm.type' },
    hub: { from: `${from} cross join lateral unnest(m.hubs) v`, expr: 'v' },
    country: { from, expr: 'm.country' },
    sdg: { from: `${from} cross join lateral unnest(m.sdgs) v`, expr: 'v::text' },
    theme: { from: `${from} cross join lateral unnest(m.themes) v`, expr: 'v' },
  }[name];
  const notNull =
    name === 'country' ? `${where ? `${where} and` : 'where'} m.country is not null` : where;
  return `(select coalesce(json_agg(x), '[]'::json) from (
      select ${value.expr} as value, count(*)::int as count from ${value.from} ${notNull}
       group by 1 order by 2 desc, 1 limit ${facetLimit}) x) as "${name}"`;
}

/** Words worth correcting: longer ones, without digits or dots (codes). */
export function correctableWords(words: string[]): string[] {
  return words.filter((word) => word.length >= minCorrectableLength && !/[\d.]/.test(word));
}

/**
 * Typo tolerance (`public.search_suggest`): for each word (of the text[]
 * parameter `wordsParam`) that is not in the vocabulary, the closest
 * vocabulary word by trigram similarity. The vocabulary (words of titles,
 * codes and themes) is trigram-indexed, so this stays fast where trigram
 * ranking over whole documents would not.
 */
export function correctionsSql(wordsParam: string): string {
  return `select s.word, s.suggestion from public.search_suggest(${wordsParam}::text[]) s`;
}

export type CorrectionRow = { word: string; suggestion: string | null };

export function toCorrections(rows: CorrectionRow[]): Map<string, string> {
  return new Map(
    rows.filter((row) => row.suggestion !== null).map((row) => [row.word, row.suggestion!]),
  );
}
