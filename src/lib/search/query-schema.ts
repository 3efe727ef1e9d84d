import { z } from 'zod';
import { hasControlCharacters } from '../text/control-characters';
import {
  searchFacetNames,
  searchTypeSchema,
  type SearchFacetName,
  type SearchLink,
  type SearchType,
} from './record-schema';

/** Results per page unless asked otherwise, and the most one request may ask for. */
export const defaultSearchPageSize = 20;
export const maxSearchPageSize = 50;
export const maxSearchQueryLength = 200;

const noControlCharacters = (value: string) => !hasControlCharacters(value);
const controlCharactersMessage = 'text without control characters (such as NUL)';

const facetValue = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(noControlCharacters, controlCharactersMessage);

/**
 * Query parameters of `/search` and `GET /api/search`: the same names in both,
 * so a page URL and an API URL differ only in their path.
 */
export const searchParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(maxSearchQueryLength)
    .refine(noControlCharacters, controlCharactersMessage)
    .default(''),
  type: searchTypeSchema.optional(),
  hub: facetValue
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a hub slug such as demo-nordic-hub')
    .optional(),
  // An ISO 3166-1 alpha-2 code, as records store it ("no" is read as "NO").
  country: facetValue
    .transform((value) => (/^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value))
    .optional(),
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  theme: facetValue.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxSearchPageSize).default(defaultSearchPageSize),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
export const searchParamKeys = [
  'q',
  'type',
  'hub',
  'country',
  'sdg',
  'theme',
  'page',
  'pageSize',
] as const;

/** The active facet filters of a query, by facet name. */
export function activeFacetFilters(params: SearchParams): Partial<Record<SearchFacetName, string>> {
  const out: Partial<Record<SearchFacetName, string>> = {};
  for (const name of searchFacetNames) {
    const value = params[name];
    if (value !== undefined) out[name] = String(value);
  }
  return out;
}

/** True when the query asks for something (text or a facet); an empty query shows only the form. */
export function hasSearchCriteria(params: SearchParams): boolean {
  return params.q !== '' || Object.keys(activeFacetFilters(params)).length > 0;
}

/** A piece of highlighted text: matched parts are `highlighted`. Never HTML. */
export interface HighlightPart {
  text: string;
  highlighted: boolean;
}

export interface FacetValueCount {
  value: string;
  count: number;
  /** Display name where the value is an id (hub slug → hub name). */
  label?: string;
}

export type SearchFacets = Record<SearchFacetName, FacetValueCount[]>;

/** Records that link to a hit, counted by type: "used in 4 case studies in 3 hubs". */
export interface Backlinks {
  total: number;
  byType: Partial<Record<SearchType, number>>;
  hubs: number;
}

export interface SearchHit {
  id: string;
  type: SearchType;
  title: string;
  titleParts: HighlightPart[];
  snippet: HighlightPart[];
  url: string;
  code: string | null;
  subtype: string | null;
  hubs: { slug: string; name: string }[];
  country: string | null;
  sdgs: number[];
  themes: string[];
  links: SearchLink[];
  backlinks: Backlinks;
  isDemo: boolean;
  date: string | null;
}

/**
 * Whether counts are exact. Like Algolia's `exhaustive`, a query with many
 * matches gets an estimated total ("about 8,000 results") and facet counts
 * estimated from the matches the engine read.
 */
export interface SearchExhaustive {
  total: boolean;
  facets: boolean;
}

export interface SearchResponse {
  query: string;
  /** Set when typo correction rewrote the query: "Showing results for …". */
  correctedQuery: string | null;
  /** `any` when no record had every word and results match some of them. */
  matchMode: 'all' | 'any';
  /** Exact when `exhaustive.total`, else an estimate rounded to two significant digits. */
  total: number;
  exhaustive: SearchExhaustive;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: SearchFacets;
  engine: 'postgres' | 'algolia';
  tookMs: number;
}

/** Splits the API's zod issues into `{ param, message }` pairs that a client can show. */
export function describeSearchParamIssues(error: z.ZodError): { param: string; message: string }[] {
  return error.issues.map((issue) => ({
    param: issue.path.join('.') || 'query',
    message: issue.message,
  }));
}

/**
 * Reads the search parameters of a URL strictly, for the API: unknown or
 * repeated parameters are errors, empty values count as absent (GET forms
 * send `type=` for "any").
 */
export function readSearchParamsStrict(
  params: URLSearchParams,
):
  { ok: true; params: SearchParams } | { ok: false; issues: { param: string; message: string }[] } {
  const issues: { param: string; message: string }[] = [];
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (!(searchParamKeys as readonly string[]).includes(key)) {
      issues.push({ param: key, message: `Unknown parameter; use ${searchParamKeys.join(', ')}` });
      continue;
    }
    const values = params.getAll(key);
    if (values.length > 1) issues.push({ param: key, message: 'Give this parameter once' });
    else if (values[0]!.trim() !== '') raw[key] = values[0]!;
  }
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) issues.push(...describeSearchParamIssues(parsed.error));
  return issues.length === 0 && parsed.success
    ? { ok: true, params: parsed.data }
    : { ok: false, issues };
}

/**
 * Reads the search parameters of a page URL leniently: a bad value is dropped
 * and named in `invalid`, so a shared link with a stale filter still works.
 */
export function readSearchParamsLenient(params: URLSearchParams): {
  params: SearchParams;
  invalid: string[];
} {
  const invalid: string[] = [];
  const raw: Record<string, unknown> = {};
  for (const key of searchParamKeys) {
    const value = params.get(key);
    if (value === null || value.trim() === '') continue;
    const field = searchParamsSchema.shape[key].safeParse(value);
    if (field.success) raw[key] = field.data;
    else invalid.push(key);
  }
  return { params: searchParamsSchema.parse(raw), invalid };
}
