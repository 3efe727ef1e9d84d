/**
 * The key of a cached response. Everything the response can depend on for a
 * visitor is in it: the host (and the forwarded host and protocol a proxy
 * sends, from which Astro builds the page's URL, so absolute links in feeds
 * are right), the path, and the query normalised:
 *
 * - parameters sorted by name (`?b=1&a=2` is `?a=2&b=1`); repeated ones keep
 *   their order (`theme=a&theme=b` is not `theme=b&theme=a`);
 * - parameters with an empty value dropped (`?hub=&page=2` is `?page=2`):
 *   every listing reads an empty filter as no filter.
 *
 * Nothing else is dropped: which parameters a page reads is the page's
 * business, and two URLs that render alike but differ in an unread
 * parameter merely make two entries. The encoding is not in the key: an
 * entry holds its brotli and gzip bodies and the request picks.
 */
export interface KeyParts {
  host: string | undefined;
  forwardedHost?: string | undefined;
  forwardedProto?: string | undefined;
  /** The request target as received: path and query (`/news?page=2`). */
  url: string;
}

/** Sorted by name, empty values dropped; '' when nothing is left. */
export function normaliseQuery(query: string): string {
  const params = [...new URLSearchParams(query)].filter(([, value]) => value !== '');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;
}

/** The render cache's key for a request. */
export function renderCacheKey(parts: KeyParts): string {
  const hash = parts.url.indexOf('#');
  const target = hash === -1 ? parts.url : parts.url.slice(0, hash);
  const question = target.indexOf('?');
  const path = question === -1 ? target : target.slice(0, question);
  const query = question === -1 ? '' : normaliseQuery(target.slice(question + 1));
  const origin = [
    parts.forwardedProto ?? '',
    parts.forwardedHost ?? '',
    (parts.host ?? '').toLowerCase(),
  ].join('|');
  return `${origin}|${path}${query}`;
}
