import {
  highlightEnd,
  highlightStart,
  parseHighlighted,
  plainParts,
} from '../../lib/search/highlight';
import type { FacetValueCount, SearchFacets, SearchParams } from '../../lib/search/query-schema';
import { searchFacetNames, type SearchFacetName } from '../../lib/search/record-schema';
import type { Queryable } from '../db/types';
import { emptyFacets, type EngineHit, type EngineResult, type SearchEngine } from './engine';
import { exactMatchLimit, roundEstimate } from './estimate';
import {
  config,
  correctableWords,
  correctionsSql,
  facetFilters,
  fallbackSamplesSql,
  facetSampleLimit,
  facetSql,
  toCorrections,
  tsqueryExpression,
  whereExcept,
  type CorrectionRow,
  type MatchMode,
} from './postgres-search-sql';
import { applyCorrections, parseQueryText, type QueryText } from './query-text';
import {
  documentColumns,
  toVisiblePage,
  visiblePageSql,
  type DocumentRow,
  type VisiblePage,
  type VisiblePageRow,
} from './visible-documents';

interface MainRow {
  total: number;
  ids: string[];
  type: FacetValueCount[];
  hub: FacetValueCount[];
  country: FacetValueCount[];
  sdg: FacetValueCount[];
  theme: FacetValueCount[];
  /** False when the total is an estimate (more matches than the engine reads). */
  totalExact: boolean;
  /** False when the facet counts are estimates, scaled up from the matches read. */
  facetsExact: boolean;
  /** The page's highlighted titles and snippets (text queries only). */
  highlights?: HighlightRow[];
  /** The page's records as the caller may see them (text queries only). */
  visiblePage?: VisiblePage;
  /** Typo corrections, when asked for and nothing matched at all. */
  corrections?: Map<string, string>;
  /**
   * With fallbacks asked for: null when the query matched as typed, else the
   * fallback whose matches these are (or null if nothing matched at all).
   * Undefined when the statement did not try them.
   */
  fallback?: 'corrected' | 'any' | null;
  /** With the 'corrected' fallback: the query with the corrections, as the statement ran it. */
  correctedQuery?: string | null;
}

interface RawMainRow
  extends
    Omit<
      MainRow,
      'totalExact' | 'facetsExact' | 'highlights' | 'visiblePage' | 'corrections' | 'correctedQuery'
    >,
    VisiblePageRow {
  corrections?: CorrectionRow[] | null;
  corrected_query?: string | null;
  docs: (DocumentRow & { title_highlighted: string; snippet_highlighted: string })[];
  /** Matches read without the facet filters (at most `limit + 1`), and how many match in all. */
  sample_rows: number;
  sample_matches: number | null;
  sample_exact: boolean | null;
  /** Matches read with the facet filters, how many match in all, and whether that is exact. */
  source_rows: number;
  source_matches: number | null;
  source_exact: boolean | null;
}

function scaleFacets(row: RawMainRow, names: SearchFacetName[], factor: number): void {
  for (const name of names) {
    row[name] = row[name].map((facet) => ({
      ...facet,
      count: Math.max(1, roundEstimate(facet.count * factor)),
    }));
  }
}

