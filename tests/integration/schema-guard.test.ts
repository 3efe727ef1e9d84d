import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';

/**
 * Guards the one schema: every table in `public` has row-level security, no
 * write policy lets everyone through, views respect the caller's RLS, and
 * security definer functions pin their search_path.
 */
describe.each(testTargets())('schema guard on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('enables row-level security on every table in public', async () => {
    const rows = await db.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`,
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('has at least one policy on every table in public', async () => {
    const rows = await db.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and not exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)`,
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('has no write policy that is simply true', async () => {
    const rows = await db.query<{ policy: string }>(
      `select tablename || ': ' || policyname as policy from pg_policies
        where schemaname = 'public' and cmd in ('INSERT', 'UPDATE', 'DELETE', 'ALL')
          and (trim(coalesce(qual, '')) in ('true', '(true)') or trim(coalesce(with_check, '')) in ('true', '(true)'))`,
    );
    expect(rows.map((r) => r.policy)).toEqual([]);
  });

  it('names a role on every policy and uses no "for all" policies', async () => {
    const rows = await db.query<{ policy: string }>(
      `select tablename || ': ' || policyname as policy from pg_policies
        where schemaname = 'public' and (cmd = 'ALL' or 'public' = any(roles))`,
    );
    expect(rows.map((r) => r.policy)).toEqual([]);
  });

  it('creates every view in public with security_invoker', async () => {
    const rows = await db.query<{ view: string }>(
      `select c.relname as view from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('v', 'm')
          and not coalesce(c.reloptions::text[] && array['security_invoker=true', 'security_invoker=on'], false)`,
    );
    expect(rows.map((r) => r.view)).toEqual([]);
  });

  it('pins search_path on every security definer function in public', async () => {
    const rows = await db.query<{ fn: string }>(
      `select p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
    );
    expect(rows.map((r) => r.fn)).toEqual([]);
  });

  it('indexes the columns the membership helpers filter on', async () => {
    const rows = await db.query<{ indexdef: string }>(
      "select indexdef from pg_indexes where schemaname = 'public' and tablename = 'memberships'",
    );
    const defs = rows.map((r) => r.indexdef).join('\n');
    expect(defs).toMatch(/\(user_id, role\)/);
    expect(defs).toMatch(/\(hub_id\)/);
    expect(defs).toMatch(/\(city_id\)/);
    expect(defs).toMatch(/\(organization_id\)/);
  });
});
