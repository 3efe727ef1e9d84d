import { z } from 'zod';

/**
 * Helpers for listing pages whose filters are plain GET forms: bad or unknown
 * values are dropped (and reported) instead of failing the whole page, so a
 * shared link with a stale filter still shows results.
 */
export const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/**
 * Parses a listing's filters field by field: a bad value is dropped and its
 * name returned in `invalid`, while the other filters still apply. Every field
 * of the schema must accept `undefined` (optional or with a default/catch).
 */
export function parseListingFilters<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): { filters: z.infer<z.ZodObject<Shape>>; invalid: string[] } {
  const keys = Object.keys(schema.shape);
  // A query string is read for exactly the schema's keys ("Any" sends a blank value).
  const raw = source instanceof URLSearchParams ? readSearchParams(source, keys) : source;
  const invalid: string[] = [];
  const filters: Record<string, unknown> = {};
  for (const key of keys) {
    const given = raw[key];
    const value = Array.isArray(given) ? given[0] : given;
    if (value === undefined) continue;
    const field = (schema.shape[key] as z.ZodType).safeParse(value);
    if (field.success) filters[key] = field.data;
    else invalid.push(key);
  }
  return { filters: schema.parse(filters), invalid };
}

/** Reads the listed keys of a query string into a plain object; repeated keys become arrays. */
export function readSearchParams(
  params: URLSearchParams,
  keys: readonly string[],
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of keys) {
    const values = params.getAll(key).filter((value) => value.trim() !== '');
    out[key] = values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  }
  return out;
}

/**
 * A URL for the same listing with some parameters changed: `null` removes one,
 * and every change resets the page number unless the change is the page.
 */
export function listingUrl(base: URL, changes: Record<string, string | number | null>): string {
  const next = new URL(base.pathname, 'http://placeholder');
  const params = new URLSearchParams(base.search);
  if (!('page' in changes)) params.delete('page');
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, String(value));
  }
  next.search = params.toString();
  return `${next.pathname}${next.search}`;
}

/** Page numbers to show: first, last and a window around the current page; null is a gap. */
export function pageWindow(current: number, totalPages: number): (number | null)[] {
  const pages = new Set([1, totalPages, current - 1, current, current + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= totalPages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const page of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === 'number' && page - previous > 1) out.push(null);
    out.push(page);
  }
  return out;
}

export interface FilterChip {
  label: string;
  removeHref: string;
}

/**
 * The active filters as removable chips: one per parameter that has a label
 * (undefined labels are the filters not in use), each linking to the same
 * listing without it.
 */
export function filterChips(base: URL, labels: Record<string, string | undefined>): FilterChip[] {
  return Object.entries(labels)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, label]) => ({ label, removeHref: listingUrl(base, { [key]: null }) }));
}

/** Escapes `%`, `_` and `\` so user text is matched literally by ILIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
