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
 * `private.search_prefix_query` turns the last word into the whole lexemes it
 * starts (cheaper for the GIN index than a partial match); lexemes are quoted
 * there, so nothing the user typed is ever interpreted as tsquery syntax.
 */
export function tsqueryExpression(mode: MatchMode): string {
  const head =
    mode === 'all'
      ? `plainto_tsquery(${config}, $1)`
      : `coalesce(nullif(replace(plainto_tsquery(${config}, $1)::text, ' & ', ' | '), '')::tsquery, ''::tsquery)`;
  const last = `private.search_prefix_query($2)`;
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

export interface FallbackParams {
  /** The text[] parameter of the words worth correcting, or null when there are none. */
  correctableParam: string | null;
  /** The text[] parameter of all the words, in order. */
  wordsParam: string;
  /** The parameter of the number of matches each read may take. */
  limitParam: string;
  /** Whether to fall back to any word (a query of several words). */
  anyWord: boolean;
}

/**
 * The CTEs that read the matches of a query without filters, with its
 * fallbacks, after a CTE `q` (query, exact): `first_sample` as typed; when
 * that is empty, `suggested` (typo corrections), `corrected_sample` (the
 * query with them), then `any_sample` (any word); each read only runs when
 * the one before found nothing. Defines `sample` (the matches used),
 * `fallback` (null, 'corrected' or 'any') and `hq` (the tsquery to
 * highlight with).
 */
export function fallbackSamplesSql({
  correctableParam,
  wordsParam,
  limitParam,
  anyWord,
}: FallbackParams): string {
  return `first_sample as materialized (select s.* from q,
           public.search_candidates(q.query, q.exact, ${limitParam}) s),
       suggested as materialized (${
         correctableParam
           ? `select s.word, s.suggestion from public.search_suggest(${correctableParam}::text[]) s
               where not exists (select 1 from first_sample)`
           : 'select null::text as word, null::text as suggestion where false'
       }),
       fixed as (select array_to_string(w.words[1:cardinality(w.words) - 1], ' ') as head,
                        w.words[cardinality(w.words)] as last, array_to_string(w.words, ' ') as full_text
           from (select array(select coalesce((select s.suggestion from suggested s
                                               where s.word = x.word and s.suggestion is not null
                                               limit 1), x.word)
                                from unnest(${wordsParam}::text[]) with ordinality as x(word, i)
                               order by x.i) as words) w
          where exists (select 1 from suggested where suggestion is not null)),
       fixed_q as (select (plainto_tsquery(${config}, f.head) && private.search_prefix_query(f.last)) as query,
                          public.search_normalize(f.full_text) as exact from fixed f),
       corrected_sample as materialized (select s.* from fixed_q,
           public.search_candidates(fixed_q.query, fixed_q.exact, ${limitParam}) s),
       any_sample as materialized (${
         anyWord
           ? `select s.* from q, public.search_candidates(${tsqueryExpression('any')}, q.exact, ${limitParam}) s
               where not exists (select 1 from first_sample)
                 and not exists (select 1 from corrected_sample)`
           : 'select * from first_sample where false'
       }),
       sample as (select * from first_sample union all select * from corrected_sample
                  union all select * from any_sample),
       fallback as (select case when exists (select 1 from first_sample) then null
                                when exists (select 1 from corrected_sample) then 'corrected'
                                when exists (select 1 from any_sample) then 'any' end as used),
       hq as (select case fb.used when 'corrected' then (select fq.query from fixed_q fq)
                                  when 'any' then ${anyWord ? tsqueryExpression('any') : 'q.query'} else q.query end as query
                from q, fallback fb)`;
}
