import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRequestDb,
  requestStatementTimeoutMs,
  withRequestContext,
} from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { demoUserId } from '../../src/server/seed/seed-demo';
import { claimsFor, testTargets } from '../support/databases';

describe.each(testTargets())('request context on $name', (target) => {
  let db: Database;
  const connect = () => Promise.resolve(db);
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('runs a visitor as the anon role with no user id', async () => {
    const [row] = await withRequestContext(
      null,
      (tx) =>
        tx.query<{ role: string; uid: string | null }>(
          'select current_user as role, auth.uid() as uid',
        ),
      connect,
    );
    expect(row).toEqual({ role: 'anon', uid: null });
  });

  it('runs a signed-in user as authenticated with the verified claims visible to auth.uid() and auth.jwt()', async () => {
    const claims = claimsFor(demoUserId('member'), 'member@demo.u4ssc.local');
    const [row] = await withRequestContext(
      claims,
      (tx) =>
        tx.query<{ role: string; uid: string; email: string; authRole: string }>(
          `select current_user as role, auth.uid() as uid, auth.jwt() ->> 'email' as email, auth.role() as "authRole"`,
        ),
      connect,
    );
    expect(row).toEqual({
      role: 'authenticated',
      uid: demoUserId('member'),
      email: 'member@demo.u4ssc.local',
      authRole: 'authenticated',
    });
  });

  it('keeps all of a request in one transaction and rolls it back when the request fails', async () => {
    const admin = claimsFor(demoUserId('admin'));
    await expect(
      withRequestContext(
        admin,
        async (tx) => {
          await tx.query(
            "update public.hubs set summary = 'changed in a failed request' where slug = 'austria'",
          );
          throw new Error('the page failed');
        },
        connect,
      ),
    ).rejects.toThrow('the page failed');
    const [hub] = await db.query<{ summary: string }>(
      "select summary from public.hubs where slug = 'austria'",
    );
    expect(hub!.summary).not.toBe('changed in a failed request');
  });

  it('lets a savepoint undo only its own part', async () => {
    const handle = createRequestDb(null, connect);
    const [before] = await handle.db.query<{ n: number }>(
      'select count(*)::int as n from public.deliverables',
    );
    await expect(handle.db.savepoint((tx) => tx.query('select 1/0'))).rejects.toThrow();
    const [after] = await handle.db.query<{ n: number }>(
      'select count(*)::int as n from public.deliverables',
    );
    await handle.finish('commit');
    expect(after).toEqual(before);
  });

  it('runs nothing of a request whose role could not be set, though the role is sent ahead', async () => {
    // A database whose statement setting the role fails: the request's own
    // statements are pipelined behind it and must fail too, never run as the owner.
    const failingRole: Database = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            ...tx,
            savepoint: (inner) => tx.savepoint(inner),
            query: (text, params) =>
              text.includes("set_config('role'")
                ? tx.query("select set_config('role', 'no_such_role_x', true)")
                : tx.query(text, params),
          }),
        ),
    };
    // A sequence advances even when the transaction rolls back: if the
    // request's statement ran at all (as the owner), it would show.
    await db.query('create sequence public.request_context_probe');
    try {
      await expect(
        withRequestContext(
          null,
          (tx) => tx.query("select nextval('public.request_context_probe')"),
          () => Promise.resolve(failingRole),
        ),
      ).rejects.toThrow(/no_such_role_x/);
      const [probe] = await db.query<{ is_called: boolean }>(
        'select is_called from public.request_context_probe',
      );
      expect(probe!.is_called).toBe(false);
      // The same statement through a working context does advance it (the probe works).
      await db.query("select nextval('public.request_context_probe')");
      const [called] = await db.query<{ is_called: boolean }>(
        'select is_called from public.request_context_probe',
      );
      expect(called!.is_called).toBe(true);
    } finally {
      await db.query('drop sequence public.request_context_probe');
    }
  });

  it('bounds every statement of a request with a statement time limit, set with the role', async () => {
    const [row] = await withRequestContext(
      null,
      (tx) => tx.query<{ limit: string }>("select current_setting('statement_timeout') as limit"),
      connect,
    );
    expect(row!.limit).toBe(`${requestStatementTimeoutMs / 1000}s`);
    // Transaction-local: the connection goes back to the pool without it.
    const [after] = await db.query<{ limit: string }>(
      "select current_setting('statement_timeout') as limit",
    );
    expect(after!.limit).toBe('0');
  });

  it('keeps a reading request in one transaction while nobody else waits for the database', async () => {
    const reader = createRequestDb(null, connect, { reading: true });
    const xact = 'select current_user as role, pg_current_xact_id()::text as xact';
    const [first] = await reader.db.query<{ role: string; xact: string }>(xact);
    const [second] = await reader.db.query<{ role: string; xact: string }>(xact);
    await reader.finish('commit');
    expect(first!.role).toBe('anon');
    expect(second!.xact).toBe(first!.xact);
  });

  it('runs a reading request as its role and claims; embedded, it lets a waiting request go first', async () => {
    const claims = claimsFor(demoUserId('member'), 'member@demo.u4ssc.local');
    const reader = createRequestDb(claims, connect, { reading: true });
    const first = await reader.db.query<{ role: string; uid: string; xact: string; limit: string }>(
      `select current_user as role, auth.uid() as uid, pg_current_xact_id()::text as xact,
              current_setting('statement_timeout') as "limit"`,
    );
    // Another request's whole transaction runs between the reader's two
    // statements (embedded: the idle reader commits so that it can).
    const other = await withRequestContext(
      null,
      (tx) => tx.query<{ role: string }>('select current_user as role'),
      connect,
    );
    const second = await reader.db.query<{ role: string; uid: string; xact: string }>(
      'select current_user as role, auth.uid() as uid, pg_current_xact_id()::text as xact',
    );
    await reader.finish('commit');
    expect(other[0]!.role).toBe('anon');
    for (const row of [first[0]!, second[0]!]) {
      expect(row.role).toBe('authenticated');
      expect(row.uid).toBe(demoUserId('member'));
    }
    expect(first[0]!.limit).toBe(`${requestStatementTimeoutMs / 1000}s`);
    if (target.name === 'pglite') {
      // The reader stepped aside: its second statement is in a new transaction.
      expect(second[0]!.xact).not.toBe(first[0]!.xact);
    } else {
      // A pool of connections: the request keeps its one transaction, pipelined.
      expect(second[0]!.xact).toBe(first[0]!.xact);
    }
  });

  it('opens no transaction for a request that makes no query', async () => {
    const handle = createRequestDb(null, () => Promise.reject(new Error('should not connect')));
    await expect(handle.finish('commit')).resolves.toBeUndefined();
  });
});
