import { getConnection } from './connection';
import type { JwtClaims } from './claims';
import { anonClaims } from './claims';
import type { Database, Queryable, TransactionQueryable } from './types';

/**
 * A request's view of the database: every statement runs in one transaction as
 * the Postgres role `anon` or `authenticated`, with `request.jwt.claims` set,
 * exactly as Supabase's PostgREST does. Row-level security therefore decides
 * what this user can read and change, on every target.
 *
 * The transaction opens lazily at the first query, so pages that read nothing
 * cost nothing, and ends with `finish`.
 */
export interface RequestDb extends Queryable {
  /**
   * Runs `fn` in a savepoint: an expected failure (a unique violation) rolls
   * back only its part. Statements inside must use the `tx` it is given.
   */
  savepoint<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface RequestDbHandle {
  db: RequestDb;
  /** Commits (ok) or rolls back the transaction, if one was opened. */
  finish(outcome: 'commit' | 'rollback'): Promise<void>;
}

class RollbackSignal extends Error {}

/**
 * A request's statements are bounded twice: PostgreSQL cancels any one that
 * runs longer than this (`statement_timeout`, set with the role), and the
 * driver gives up waiting a little later still, for a server that stopped
 * answering altogether. Either way the request gets a 503, not a hang.
 */
export const requestStatementTimeoutMs = 15_000;
const requestQueryTimeoutMs = requestStatementTimeoutMs + 5_000;

interface OpenTransaction {
  inner: TransactionQueryable;
  /** The statement that sets the role and claims, sent ahead of the first query. */
  configured: Promise<unknown>;
}

const configureSql =
  "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('statement_timeout', $3, true)";

function configureParams(claims: JwtClaims | null): string[] {
  return [
    claims ? 'authenticated' : 'anon',
    JSON.stringify(claims ?? anonClaims),
    String(requestStatementTimeoutMs),
  ];
}

export interface RequestDbOptions {
  /**
   * The request only reads (GET, HEAD). On the embedded database, whose one
   * session runs one transaction at a time for the whole process, each
   * statement then runs in a transaction of its own (as the same role, with
   * the same claims): a page's reads never hold the database for the length
   * of its render, so other requests' statements run between them. Writes
   * go through forms (POST), which keep one transaction for the request.
   */
  reading?: boolean;
}

/** Creates the request-scoped database handle for the given verified claims (null for visitors). */
export function createRequestDb(
  claims: JwtClaims | null,
  connect: () => Promise<Database> = getConnection,
  options: RequestDbOptions = {},
): RequestDbHandle {
  if (options.reading) {
    const whole = createTransactionDb(claims, connect);
    let perStatement: boolean | undefined;
    const decide = async () => {
      perStatement ??= (await connect()).kind === 'pglite';
      return perStatement;
    };
    const alone = async <T>(fn: (tx: TransactionQueryable) => Promise<T>): Promise<T> => {
      const connection = await connect();
      return connection.transaction(
        async (inner) => {
          await inner.query(configureSql, configureParams(claims));
          return fn(inner);
        },
        { timeoutMs: requestQueryTimeoutMs },
      );
    };
    return {
      db: {
        async query<Row>(text: string, params?: readonly unknown[]) {
          if (await decide()) return alone((tx) => tx.query<Row>(text, params));
          return whole.db.query<Row>(text, params);
        },
        async savepoint<T>(fn: (tx: Queryable) => Promise<T>) {
          if (await decide()) return alone((tx) => tx.savepoint(fn));
          return whole.db.savepoint(fn);
        },
      },
      finish: (outcome) => whole.finish(outcome),
    };
  }
  return createTransactionDb(claims, connect);
}

function createTransactionDb(
  claims: JwtClaims | null,
  connect: () => Promise<Database>,
): RequestDbHandle {
  let tx: Promise<OpenTransaction> | undefined;
  let settle: ((outcome: 'commit' | 'rollback') => void) | undefined;
  let done: Promise<void> | undefined;

  const open = (): Promise<OpenTransaction> => {
    tx ??= new Promise<OpenTransaction>((resolveTx, rejectTx) => {
      done = connect()
        .then((connection) =>
          connection.transaction(
            async (inner) => {
              // Sent without waiting, so it travels with the request's first
              // statement (one round trip less); statements run in order, and
              // if it fails the transaction is aborted, so nothing can run
              // without the role.
              const configured = inner.query(configureSql, configureParams(claims));
              configured.catch(() => {});
              const outcome = await new Promise<'commit' | 'rollback'>((resolveOutcome) => {
                settle = resolveOutcome;
                resolveTx({ inner, configured });
              });
              await configured;
              if (outcome === 'rollback') throw new RollbackSignal();
            },
            { timeoutMs: requestQueryTimeoutMs },
          ),
        )
        .catch((error: unknown) => {
          rejectTx(error);
          if (!(error instanceof RollbackSignal)) throw error;
        });
      // `finish` reports the failure; a request that never calls it (it
      // failed before) must not leave an unhandled rejection behind.
      done.catch(() => {});
    });
    return tx;
  };

  const db: RequestDb = {
    async query<Row>(text: string, params?: readonly unknown[]) {
      const { inner, configured } = await open();
      const [, rows] = await Promise.all([configured, inner.query<Row>(text, params)]);
      return rows;
    },
    async savepoint<T>(fn: (tx: Queryable) => Promise<T>) {
      const { inner, configured } = await open();
      await configured;
      return inner.savepoint(fn);
    },
  };

  return {
    db,
    async finish(outcome) {
      if (!tx) return;
      settle?.(outcome);
      await done;
    },
  };
}

/** Runs `fn` with a request-scoped database and commits, or rolls back when it throws. */
export async function withRequestContext<T>(
  claims: JwtClaims | null,
  fn: (db: RequestDb) => Promise<T>,
  connect: () => Promise<Database> = getConnection,
): Promise<T> {
  const handle = createRequestDb(claims, connect);
  try {
    const result = await fn(handle.db);
    await handle.finish('commit');
    return result;
  } catch (error) {
    await handle.finish('rollback').catch(() => {});
    throw error;
  }
}
