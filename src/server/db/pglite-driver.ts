import fs from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Database, Queryable, TransactionQueryable } from './types';

/**
 * Opens the embedded database. `dataDir` undefined keeps it in memory (tests);
 * otherwise the folder is created and reused across restarts.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  return wrapPglite(pg);
}

/** Wraps an existing PGlite instance (tests clone one migrated instance per file). */
export function wrapPglite(pg: PGlite): Database {
  const execOn = async (target: PGlite | Transaction, script: string) => {
    await target.exec(script);
  };
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await pg.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>) {
      return pg.transaction(async (tx) => {
        const queryable = txQueryable(tx);
        return fn(queryable);
      });
    },
    async exec(script: string, tx?: Queryable) {
      const target = tx ? (tx as PgliteTxQueryable).raw : pg;
      await execOn(target, script);
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