async function runMain(
  db: Queryable,
  text: QueryText | null,
  mode: MatchMode,
  params: SearchParams,
  /**
   * The query's words: should nothing match, the same statement corrects
   * typos (retrying with the corrections) and falls back to any word.
   */
  words: string[] = [],
): Promise<MainRow> {
  const base: unknown[] = text ? [text.head, text.last, text.full] : [];
  const filters = facetFilters(params, base.length + 1);
  const offset = (params.page - 1) * params.pageSize;
  if (!text) {
    // Browsing by facet only: no text, every visible record (through RLS).
    const matched = `matched as materialized (
         select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized, 0::real as score
           from public.search_documents d)`;
    const where = whereExcept(filters);
    const sql = `with ${matched}
      select
        (select count(*)::int from matched m ${where}) as total,
        (select coalesce(json_agg(x.id), '[]'::json) from (
            select m.id from matched m ${where}
             order by m.score desc, m.title_normalized, m.id
             limit ${params.pageSize} offset ${offset}) x) as ids,
        ${searchFacetNames.map((name) => facetSql(name, filters)).join(',\n        ')}`;
    const [row] = await db.query<Omit<MainRow, 'totalExact' | 'facetsExact'>>(sql, filters.params);
    return { ...row!, totalExact: true, facetsExact: true };
  }

  // Bounded work (as Algolia does): public.search_candidates (security
  // definer, so that the GIN index is used: under RLS the @@ operator, not
  // being leakproof, would force a sequential scan; it applies the policy's
  // visibility rule itself) returns at most `limit + 1` matches, read bucket
  // by bucket (a random sixteenth of the records each), with the number of
  // matches: exact up to `limit`, else estimated from the share of buckets
  // read. Beyond `limit`, hits are ranked among those read and facet counts
  // are scaled up. With facet filters, a second read applies them inside the
  // full-text query, so hits and total are those of the narrowed set (exact
  // when it is small). One statement does it all: the page's records through
  // the caller's RLS, snippets, backlinks, hub names, and the fallbacks
  // (docs/search.md, "How a search runs").
  const limit = Math.max(exactMatchLimit, params.page * params.pageSize);
  const values: unknown[] = [...base, ...filters.params];
  const next = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const limitParam = next(limit);
  const hasFilters = filters.params.length > 0;
  // With filters, the unfiltered read only feeds the filtered facets' counts.
  const sampleLimitParam = hasFilters ? next(facetSampleLimit) : limitParam;
  const narrowed = hasFilters
    ? `, narrowed as materialized (select s.* from q, public.search_candidates(q.query, q.exact,
          ${limitParam}, ${filters.valueOf.type ?? 'null::text'}, ${filters.valueOf.hub ?? 'null::text'},
          ${filters.valueOf.country ?? 'null::text'}, ${filters.valueOf.sdg ?? 'null::smallint'},
          ${filters.valueOf.theme ?? 'null::text'}) s),
       narrowed_matches as (select * from narrowed where sampled)`
    : '';
  const source = hasFilters ? 'narrowed' : 'sample';
  // Without filters, when nothing has every word, the same statement
  // corrects typos and retries, then falls back to any word (for several
  // words); each of these reads only runs when the one before found nothing.
  const fallbacks = !hasFilters && mode === 'all' && words.length > 0;
  const anyFallback = fallbacks && text.full.includes(' ');
  const correctable = correctableWords(words);
  const correctableParam = correctable.length ? next(correctable) : null;
  const corrections = !correctableParam
    ? ''
    : fallbacks
      ? `(select json_agg(c) from suggested c) as corrections,`
      : `case when not exists (select 1 from sample) then
         (select coalesce(json_agg(c), '[]'::json) from (${correctionsSql(correctableParam)}) c)
       end as corrections,`;
  const samples = fallbacks
    ? fallbackSamplesSql({
        correctableParam,
        wordsParam: next(words),
        limitParam: sampleLimitParam,
        anyWord: anyFallback,
      })
    : `sample as materialized (select s.* from q,
           public.search_candidates(q.query, q.exact, ${sampleLimitParam}) s),
       hq as (select q.query from q)`;
  const usedFallback = fallbacks
    ? `(select used from fallback) as fallback, (select f.full_text from fixed f) as corrected_query,`
    : '';
  const marks = `StartSel=${highlightStart}, StopSel=${highlightEnd}`;
  const titleOptions = next(`HighlightAll=true, ${marks}`);
  const snippetOptions = next(
    `MaxFragments=2, MinWords=10, MaxWords=28, ShortWord=2, FragmentDelimiter=" … ", ${marks}`,
  );
  const sql = `with q as (select ${tsqueryExpression(mode)} as query,
           public.search_normalize($3) as exact),
       ${samples},
       matched as (select * from sample where sampled)${narrowed},
       page as materialized (select m.id, m.score, m.title_normalized from ${source} m
           order by m.score desc, m.title_normalized, m.id
           limit ${params.pageSize} offset ${offset}),
       -- The page's records through the caller's RLS, with their highlights.
       docs as materialized (select ${documentColumns},
           ts_headline(${config}, d.title, hq.query, ${titleOptions}) as title_highlighted,
           ts_headline(${config}, left(d.summary || E'\\n' || d.body, 4000), hq.query,
                       ${snippetOptions}) as snippet_highlighted
         from public.search_documents d, hq
        where d.id in (select p.id from page p))
    select
      (select count(*)::int from ${source}) as total,
      (select coalesce(json_agg(p.id order by p.score desc, p.title_normalized, p.id), '[]'::json)
         from page p) as ids,
      ${visiblePageSql('array(select distinct unnest(m.hubs) from matched m)')},
      ${corrections}
      ${usedFallback}
      (select count(*)::int from sample where sampled) as sample_rows,
      (select max(matches) from sample) as sample_matches,
      (select bool_and(matches_exact) from sample) as sample_exact,
      (select count(*)::int from ${source} where sampled) as source_rows,
      (select max(matches) from ${source}) as source_matches,
      (select bool_and(matches_exact) from ${source}) as source_exact,
      ${searchFacetNames
        .map((name) => facetSql(name, filters, hasFilters ? 'narrowed_matches' : undefined))
        .join(',\n      ')}`;
  const [raw] = await db.query<RawMainRow>(sql, values);
  const row = raw!;
  // No rows: nothing matched, which is exact.
  const totalExact = row.source_exact ?? true;
  const sampleExact = row.sample_exact ?? true;
  const filtered = searchFacetNames.filter((name) => name in filters.byFacet);
  const fromSample = hasFilters ? filtered : [...searchFacetNames];
  if (!sampleExact && row.sample_rows > 0) {
    scaleFacets(row, fromSample, (row.sample_matches ?? row.sample_rows) / row.sample_rows);
  }
  if (hasFilters && !totalExact && row.source_rows > 0) {
    const fromNarrowed = searchFacetNames.filter((name) => !filtered.includes(name));
    scaleFacets(row, fromNarrowed, (row.source_matches ?? row.source_rows) / row.source_rows);
  }
  const facetsExact = sampleExact && (!hasFilters || totalExact);
  return {
    total: totalExact ? row.total : roundEstimate(row.source_matches ?? row.total),
    ids: row.ids,
    type: row.type,
    hub: row.hub,
    country: row.country,
    sdg: row.sdg,
    theme: row.theme,
    totalExact,
    facetsExact,
    highlights: row.docs.map((doc) => ({
      id: doc.id,
      title: doc.title_highlighted,
      snippet: doc.snippet_highlighted,
    })),
    visiblePage: toVisiblePage(row),
    corrections: row.corrections ? toCorrections(row.corrections) : undefined,
    fallback: row.fallback ?? (fallbacks ? null : undefined),
    correctedQuery: row.corrected_query ?? null,
  };
}

