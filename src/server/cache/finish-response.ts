import { createHash } from 'node:crypto';
import { getConfig } from '../config';
import {
  compressBody,
  isCompressible,
  minimumCompressibleBytes,
  negotiateEncoding,
  varyOnAcceptEncoding,
  type Encoding,
} from '../http/compression';
import { publicCacheControl } from './front-door';
import { currentTicket } from './request-ticket';

/** Content types a visitor's response is cached for: pages, JSON, feeds, calendars. */
const cacheableType =
  /^(?:text\/html|application\/(?:json|rss\+xml|atom\+xml|xml)|text\/xml|text\/calendar)\b/i;

export interface ResponseFacts {
  /** The request was made with a valid session (claims). */
  signedIn: boolean;
  /** The response sets a cookie (Astro adds the header after the middleware). */
  setsCookie: boolean;
}

/** Headers that differ per coding, or that the cache sets itself: not stored with a page. */
const perCodingHeaders = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'x-render-cache',
  'set-cookie',
]);

/**
 * The last step of every rendered response in the production server (the
 * front door's ticket says it runs there): decides what browsers and a CDN
 * may keep, stores a visitor's page in the render cache, and compresses.
 *
 * - A visitor's 200 HTML, JSON, RSS or iCalendar response that sets no cookie
 *   and did not ask for `no-store` is *public*: `Cache-Control: public,
 *   no-cache`, `Vary: Accept-Encoding` and an `ETag`; with the render cache on
 *   (ticket `miss`) it is stored, compressed with brotli and gzip, under the
 *   data version read before it was rendered, and the tag names that version.
 * - Anything else (signed in, a cookie set, an error, a redirect) is never
 *   stored and gets no public caching headers; the middleware has already
 *   marked signed-in and cookie-setting responses `private, no-store`.
 * - Compressible bodies of 1 KB or more are sent in the best coding the
 *   client accepts (COMPRESSION=off: never).
 *
 * `X-Render-Cache` says what happened: `hit` (front door), `miss` (rendered
 * and stored), `bypass` (a session, or not GET/HEAD), `skip` (rendered, not
 * storable), `off` (RENDER_CACHE=off), `unverified` (the version could not be
 * read). Outside the production server (astro dev, tests) the response is
 * returned unchanged.
 */
export async function finishResponse(
  request: Request,
  response: Response,
  facts: ResponseFacts,
): Promise<Response> {
  const ticket = currentTicket();
  if (!ticket) return response;
  const compression = getConfig().http.compression;
  const headers = new Headers(response.headers);
  const contentType = headers.get('content-type');
  const isPublic =
    (request.method === 'GET' || request.method === 'HEAD') &&
    response.status === 200 &&
    !facts.signedIn &&
    !facts.setsCookie &&
    !headers.has('set-cookie') &&
    Boolean(contentType && cacheableType.test(contentType)) &&
    !/\b(?:no-store|private)\b/i.test(headers.get('cache-control') ?? '');
  const body = new Uint8Array(await response.arrayBuffer());
  const coding = compression ? negotiateEncoding(request.headers.get('accept-encoding')) : null;
  const compressible =
    compression && isCompressible(contentType) && body.byteLength >= minimumCompressibleBytes;
  const ifNoneMatch = request.headers.get('if-none-match');

  if (isPublic) {
    headers.set('cache-control', publicCacheControl);
    varyOnAcceptEncoding(headers);
    if (ticket.mode === 'miss') {
      const { cache, lookup, state } = ticket;
      const stored = [...headers].filter(([name]) => !perCodingHeaders.has(name));
      // Compressed once, now, so that a hit costs no compression; with
      // COMPRESSION=off (a proxy compresses) the plain body is kept instead.
      const [br, gzip] = compression
        ? await Promise.all([compressBody(body, 'br'), compressBody(body, 'gzip')])
        : [undefined, undefined];
      const page = {
        key: lookup.key,
        version: state.version,
        expiresAt: state.nextChangeAt,
        status: response.status,
        headers: stored,
        variants: {
          ...(br ? { br: { body: br, etag: cache.etag(lookup.key, state, 'br') } } : {}),
          ...(gzip ? { gzip: { body: gzip, etag: cache.etag(lookup.key, state, 'gzip') } } : {}),
        },
        ...(compression ? {} : { identity: Buffer.from(body) }),
        identityEtag: cache.etag(lookup.key, state, 'identity'),
      };
      const kept = cache.store(page);
      headers.set('x-render-cache', kept ? 'miss' : 'skip');
      const sent = coding ? page.variants[coding] : undefined;
      headers.set('etag', sent ? sent.etag : page.identityEtag);
      if (tagMatches(ifNoneMatch, headers.get('etag')!)) return notModified(headers);
      return sent ? withBody(headers, sent.body, coding) : withBody(headers, body, null);
    }
    // Not stored (the cache is off, or the version moved on while rendering):
    // the tag is the body's own, so revalidation still saves the transfer.
    headers.set('x-render-cache', ticket.mode);
    const sentCoding = compressible ? coding : null;
    headers.set(
      'etag',
      `"b.${createHash('sha1').update(body).digest('base64url').slice(0, 20)}.${sentCoding ?? 'identity'}"`,
    );
    if (tagMatches(ifNoneMatch, headers.get('etag')!)) return notModified(headers);
    return withBody(headers, sentCoding ? await compressBody(body, sentCoding) : body, sentCoding);
  }

  headers.set('x-render-cache', ticket.mode === 'miss' ? 'skip' : ticket.mode);
  if (compressible) varyOnAcceptEncoding(headers);
  if (compressible && coding && !headers.has('content-encoding')) {
    return withBody(
      headers,
      await compressBody(body, coding),
      coding,
      response.status,
      response.statusText,
    );
  }
  return withBody(headers, body, null, response.status, response.statusText);
}

function tagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function notModified(headers: Headers): Response {
  for (const name of ['content-length', 'content-encoding', 'content-type']) headers.delete(name);
  return new Response(null, { status: 304, headers });
}

function withBody(
  headers: Headers,
  body: Uint8Array,
  coding: Encoding | null,
  status = 200,
  statusText?: string,
): Response {
  if (coding) headers.set('content-encoding', coding);
  // An empty body gets no length: Astro merges the headers of a page that
  // answered an empty 404 into the 404 page it renders instead.
  if (body.byteLength > 0) headers.set('content-length', String(body.byteLength));
  else headers.delete('content-length');
  return new Response(body.byteLength > 0 ? (body as Uint8Array<ArrayBuffer>) : null, {
    status,
    statusText,
    headers,
  });
}
