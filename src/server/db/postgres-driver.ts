import { createHash } from 'node:crypto';
import pg from 'pg';
import { asPostgresError, DatabaseUnavailableError } from './database-unavailable';
import { createTypeParsers, readArrayTypes, type ArrayTypes } from './postgres-types';
import type { Database, Queryable, TransactionOptions, TransactionQueryable } from './types';

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /**
   * Prepared statements do not survive transaction-mode poolers (Supavisor on
   * port 6543, PgBouncer); undefined decides from the URL.
   */
  prepare?: boolean;
  /** Longest wait for a connection (a new one, or a free one from a full pool). */
  connectTimeoutMs?: number;
}

/** A request waits at most this long for a connection before it gets a 503. */
export const defaultConnectTimeoutMs = 5_000;
/** A session idle inside a transaction this long is ended by the server (leaked transactions). */
const idleInTransactionTimeoutMs = 60_000;
/** Connections are replaced after this long, so server-side caches and plans stay fresh. */
const maxConnectionLifetimeSeconds = 30 * 60;

/** Decides whether a connection string points at a transaction-mode pooler. */
export function isTransactionPooler(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.port === '6543' || parsed.hostname.includes('pooler.supabase.com');
  } catch {
    return false;
  }
}

/**
 * `sslmode` as libpq means it: `require` encrypts without checking the
 * certificate (Supabase's documented connection strings use it), `verify-ca`
 * and `verify-full` check it, `disable` is plain. node-postgres alone would
 * read `require` as `verify-full`.
 */
function sslFromUrl(url: string): { connectionString: string; ssl: pg.PoolConfig['ssl'] } {
  const parsed = new URL(url);
  const mode = parsed.searchParams.get('sslmode');
  parsed.searchParams.delete('sslmode');
  const connectionString = parsed.toString();
  if (mode === 'require' || mode === 'prefer' || mode === 'allow') {
    return { connectionString, ssl: { rejectUnauthorized: false } };
  }
  if (mode === 'verify-ca' || mode === 'verify-full') {
    return { connectionString, ssl: { rejectUnauthorized: true } };
  }
  return { connectionString, ssl: false };
}