interface HighlightRow {
  id: string;
  title: string;
  snippet: string;
}

/** Hits with highlighting: from the main query for text queries, plain otherwise. */
async function highlight(
  db: Queryable,
  text: QueryText | null,
  row: MainRow,
): Promise<Map<string, EngineHit>> {
  if (row.ids.length === 0) return new Map<string, EngineHit>();
  const rows =
    text && row.highlights
      ? row.highlights
      : await db.query<HighlightRow>(
          `select d.id, d.title, left(d.summary, 300) as snippet
             from public.search_documents d where d.id = any($1::text[])`,
          [row.ids],
        );
  return new Map(
    rows.map((hit) => [
      hit.id,
      {
        id: hit.id,
        titleParts: text ? parseHighlighted(hit.title) : plainParts(hit.title),
        snippet: text ? parseHighlighted(hit.snippet) : plainParts(hit.snippet),
      },
    ]),
  );
}

async function suggestCorrections(db: Queryable, words: string[]): Promise<Map<string, string>> {
  const candidates = correctableWords(words);
  if (candidates.length === 0) return new Map();
  return toCorrections(await db.query<CorrectionRow>(correctionsSql('$1'), [candidates]));
}

function toFacets(row: MainRow): SearchFacets {
  const facets = emptyFacets();
  for (const name of searchFacetNames) facets[name] = row[name];
  return facets;
}

/**
 * The embedded engine: full-text search in the same PostgreSQL database,
 * weighted title > themes/codes > summary > text, prefix matching on the
 * last word, facet counts, ts_headline snippets, pagination. When nothing
 * matches it corrects typos against the vocabulary, then accepts any word.
 */
export const postgresSearchEngine: SearchEngine = {
  name: 'postgres',
  async search(db: Queryable, params: SearchParams): Promise<EngineResult> {
    const parsed = params.q === '' ? null : parseQueryText(params.q);
    let text = parsed;
    let mode: MatchMode = 'all';
    let correctedQuery: string | null = null;
    let row = await runMain(db, text, mode, params, parsed?.words ?? []);

    if (row.fallback !== undefined) {
      // The statement already tried the corrections and any word.
      if (row.fallback === 'corrected' && row.correctedQuery) {
        // The query the statement ran, as it built it.
        correctedQuery = row.correctedQuery;
        text = parseQueryText(correctedQuery);
      }
      if (row.fallback === 'any') mode = 'any';
    } else if (row.total === 0 && parsed && parsed.words.length > 0) {
      const suggestions = row.corrections ?? (await suggestCorrections(db, parsed.words));
      const corrected = applyCorrections(parsed.words, suggestions);
      if (corrected) {
        const retried = parseQueryText(corrected);
        const retry = await runMain(db, retried, mode, params);
        if (retry.total > 0) {
          text = retried;
          row = retry;
          correctedQuery = corrected;
        }
      }
      if (row.total === 0 && (text?.full.includes(' ') ?? false)) {
        const anyWord = await runMain(db, text, 'any', params);
        if (anyWord.total > 0) {
          row = anyWord;
          mode = 'any';
        }
      }
    }

    const highlighted = await highlight(db, text, row);
    return {
      total: row.total,
      hits: row.ids.map((id) => highlighted.get(id) ?? { id }),
      facets: toFacets(row),
      correctedQuery,
      matchMode: mode,
      exhaustive: { total: row.totalExact, facets: row.facetsExact },
      visiblePage: row.visiblePage,
    };
  },
};
