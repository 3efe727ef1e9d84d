import http from 'node:http';
import https from 'node:https';
import { gunzipSync } from 'node:zlib';
import { getConfig } from '../config';
import { negotiateEncoding, type Encoding } from '../http/compression';
import type { PrecompressedFile } from '../http/compression-static';
import { renderCacheKey } from './cache-key';
import { getRenderCache } from './process-cache';
import type { CachedPage } from './render-cache';
import { runWithTicket, type RequestTicket } from './request-ticket';
import { hasSessionCookie } from './session-cookie-names';

/**
 * The render cache's front door: every request to the production server
 * passes here before the Node adapter (its static files, then Astro) sees
 * it. A visitor's GET or HEAD whose page is stored and still valid (same data
 * version, not past the next visibility change) is answered from memory in a
 * few microseconds: no routing, no file-system probe, no database queue. A
 * still-current `If-None-Match` is answered 304 the same way. Everything
 * else goes on to Astro carrying a ticket (request-ticket.ts) that tells the
 * middleware whether and under which version it may store the page.
 *
 * Static files with a precompressed `.br`/`.gz` are sent from memory too
 * (compression-static.ts); other static files go to the adapter.
 */
export interface FrontDoorOptions {
  /** Precompressed static files by URL path. */
  staticFiles: Map<string, PrecompressedFile>;
  /** Whether a URL path is a file of the client build (served by the adapter, never cached). */
  isStaticFile(urlPath: string): boolean;
}

const marker = Symbol.for('u4ssc.renderCacheFrontDoor');

type Emit = (this: http.Server, ...args: unknown[]) => boolean;

export function installFrontDoor(options: FrontDoorOptions): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as (http.Server & {
    [marker]?: boolean;
  })[]) {
    if (proto[marker]) continue;
    const originalEmit = proto.emit as Emit;
    proto.emit = function emit(this: http.Server, ...args: unknown[]) {
      if (args[0] !== 'request') return originalEmit.apply(this, args);
      const request = args[1] as http.IncomingMessage;
      const response = args[2] as http.ServerResponse;
      let passed = false;
      // Once only: a request goes on to Astro at most once, whatever happens here.
      const passOn = (ticket?: RequestTicket) => {
        if (passed) return true;
        passed = true;
        return ticket
          ? runWithTicket(ticket, () => originalEmit.apply(this, args))
          : originalEmit.apply(this, args);
      };
      try {
        return handle(request, response, options, passOn);
      } catch {
        // The door never fails a request: whatever went wrong here, Astro answers.
        return passOn({ mode: 'unverified' });
      }
    } as typeof proto.emit;
    proto[marker] = true;
  }
}

function handle(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options: FrontDoorOptions,
  passOn: (ticket?: RequestTicket) => boolean,
): boolean {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return passOn({ mode: 'bypass' });
  const url = request.url ?? '/';
  const pathEnd = url.search(/[?#]/);
  const urlPath = pathEnd === -1 ? url : url.slice(0, pathEnd);
  const config = getConfig();
  if (config.http.compression) {
    const file = options.staticFiles.get(safeDecode(urlPath));
    const coding = file ? pickCoding(request, file.variants) : null;
    if (file && coding) {
      sendStatic(request, response, file, coding);
      return true;
    }
  }
  if (options.isStaticFile(safeDecode(urlPath))) return passOn();
  if (!config.cache.enabled) return passOn({ mode: 'off' });
  if (hasSessionCookie(request.headers.cookie)) return passOn({ mode: 'bypass' });

  const cache = getRenderCache();
  const key = renderCacheKey({
    host: request.headers.host,
    forwardedHost: header(request, 'x-forwarded-host'),
    forwardedProto: header(request, 'x-forwarded-proto'),
    url,
  });
  cache
    .lookup(key)
    .then((lookup) => {
      const coding = config.http.compression
        ? negotiateEncoding(header(request, 'accept-encoding'))
        : null;
      if (lookup.page) {
        sendCached(request, response, lookup.page, coding);
        return;
      }
      const current = cache.currentTag(
        header(request, 'if-none-match'),
        lookup,
        coding ?? 'identity',
      );
      if (current) {
        sendNotModified(response, current);
        return;
      }
      // The state to store the page under is read before Astro renders it.
      return cache.stateFor(lookup).then((state) => {
        passOn({ mode: 'miss', cache, lookup, state });
      });
    })
    .catch(() => {
      // The version could not be read: Astro answers (a 503 if the database is away).
      if (!response.headersSent) passOn({ mode: 'unverified' });
    });
  return true;
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function safeDecode(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return urlPath;
  }
}

function pickCoding(
  request: http.IncomingMessage,
  variants: Partial<Record<Encoding, Buffer>>,
): Encoding | null {
  const available = (Object.keys(variants) as Encoding[]).filter((coding) => variants[coding]);
  return negotiateEncoding(header(request, 'accept-encoding'), available);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function sendStatic(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  file: PrecompressedFile,
  coding: Encoding,
): void {
  const body = file.variants[coding]!;
  const etag = `"${file.tag}.${coding}"`;
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Cache-Control', file.cacheControl);
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('ETag', etag);
  if (matches(header(request, 'if-none-match'), etag)) {
    response.writeHead(304);
    response.end();
    return;
  }
  response.setHeader('Content-Encoding', coding);
  response.setHeader('Content-Length', body.byteLength);
  response.writeHead(200);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendCached(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  page: CachedPage,
  coding: Encoding | null,
): void {
  const variant = coding ? page.variants[coding] : undefined;
  const etag = variant ? variant.etag : page.identityEtag;
  for (const [name, value] of page.headers) response.setHeader(name, value);
  response.setHeader('ETag', etag);
  response.setHeader('X-Render-Cache', 'hit');
  if (matches(header(request, 'if-none-match'), etag)) {
    response.writeHead(304);
    response.end();
    return;
  }
  const body = variant
    ? variant.body
    : (page.identity ?? gunzipSync(page.variants.gzip?.body ?? Buffer.alloc(0)));
  if (variant) response.setHeader('Content-Encoding', coding!);
  response.setHeader('Content-Length', body.byteLength);
  response.writeHead(page.status);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** A 304 from the version alone: the page left this server's memory, or was cached by another. */
function sendNotModified(response: http.ServerResponse, etag: string): void {
  response.setHeader('ETag', etag);
  response.setHeader('Cache-Control', publicCacheControl);
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('X-Render-Cache', 'hit');
  response.writeHead(304);
  response.end();
}

/**
 * What shared caches (a CDN) and browsers are told about anonymous pages:
 * keep a copy, but ask again every time (`no-cache`), with `If-None-Match`.
 * The answer is a 304 from the version check, without rendering, as long as
 * nothing changed; so a change is visible on the next request everywhere.
 */
export const publicCacheControl = 'public, no-cache';
