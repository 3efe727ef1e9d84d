import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
} from '../../src/server/db/database-unavailable';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * What the PostgreSQL driver does when connections go away under it. Runs on
 * the PostgreSQL server of the suite (TEST_DATABASE_URL), on this file's own
 * copy of the seeded database: backends are ended with pg_terminate_backend
 * (only this file's own connections, never the server) and the network is
 * cut with a loopback proxy, so the shared server is never restarted.
 * PGlite has no connections to lose; its failures are tested in
 * embedded-database-unavailable.test.ts.
 */
const postgres = testTargets().find((target) => target.name === 'postgres');

describe.skipIf(!postgres)('PostgreSQL connections that go away', () => {
  let admin: Database;
  let url: URL;
  const opened: Database[] = [];
  const open = (options: { viaPort?: number; poolSize?: number; connectTimeoutMs?: number }) => {
    const target = new URL(url);
    if (options.viaPort) target.port = String(options.viaPort);
    const db = openPostgresDatabase({
      url: target.toString(),
      poolSize: options.poolSize ?? 2,
      connectTimeoutMs: options.connectTimeoutMs,
    });
    opened.push(db);
    return db;
  };
  const pidOf = async (db: Pick<Database, 'query'>) =>
    (await db.query<{ pid: number }>('select pg_backend_pid() as pid'))[0]!.pid;
  const terminate = (pids: number[]) =>
    admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);

  beforeAll(async () => {
    admin = await postgres!.open();
    const [row] = await admin.query<{ name: string }>('select current_database() as name');
    url = new URL(inject('postgresUrl'));
    url.pathname = `/${row!.name}`;
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close().catch(() => {})));
    await admin.close();
  });

  it('survives the server ending its idle pooled connections, and the next query runs on a new one', async () => {
    const db = open({ poolSize: 2 });
    // Two transactions at once leave two idle connections in the pool.
    const pids = await Promise.all([db.transaction(pidOf), db.transaction(pidOf)]);
    expect(new Set(pids).size).toBe(2);
    await terminate(pids);
    // Let the FATAL messages and socket closes arrive while the clients sit idle:
    // with postgres.js 3.4.9 this is where the process died.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await pidOf(db);
    expect(pids).not.toContain(after);
  });

  it('fails a transaction whose connection is ended mid-way as unavailable, and never hands that connection out again', async () => {
    const db = open({ poolSize: 1 });
    let terminated = 0;
    const failure = await db
      .transaction(async (tx) => {
        terminated = await pidOf(tx);
        await terminate([terminated]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await tx.query('select 1');
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    // One connection in the pool: a reused broken one would fail here.
    const next = await db.transaction(pidOf);
    expect(next).not.toBe(terminated);
  });

  it('keeps SQL errors as they are: a unique violation is not "unavailable"', async () => {
    const db = open({});
    const failure = await db
      .transaction(async (tx) => {
        await tx.query('create temporary table probe (id int primary key)');
        await tx.query('insert into probe values (1), (1)');
      })
      .catch((error: unknown) => error);
    expect(isDatabaseUnavailable(failure)).toBe(false);
    expect((failure as { code?: string }).code).toBe('23505');
  });

  it('reports a statement cancelled by its time limit as unavailable', async () => {
    const db = open({});
    const failure = await db
      .transaction(async (tx) => {
        await tx.query("select set_config('statement_timeout', '50', true)");
        await tx.query('select pg_sleep(2)');
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as DatabaseUnavailableError).code).toBe('57014');
    expect(await db.query('select 1 as ok')).toEqual([{ ok: 1 }]);
  });

  it('discards a connection whose prepared statement went stale after a table changed', async () => {
    const db = open({ poolSize: 1 });
    await admin.query('create table public.plan_probe (a int)');
    try {
      expect(await db.query('select * from public.plan_probe')).toEqual([]);
      await admin.query('alter table public.plan_probe add column b int');
      // The statement prepared on the pooled connection no longer matches its result.
      const stale = await db.query('select * from public.plan_probe').catch((e: unknown) => e);
      expect((stale as { code?: string }).code).toBe('0A000');
      // That connection is gone: the same statement is prepared afresh on a new one.
      expect(await db.query('select * from public.plan_probe')).toEqual([]);
    } finally {
      await admin.query('drop table public.plan_probe');
    }
  });

  describe('through a network that fails', () => {
    let proxy: TcpProxy;
    beforeAll(async () => {
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    });
    afterAll(() => proxy.close());

    it('answers "unavailable" at once while the server cannot be reached, and works again by itself when it can', async () => {
      const db = open({ viaPort: proxy.port, connectTimeoutMs: 1_000 });
      expect(await db.query('select 1 as ok')).toEqual([{ ok: 1 }]);
      await proxy.cut();
      const started = performance.now();
      const failure = await db.query('select 1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect(performance.now() - started).toBeLessThan(1_500);
      await proxy.restore();
      expect(await db.query('select 2 as ok')).toEqual([{ ok: 2 }]);
    });

    it('gives up on a server that accepts connections but never answers within the connect timeout', async () => {
      const db = open({ viaPort: proxy.port, connectTimeoutMs: 800 });
      proxy.blackhole();
      try {
        const started = performance.now();
        const failure = await db.query('select 1').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(DatabaseUnavailableError);
        // One connect timeout, not one per step of the request.
        expect(performance.now() - started).toBeLessThan(1_500);
      } finally {
        await proxy.restore();
      }
      expect(await db.query('select 3 as ok')).toEqual([{ ok: 3 }]);
    });

    it('bounds a transaction whose server goes silent mid-way, and discards that connection', async () => {
      const db = open({ viaPort: proxy.port, poolSize: 1 });
      const silent = await db
        .transaction(
          async (tx) => {
            await tx.query('select 1');
            proxy.freeze();
            await tx.query('select 2');
          },
          { timeoutMs: 300 },
        )
        .catch((error: unknown) => error);
      await proxy.restore();
      expect(silent).toBeInstanceOf(DatabaseUnavailableError);
      expect(await db.transaction((tx) => tx.query('select 4 as ok'))).toEqual([{ ok: 4 }]);
    });
  });
});