/** Named prepared statements are keyed by their text: the same text always has the same name. */
function statementName(text: string): string {
  return `p_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
}

/**
 * A prepared statement whose result columns changed under it (a migration
 * altered a table it reads) fails on its connection until that connection
 * is gone: such a connection is discarded, the next one prepares afresh.
 */
function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (code === '0A000' && /cached plan/.test(message ?? '')) || code === '26000';
}

let lastLoggedLoss = 0;
/** One line per burst: a restart drops every pooled connection at once. */
function logConnectionLoss(error: Error & { code?: string }): void {
  const now = Date.now();
  if (now - lastLoggedLoss < 5_000) return;
  lastLoggedLoss = now;
  // Never log the error object itself: pg attaches the client, whose parameters hold the password.
  console.warn(
    `[db] PostgreSQL connection lost${error.code ? ` (${error.code})` : ''}: ${error.message}; ` +
      'it is replaced on the next request',
  );
}

/**
 * Opens a pool on any PostgreSQL 15+ server, including a Supabase project,
 * with node-postgres. What it guarantees:
 * - a connection the server closed (restart, `pg_terminate_backend`, a proxy
 *   timing it out) never ends the process and is never handed out again: the
 *   pool drops it when idle, and a transaction that hit it discards it;
 * - waiting for a connection is bounded (`connectTimeoutMs`), and a request's
 *   statements can be bounded (`TransactionOptions.timeoutMs`);
 * - such failures surface as `DatabaseUnavailableError` (a 503), SQL errors as
 *   they are (their `code`, `constraint`… untouched);
 * - queries of one transaction are pipelined: a statement sent without
 *   awaiting the previous one (the request's role) travels in the same round trip.
 */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const prepare = options.prepare ?? !isTransactionPooler(options.url);
  const arrayTypes: ArrayTypes = new Map();
  const { connectionString, ssl } = sslFromUrl(options.url);
  const pool = new pg.Pool({
    connectionString,
    ssl,
    max: options.poolSize,
    application_name: 'u4ssc-hub-portal',
    connectionTimeoutMillis: options.connectTimeoutMs ?? defaultConnectTimeoutMs,
    idleTimeoutMillis: 30_000,
    maxLifetimeSeconds: maxConnectionLifetimeSeconds,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types: createTypeParsers(arrayTypes),
    pipeline: true,
  });

  // An idle client whose connection drops is removed by the pool, which then
  // emits 'error': without a listener that would end the process.
  pool.on('error', logConnectionLoss);
  // A checked-out client has no pool listener: its 'error' event would end the
  // process too. Marked broken, it is destroyed when released.
  const broken = new WeakSet<pg.PoolClient>();
  pool.on('connect', (client) => {
    client.on('error', (error: Error) => {
      broken.add(client);
      logConnectionLoss(error);
    });
  });

  // The catalogue's array types, read before the first statement so that
  // arrays of the portal's own enums come back as arrays; read again until it
  // works. While the server is unavailable the caller fails at once with that
  // (rather than waiting a second time for its own connection).
  let typesLoaded: Promise<void> | undefined;
  const loadTypes = (): Promise<void> => {
    typesLoaded ??= readArrayTypes(
      { query: <Row>(text: string) => run<Row>(pool, text, [], { control: true }) },
      arrayTypes,
    ).catch((error: unknown) => {
      typesLoaded = undefined;
      if (error instanceof DatabaseUnavailableError) throw error;
    });
    return typesLoaded;
  };

  const run = async <Row>(
    client: pg.Pool | pg.PoolClient,
    text: string,
    params: readonly unknown[],
    { timeoutMs, control = false }: { timeoutMs?: number; control?: boolean } = {},
  ): Promise<Row[]> => {
    const config: pg.QueryConfig & { query_timeout?: number } = {
      text,
      values: params as unknown[],
    };
    // Transaction control and savepoints stay unnamed: their texts vary and
    // would fill each connection's statement cache.
    if (prepare && !control) config.name = statementName(text);
    if (timeoutMs) config.query_timeout = timeoutMs;
    try {
      const result = await client.query(config);
      return result.rows as Row[];
    } catch (error) {
      throw asPostgresError(error);
    }
  };

  const checkout = async (): Promise<pg.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      // A refused password or a missing database stays what it is: a
      // configuration error, not an outage.
      throw asPostgresError(error);
    }
  };

  const release = (client: pg.PoolClient, failure?: unknown) => {
    // `release(error)` destroys the connection instead of pooling it.
    const discard =
      broken.has(client) || failure instanceof DatabaseUnavailableError || isStalePlan(failure);
    client.release(discard ? new Error('discarded after a connection failure') : undefined);
  };

  let savepointCounter = 0;
  const clientOf = new WeakMap<Queryable, pg.PoolClient>();
  const txQueryable = (client: pg.PoolClient, timeoutMs?: number): TransactionQueryable => {
    const control = (text: string) => run(client, text, [], { timeoutMs, control: true });
    const self: TransactionQueryable = {
      query: <Row>(text: string, params: readonly unknown[] = []) =>
        run<Row>(client, text, params, { timeoutMs }),
      async savepoint<T>(fn: (inner: Queryable) => Promise<T>) {
        const name = `sp_${++savepointCounter}`;
        await control(`savepoint ${name}`);
        try {
          const result = await fn(self);
          await control(`release savepoint ${name}`);
          return result;
        } catch (error) {
          if (!(error instanceof DatabaseUnavailableError)) {
            await control(`rollback to savepoint ${name}`);
          }
          throw error;
        }
      },
    };
    clientOf.set(self, client);
    return self;
  };

  const database: Database = {
    kind: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      await loadTypes();
      const client = await checkout();
      let failure: unknown;
      try {
        return await run<Row>(client, text, params);
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        release(client, failure);
      }
    },
    async transaction<T>(
      fn: (tx: TransactionQueryable) => Promise<T>,
      txOptions: TransactionOptions = {},
    ) {
      await loadTypes();
      const client = await checkout();
      const control = (text: string) =>
        run(client, text, [], { timeoutMs: txOptions.timeoutMs, control: true });
      let failure: unknown;
      try {
        await control('begin');
        const result = await fn(txQueryable(client, txOptions.timeoutMs));
        await control('commit');
        return result;
      } catch (error) {
        failure = error;
        if (!broken.has(client) && !(error instanceof DatabaseUnavailableError)) {
          await control('rollback').catch((rollbackError: unknown) => {
            failure = rollbackError;
          });
        }
        throw error;
      } finally {
        release(client, failure);
      }
    },
    async exec(script: string, tx?: Queryable) {
      const client = tx && clientOf.get(tx);
      try {
        // No parameters and no name: the simple query protocol, which accepts
        // several statements in one string.
        await (client ?? pool).query(script);
      } catch (error) {
        throw asPostgresError(error);
      }
      // A script may have created types (enums): learn their array types.
      await readArrayTypes(
        { query: <Row>(text: string) => run<Row>(client ?? pool, text, [], { control: true }) },
        arrayTypes,
      ).catch(() => {});
    },
    async close() {
      await pool.end();
    },
  };
  return database;
}
