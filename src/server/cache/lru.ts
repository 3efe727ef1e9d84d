/** Something the LRU can weigh. */
export interface Weighed {
  /** Bytes this entry holds (bodies, headers, key). */
  bytes: number;
}

/**
 * A least-recently-used map bounded by bytes rather than entries: cached
 * pages range from 1 KB to hundreds. A Map keeps insertion order, so a read
 * re-inserts the entry and eviction takes from the front.
 */
export class ByteBudgetLru<V extends Weighed> {
  readonly #entries = new Map<string, V>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry, marked as just used. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * Stores `value`, evicting the least recently used entries until the total
   * fits the budget. An entry larger than an eighth of the budget is refused
   * (returns false): one huge page must not empty the cache.
   */
  set(key: string, value: V): boolean {
    this.delete(key);
    if (value.bytes > this.maxBytes / 8) return false;
    this.#entries.set(key, value);
    this.#bytes += value.bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
