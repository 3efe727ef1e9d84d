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
   * session runs one transaction at a time for the whole process, the
   * request then keeps its transaction only while nobody else waits for the
   * database or for at most `embeddedHoldMs` when someone does: it commits
   * between two of its statements and opens a new transaction (same role,
   * same claims) for the next, so a long render never holds everyone else
   * up. Writes go through forms (POST), which keep one transaction for the
   * whole request.
   */
  reading?: boolean;
}

/** Creates the request-scoped database handle for the given verified claims (null for visitors). */
export function createRequestDb(
  claims: JwtClaims | null,
  connect: () => Promise<Database> = getConnection,
  options: RequestDbOptions = {},
): RequestDbHandle {
  if (options.reading) return createYieldingDb(claims, connect);
  return createTransactionDb(claims, connect);
}

/** Requests waiting to open a transaction on the embedded database (its one session is busy). */
let waitingForEmbedded = 0;
/** Reading requests holding the embedded session with no statement running: told when someone waits. */
const idleHolders = new Set<() => void>();

/**
 * How long a reading request may keep the embedded session while others
 * wait for it. Most pages make all their reads within this; a longer render
 * (a big feed, a slow page) then lets the others go between its statements.
 * Stepping aside costs a commit and a new transaction, so doing it after
 * every statement would make a busy server slower, not fairer.
 */
export const embeddedHoldMs = 15;

function startWaitingForEmbedded(): void {
  waitingForEmbedded += 1;
  for (const notify of [...idleHolders]) notify();
}

/**
 * A reading request's database (see `RequestDbOptions.reading`): on
 * PostgreSQL one transaction, as for any request; embedded, a transaction
 * that the request commits when others wait for the session, it has held it
 * for `embeddedHoldMs` and none of its statements is running; its next
 * statement opens a new one (same role, same claims).
 */
function createYieldingDb(
  claims: JwtClaims | null,
  connect: () => Promise<Database>,
): RequestDbHandle {
  let segment: RequestDbHandle | undefined;
  let openedAt = 0;
  let running = 0;
  let embedded: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  const forget = () => {
    idleHolders.delete(onWaiter);
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const release = () => {
    forget();
    const done = segment;
    segment = undefined;
    // A reading transaction whose statements have all answered: the commit only ends it.
    void done?.finish('commit').catch(() => {});
  };
  // Idle, and someone waits: step aside now, or once the hold time is up.
  function onWaiter() {
    if (running > 0 || !segment || timer) return;
    const left = openedAt + embeddedHoldMs - performance.now();
    if (left <= 0) release();
    else timer = setTimeout(release, left);
  }
  const run = async <T>(work: (db: RequestDb) => Promise<T>): Promise<T> => {
    embedded ??= (await connect()).kind === 'pglite';
    forget();
    if (!segment) {
      segment = createTransactionDb(claims, connect);
      openedAt = performance.now();
    }
    running += 1;
    try {
      return await work(segment.db);
    } finally {
      running -= 1;
      if (embedded && running === 0 && segment) {
        idleHolders.add(onWaiter);
        if (waitingForEmbedded > 0) onWaiter();
      }
    }
  };
  return {
    db: {
      query: <Row>(text: string, params?: readonly unknown[]) =>
        run((db) => db.query<Row>(text, params)),
      savepoint: <T>(fn: (tx: Queryable) => Promise<T>) => run((db) => db.savepoint(fn)),
    },
    async finish(outcome) {
      forget();
      const done = segment;
      segment = undefined;
      await done?.finish(outcome);
    },
  };
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
      // Embedded, everyone waits for the one session: counted, so a reading
      // request that holds it can step aside (createYieldingDb).
      let waiting = false;
      const stopWaiting = () => {
        if (waiting) waitingForEmbedded -= 1;
        waiting = false;
      };
      done = connect()
        .then((connection) => {
          if (connection.kind === 'pglite') {
            waiting = true;
            startWaitingForEmbedded();
          }
          return connection.transaction(
            async (inner) => {
              stopWaiting();
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
          );
        })
        .catch((error: unknown) => {
          stopWaiting();
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
