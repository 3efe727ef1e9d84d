import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { DatabaseUnavailableError } from './database-unavailable';
import type { Database, Queryable, TransactionQueryable } from './types';

/**
 * Errors that mean the embedded database itself has stopped (closed, or its
 * WebAssembly instance aborted), as opposed to an SQL error in a statement.
 */
function isPgliteDown(pg: PGlite, error: unknown): boolean {
  if (pg.closed) return true;
  if (error instanceof WebAssembly.RuntimeError) return true;
  const message = error instanceof Error ? error.message : '';
  return (
    /^PGlite (is closed|is closing|failed to initialize)/.test(message) ||
    /^Aborted\(/.test(message)
  );
}

export interface PgliteOptions {
  /** Called once when the instance has stopped, so its owner can open a new one. */
  onDown?: () => void;
}

/**
 * Opens the embedded database. `dataDir` undefined keeps it in memory (tests);
 * otherwise the folder is created and reused across restarts.
 */
export async function openPgliteDatabase(
  dataDir?: string,
  options: PgliteOptions = {},
): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  return wrapPglite(pg, options);
}

/**
 * Wraps an existing PGlite instance (tests clone one migrated instance per
 * file). A statement that fails because the instance has stopped throws
 * `DatabaseUnavailableError` (a 503) and reports it through `onDown`.
 */
export function wrapPglite(pg: PGlite, options: PgliteOptions = {}): Database {
  let reported = false;
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DatabaseUnavailableError || !isPgliteDown(pg, error)) throw error;
      if (!reported) {
        reported = true;
        options.onDown?.();
      }
      throw new DatabaseUnavailableError(
        `The embedded database has stopped: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };
  return {
    kind: 'pglite',
    query<Row>(text: string, params: readonly unknown[] = []) {
      return guard(async () => (await pg.query<Row>(text, params as unknown[])).rows);
    },
    transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>) {
      return guard(() => pg.transaction(async (tx) => fn(txQueryable(tx))));
    },
    exec(script: string, tx?: Queryable) {
      const target = tx ? (tx as PgliteTxQueryable).raw : pg;
      return guard(async () => {
        await target.exec(script);
      });
    },
    listen(channel: string, onPayload: (payload: string) => void) {
      return guard(() => pg.listen(channel, onPayload));
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}

interface PgliteTxQueryable extends TransactionQueryable {
  raw: Transaction;
}

let savepointCounter = 0;

function txQueryable(tx: Transaction): PgliteTxQueryable {
  const self: PgliteTxQueryable = {
    raw: tx,
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await tx.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async savepoint<T>(fn: (inner: Queryable) => Promise<T>) {
      const name = `sp_${++savepointCounter}`;
      await tx.exec(`savepoint ${name}`);
      try {
        const result = await fn(self);
        await tx.exec(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await tx.exec(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  };
  return self;
}
