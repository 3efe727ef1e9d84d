import postgres from 'postgres';
import type { Database, Queryable, TransactionQueryable } from './types';

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /**
   * Prepared statements do not survive transaction-mode poolers (Supavisor on
   * port 6543, PgBouncer); undefined decides from the URL.
   */
  prepare?: boolean;
}

/** Decides whether a connection string points at a transaction-mode pooler. */
export function isTransactionPooler(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.port === '6543' || parsed.hostname.includes('pooler.supabase.com');
  } catch {
    return false;
  }
}

/** Opens a pool on any PostgreSQL 15+ server, including a Supabase project. */
export function openPostgresDatabase(options: PostgresOptions): Database {
  const sql = postgres(options.url, {
    max: options.poolSize,
    prepare: options.prepare ?? !isTransactionPooler(options.url),
    onnotice: () => {},
    connection: { application_name: 'u4ssc-hub-portal' },
  });

  const wrap = (runner: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const rows = await runner.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
  });
  const rawOf = new WeakMap<Queryable, postgres.TransactionSql>();
  // postgres.js fails a whole transaction once any statement in it failed,
  // unless that statement ran inside its own savepoint API.
  const wrapTx = (tx: postgres.TransactionSql): TransactionQueryable => {
    const queryable: TransactionQueryable = {
      ...wrap(tx),
      async savepoint<T>(fn: (inner: Queryable) => Promise<T>) {
        return (await tx.savepoint(async (sp) => {
          const inner = wrapTx(sp as unknown as postgres.TransactionSql);
          return fn(inner);
        })) as T;
      },
    };
    rawOf.set(queryable, tx);
    return queryable;
  };

  return {
    kind: 'postgres',
    query: wrap(sql).query,
    async transaction<T>(fn: (tx: TransactionQueryable) => Promise<T>) {
      return (await sql.begin(async (tx) => fn(wrapTx(tx)))) as T;
    },
    async exec(script: string, tx?: Queryable) {
      const runner = (tx && rawOf.get(tx)) ?? sql;
      // Without parameters postgres.js uses the simple query protocol, which
      // accepts several statements in one string.
      await runner.unsafe(script).simple();
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
