import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderCacheKey, normaliseQuery } from '../../src/server/cache/cache-key';
import { ByteBudgetLru } from '../../src/server/cache/lru';
import { RenderCache } from '../../src/server/cache/render-cache';
import { hasSessionCookie } from '../../src/server/cache/session-cookie-names';
import type { DataVersionSource } from '../../src/server/cache/data-version';
import { sessionCookieName, portalCookieName } from '../../src/server/auth/session-cookie';
import {
  compressBody,
  isCompressible,
  negotiateEncoding,
  varyOnAcceptEncoding,
} from '../../src/server/http/compression';

describe('render cache keys', () => {
  it('sorts parameters by name, keeps repeated ones in order, drops empty values', () => {
    expect(normaliseQuery('b=2&a=1')).toBe('?a=1&b=2');
    expect(normaliseQuery('theme=b&hub=x&theme=a')).toBe('?hub=x&theme=b&theme=a');
    expect(normaliseQuery('hub=&page=2')).toBe('?page=2');
    expect(normaliseQuery('hub=')).toBe('');
    expect(normaliseQuery('q=caf%C3%A9+city')).toBe('?q=caf%C3%A9+city');
  });

  it('tells hosts, forwarded origins and paths apart, and ignores the fragment', () => {
    const key = (url: string, host = 'portal.example', forwardedProto?: string) =>
      renderCacheKey({ host, url, forwardedProto });
    expect(key('/news?page=2&hub=austria')).toBe(key('/news?hub=austria&page=2'));
    expect(key('/news?page=2')).not.toBe(key('/news?page=3'));
    expect(key('/news')).not.toBe(key('/news', 'other.example'));
    expect(key('/news')).not.toBe(key('/news', 'portal.example', 'https'));
    expect(key('/news#top')).toBe(key('/news'));
    expect(key('/news/')).not.toBe(key('/news'));
  });
});

describe('the byte budget', () => {
  it('evicts the least recently used entries and never exceeds the budget', () => {
    const lru = new ByteBudgetLru<{ bytes: number }>(1000);
    for (let i = 0; i < 50; i += 1) {
      expect(lru.set(`page-${i}`, { bytes: 100 + (i % 3) * 10 })).toBe(true);
      expect(lru.bytes).toBeLessThanOrEqual(1000);
    }
    expect(lru.get('page-0')).toBeUndefined();
    expect(lru.get('page-49')).toBeDefined();
    // A read keeps an entry: it is not the next to go.
    lru.get('page-42');
    lru.set('new', { bytes: 120 });
    expect(lru.get('page-42')).toBeDefined();
  });

  it('refuses an entry larger than an eighth of the budget', () => {
    const lru = new ByteBudgetLru<{ bytes: number }>(8000);
    expect(lru.set('huge', { bytes: 1001 })).toBe(false);
    expect(lru.size).toBe(0);
  });

  it('keeps a cache full of large pages within its budget', () => {
    const source: DataVersionSource = {
      read: async () => '1-1',
      readState: async () => ({ version: '1-1', nextChangeAt: Number.POSITIVE_INFINITY }),
      close: async () => {},
    };
    const cache = new RenderCache({ source, maxBytes: 2 * 1024 * 1024, buildId: 'b' });
    const big = Buffer.alloc(100 * 1024, 7);
    for (let i = 0; i < 100; i += 1) {
      cache.store({
        key: `/big/${i}`,
        version: '1-1',
        expiresAt: Number.POSITIVE_INFINITY,
        status: 200,
        headers: [['content-type', 'text/html']],
        variants: { br: { body: big, etag: 'a' }, gzip: { body: big, etag: 'b' } },
        identityEtag: 'c',
      });
      expect(cache.usage.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
    expect(cache.usage.entries).toBeGreaterThan(0);
  });
});

describe('compression', () => {
  it('prefers brotli, honours q-values and refusals, and knows what shrinks', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding('gzip, br', ['gzip'])).toBe('gzip');
    for (const type of [
      'text/html; charset=utf-8',
      'application/json',
      'application/rss+xml',
      'text/calendar',
      'text/css',
      'text/javascript',
      'image/svg+xml',
    ])
      expect(isCompressible(type)).toBe(true);
    for (const type of ['image/png', 'image/webp', 'application/octet-stream', null])
      expect(isCompressible(type)).toBe(false);
  });

  it('compresses bodies that decode to the same bytes', async () => {
    const body = Buffer.from('<p>Smart sustainable cities</p>'.repeat(200));
    expect(brotliDecompressSync(await compressBody(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(await compressBody(body, 'gzip')).equals(body)).toBe(true);
  });

  it('adds Accept-Encoding to Vary once', () => {
    const headers = new Headers({ vary: 'Origin' });
    varyOnAcceptEncoding(headers);
    varyOnAcceptEncoding(headers);
    expect(headers.get('vary')).toBe('Origin, Accept-Encoding');
  });
});

describe('session cookies', () => {
  it('recognises every sign-in cookie the portal and Supabase set, and nothing else', () => {
    const local = new URL('http://127.0.0.1:4321/');
    const site = new URL('https://portal.example/');
    expect(hasSessionCookie(`${sessionCookieName(local)}=abc`)).toBe(true);
    expect(hasSessionCookie(`a=1; ${sessionCookieName(site)}=abc`)).toBe(true);
    expect(hasSessionCookie('sb-project-auth-token=x')).toBe(true);
    expect(hasSessionCookie('sb-project-auth-token.0=x; sb-project-auth-token.1=y')).toBe(true);
    expect(hasSessionCookie(`${portalCookieName(site, 'portal_device')}=abc`)).toBe(false);
    expect(hasSessionCookie('theme=dark')).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});
