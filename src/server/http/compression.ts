import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The content codings the portal sends, best first. */
export const encodings = ['br', 'gzip'] as const;
export type Encoding = (typeof encodings)[number];

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const minimumCompressibleBytes = 1024;

const compressibleType =
  /^(?:text\/|application\/(?:json|javascript|xml|rss\+xml|atom\+xml|manifest\+json|geo\+json|ld\+json)|image\/svg\+xml)/i;

/** Whether a response of this Content-Type shrinks with brotli or gzip (text, JSON, XML, iCalendar, JS, CSS, SVG). */
export function isCompressible(contentType: string | null | undefined): boolean {
  return Boolean(contentType && compressibleType.test(contentType.trim()));
}

/**
 * The coding to answer a request with, from its Accept-Encoding (RFC 9110
 * 12.5.3): brotli when accepted, else gzip, else none. `q=0` refuses a coding;
 * `*` stands for any coding not named. `available` limits the choice (a
 * static file may have only one of them).
 */
export function negotiateEncoding(
  acceptEncoding: string | null | undefined,
  available: readonly Encoding[] = encodings,
): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...parameters] = part.trim().split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value);
    }
    weights.set(name, Number.isFinite(q) ? q : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  let best: Encoding | null = null;
  for (const coding of available) {
    if (weightOf(coding) > 0 && (best === null || weightOf(coding) > weightOf(best))) best = coding;
  }
  return best;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compresses a response body off the main thread (libuv's pool). Brotli at
 * quality 5: within a few percent of the best sizes for HTML at a fraction
 * of quality 11's time; static files get 11 at build time instead.
 */
export function compressBody(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        // A window no larger than the body: the encoder's memory follows the
        // window (4 MB by default, per compression running on the pool).
        [zlib.constants.BROTLI_PARAM_LGWIN]: Math.min(
          22,
          Math.max(16, Math.ceil(Math.log2(body.byteLength + 1))),
        ),
      },
    });
  }
  return gzip(body, { level: 6 });
}

/** Adds `Accept-Encoding` to a response's Vary header, keeping what it varies on already. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const current = headers.get('vary');
  if (!current) headers.set('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current))
    headers.set('vary', `${current}, Accept-Encoding`);
}
