/** Anything that runs a parameterised SQL statement and returns its rows. */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A queryable inside a transaction, able to fence off a part that may fail. */
export interface TransactionQueryable extends Queryable {
  /** Runs `fn` in a savepoint: if it throws, only its statements are undone and the transaction goes on. */
  savepoint<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** How a transaction may be bounded. */
export interface TransactionOptions {
  /**
   * Longest wait for any one statement's answer, on the client side: a
   * server that stopped answering (a cut network) fails the transaction with
   * `DatabaseUnavailableError` instead of holding the request. PGlite, which
   * runs in this process, ignores it.
   */
  timeoutMs?: number;
}

/**
 * A database the portal can run on: an embedded PGlite or a PostgreSQL server.
 * Both drivers present the same small surface so every use case, migration and
 * test runs unchanged on either.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(
    fn: (tx: TransactionQueryable) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T>;
  /** Runs a script of several statements (a migration file) without parameters. */
  exec(script: string, tx?: Queryable): Promise<void>;
  /**
   * Embedded only: calls `onPayload` for every notification on `channel`
   * (`pg_notify`), before the committing statement's promise settles, since
   * both run in this process. Resolves to a function that stops listening.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
