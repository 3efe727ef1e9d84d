import { createHash } from 'node:crypto';
import type { Encoding } from '../http/compression';
import type { CacheState, DataVersionSource } from './data-version';
import { ByteBudgetLru } from './lru';

/** A response body in one coding, and its entity tag. */
export interface Variant {
  body: Buffer;
  etag: string;
}

/** A stored anonymous response: its bodies compressed, valid for one data version until a moment. */
export interface CachedPage {
  key: string;
  version: string;
  /** Epoch ms of the next visibility change (Infinity: none); the page is stale from then on. */
  expiresAt: number;
  status: number;
  /** The response's headers, without the per-coding ones (length, coding, tag) nor the cache's own. */
  headers: [string, string][];
  /** Brotli and gzip bodies (none with COMPRESSION=off). */
  variants: Partial<Record<Encoding, Variant>>;
  /** The uncompressed body, kept only with COMPRESSION=off (else a client that accepts no coding gets the gzip body gunzipped). */
  identity?: Buffer;
  /** The uncompressed body's tag. */
  identityEtag: string;
  bytes: number;
}

/** What a lookup found: the version read for it, and a page valid for that version now, if any. */
export interface Lookup {
  key: string;
  version: string;
  /** When the version read began (the cache's clock): pages rendered after it may be stored under it. */
  readStartedAt: number;
  page?: CachedPage;
}

export interface RenderCacheOptions {
  source: DataVersionSource;
  maxBytes: number;
  /** Names this build: entity tags of another build never match (its pages differ). */
  buildId: string;
  /** The clock pages expire by (tests move it; docs/testing-rules.md "Time"). */
  clock?: () => number;
}

const keyHash = (key: string) => createHash('sha1').update(key).digest('base64url').slice(0, 12);

/**
 * The render cache: anonymous responses by key, each stored under the data
 * version read before it was rendered and valid until the next visibility
 * change, in a least-recently-used map bounded by bytes (docs/render-cache.md).
 *
 * Entity tags name the build, the version, the expiry, the key and the coding,
 * so a client's `If-None-Match` can be answered 304 from the version alone,
 * on any app server, even when the page has left this one's memory.
 */
export class RenderCache {
  readonly #lru: ByteBudgetLru<CachedPage>;
  readonly #source: DataVersionSource;
  readonly #buildId: string;
  readonly clock: () => number;
  #memo: CacheState | undefined;

  constructor(options: RenderCacheOptions) {
    this.#lru = new ByteBudgetLru(options.maxBytes);
    this.#source = options.source;
    this.#buildId = options.buildId;
    this.clock = options.clock ?? Date.now;
  }

  /** Bytes and entries held, for the tests and operators. */
  get usage(): { bytes: number; entries: number; maxBytes: number } {
    return { bytes: this.#lru.bytes, entries: this.#lru.size, maxBytes: this.#lru.maxBytes };
  }

  /** Reads the data version (after this call began) and finds a page still valid under it. */
  async lookup(key: string): Promise<Lookup> {
    const readStartedAt = this.clock();
    const version = await this.#source.read();
    const page = this.#lru.get(key);
    const valid = page && page.version === version && this.clock() < page.expiresAt;
    return { key, version, readStartedAt, ...(valid ? { page } : {}) };
  }

  /**
   * The state a page about to be rendered is stored under: the data version
   * and the next visibility change after the database's `now()`, read in one
   * snapshot *before* the render, so the render sees at least that data and
   * a later `now()` (a change after the read makes a newer version; a moment
   * after it is the expiry). Read once per version: while the version is the
   * lookup's and its next moment has not come, the last reading still holds.
   */
  async stateFor(lookup: Lookup): Promise<CacheState> {
    const memo = this.#memo;
    if (memo && memo.version === lookup.version && this.clock() < memo.nextChangeAt) return memo;
    const state = await this.#source.readState();
    this.#memo = state;
    return state;
  }

  /** The entity tag of a response for this key, state and coding (`identity`: none). */
  etag(key: string, state: CacheState, coding: Encoding | 'identity'): string {
    const expires = Number.isFinite(state.nextChangeAt)
      ? Math.floor(state.nextChangeAt).toString(36)
      : 'never';
    return `"${this.#buildId}.${state.version}.${expires}.${keyHash(key)}.${coding}"`;
  }

  /**
   * The tag in `ifNoneMatch` that this cache issued for the lookup's key and
   * that is still current (same build, the lookup's version, not expired,
   * same coding), or null. The body it stands for would be rendered again
   * byte for byte, so a 304 is exact.
   */
  currentTag(
    ifNoneMatch: string | undefined,
    lookup: Lookup,
    coding: Encoding | 'identity',
  ): string | null {
    if (!ifNoneMatch) return null;
    const hash = keyHash(lookup.key);
    for (const raw of ifNoneMatch.split(',')) {
      const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
      const [build, version, expires, keyPart, tagCoding] = tag.split('.');
      if (build !== this.#buildId || version !== lookup.version) continue;
      if (keyPart !== hash || tagCoding !== coding) continue;
      const expiresAt =
        expires === 'never' ? Number.POSITIVE_INFINITY : parseInt(expires ?? '', 36);
      if (!Number.isNaN(expiresAt) && this.clock() < expiresAt) return `"${tag}"`;
    }
    return null;
  }

  /** Stores a page (refused when larger than an eighth of the budget). */
  store(page: Omit<CachedPage, 'bytes'>): boolean {
    const headerBytes = page.headers.reduce(
      (sum, [name, value]) => sum + name.length + value.length,
      0,
    );
    const bytes =
      (page.variants.br?.body.byteLength ?? 0) +
      (page.variants.gzip?.body.byteLength ?? 0) +
      (page.identity?.byteLength ?? 0) +
      headerBytes +
      page.key.length * 2 +
      256;
    return this.#lru.set(page.key, { ...page, bytes });
  }

  /** Empties the cache (tests; a new build starts empty anyway). */
  clear(): void {
    this.#lru.clear();
    this.#memo = undefined;
  }

  close(): Promise<void> {
    return this.#source.close();
  }
}
