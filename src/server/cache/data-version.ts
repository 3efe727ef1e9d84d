import type { Database } from '../db/types';

/**
 * What the render cache knows about the data (migration
 * 20261203170000_render_cache.sql): the data version, bumped by the commit of
 * every transaction that changed a table public pages read, and the next
 * moment at which a page may change by time alone.
 */
export interface CacheState {
  /** The data version token (`<counter>-<microseconds of the bump>`). */
  version: string;
  /** Epoch ms of the next visibility change after the database's `now()`; Infinity: none known. */
  nextChangeAt: number;
}

export interface DataVersionSource {
  /**
   * The version committed as of a moment after this call began: every
   * transaction that committed before the call is counted. Throws
   * `DatabaseUnavailableError` when that cannot be known.
   */
  read(): Promise<string>;
  /**
   * The version and the next visibility change after the database's `now()`,
   * read in one snapshot. Read before a page is rendered, so the render's own
   * `now()` is later and no moment between the two is skipped.
   */
  readState(): Promise<CacheState>;
  close(): Promise<void>;
}

/** Reads the version row (PostgreSQL app servers, once per request or batch of requests). */
export const readVersionSql =
  'select private.data_version_token(version, changed_at) as version from private.data_version';
/** Reads the version with the next visibility change (once per version, on a miss). */
export const readStateSql =
  'select version, (extract(epoch from next_change) * 1000)::float8 as next_ms from private.render_cache_state()';

/** The notification channel of the version bumps (`private.bump_data_version()`). */
export const versionChannel = 'portal_data_version';

async function queryState(db: Database): Promise<CacheState> {
  const [row] = await db.query<{ version: string; next_ms: number | null }>(readStateSql);
  if (!row)
    throw new Error('private.data_version has no row: the render cache migration is missing');
  return { version: row.version, nextChangeAt: row.next_ms ?? Number.POSITIVE_INFINITY };
}

/**
 * Version reads for app servers on a PostgreSQL server, where another server
 * may have committed a change a moment ago: a request needs a read of the row
 * that *started after the request arrived*. Requests that arrive while a read
 * is on its way wait for the next one, which serves all of them: under load
 * one query answers a batch of requests, at most `maxInFlight` at a time, and
 * a request waits for at most two round trips.
 */
export function createPostgresVersionSource(
  db: Database,
  { maxInFlight = 2 }: { maxInFlight?: number } = {},
): DataVersionSource {
  type Waiter = { resolve: (version: string) => void; reject: (error: unknown) => void };
  let waiting: Waiter[] = [];
  let inFlight = 0;
  const pump = () => {
    if (waiting.length === 0 || inFlight >= maxInFlight) return;
    const batch = waiting;
    waiting = [];
    inFlight += 1;
    db.query<{ version: string }>(readVersionSql)
      .then(
        ([row]) => {
          if (!row) throw new Error('private.data_version has no row');
          for (const waiter of batch) waiter.resolve(row.version);
        },
        (error: unknown) => {
          for (const waiter of batch) waiter.reject(error);
        },
      )
      .catch((error: unknown) => {
        for (const waiter of batch) waiter.reject(error);
      })
      .finally(() => {
        inFlight -= 1;
        pump();
      });
  };
  return {
    read() {
      return new Promise<string>((resolve, reject) => {
        waiting.push({ resolve, reject });
        pump();
      });
    },
    readState: () => queryState(db),
    close: () => db.close(),
  };
}

/**
 * The embedded database runs in this process, so every commit happens here:
 * the version is kept in memory from the notifications the bump sends, which
 * PGlite delivers before the committing statement's promise settles. A read
 * costs nothing and never waits behind PGlite's queue. `connect` gives the
 * current instance; a new one (reopened after it stopped) is listened to
 * afresh and its version read.
 */
export function createEmbeddedVersionSource(connect: () => Promise<Database>): DataVersionSource {
  let attached: { db: Database; version: string; stop: () => Promise<void> } | undefined;
  let attaching: Promise<NonNullable<typeof attached>> | undefined;
  const attach = async (db: Database) => {
    if (!db.listen) throw new Error('The embedded database cannot listen for notifications');
    const state = { db, version: '', stop: async () => {} };
    state.stop = await db.listen(versionChannel, (payload) => {
      state.version = newer(state.version, payload);
    });
    const [row] = await db.query<{ version: string }>(readVersionSql);
    state.version = newer(state.version, row?.version ?? '');
    return state;
  };
  const current = async () => {
    const db = await connect();
    if (attached?.db === db) return attached;
    attaching ??= attach(db).finally(() => {
      attaching = undefined;
    });
    const state = await attaching;
    if (attached && attached.db !== state.db) await attached.stop().catch(() => {});
    attached = state;
    return state;
  };
  return {
    read: async () => (await current()).version,
    readState: async () => {
      const { db } = await current();
      return queryState(db);
    },
    async close() {
      await attached?.stop().catch(() => {});
      attached = undefined;
    },
  };
}

/** The later of two version tokens (notifications of two commits may be handled in either order). */
export function newer(a: string, b: string): string {
  const counter = (token: string) => BigInt(/^\d+/.exec(token)?.[0] ?? '0');
  if (!a) return b;
  if (!b) return a;
  return counter(b) > counter(a) ? b : a;
}
