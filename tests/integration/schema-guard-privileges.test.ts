/**
 * Guards the API roles' privileges against Supabase's default privileges,
 * which grant anon, authenticated and service_role ALL on every new table,
 * sequence and function in public (supabase/bootstrap.sql gives every new test
 * database the same). A failure here means a migration relies on a privilege
 * not being granted: revoke the defaults and grant per operation and column
 * (docs/schema.md, "Privileges on Supabase").
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap, migrate } from '../../src/server/db/migrate';
import type { Database, Queryable } from '../../src/server/db/types';
import { asOwner, asUser, expectRefusal, testTargets } from '../support/databases';
import { claimsOf } from '../support/personas';

const rootDir = path.resolve(import.meta.dirname, '../..');
const bootstrapFile = path.join(rootDir, 'supabase', 'bootstrap.sql');
const migrationsDir = path.join(rootDir, 'supabase', 'migrations');

/** The roles an API (PostgREST, Supabase's keys) can act as. */
const apiRoles = `array['anon', 'authenticated', 'service_role']::regrole[]`;
/** The schemas the portal's migrations create objects in. */
const portalSchemas = `array['public', 'private']`;

/** The role that ran the migrations (`postgres` on Supabase): the owner of the schema they created. */
const migrationRole = `select nspowner from pg_namespace where nspname = 'private'`;

/** Supabase's default privileges in public, as supabase/bootstrap.sql gives them to a new database. */
const supabaseDefaults = ['tables', 'sequences', 'functions'];

/**
 * Every privilege held on the portal's schemas and on what they contain, one
 * line each, by anyone but the object's owner (PUBLIC included): tables,
 * views and sequences, their columns, functions, the schemas themselves and
 * the default privileges of the role that created them.
 */
async function listPrivileges(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ line: string }>(
    `with grants as (
       select format('%s %I.%I', case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                   when 'm' then 'view' else 'table' end, n.nspname, c.relname) as object,
              acl.grantee, acl.privilege_type, acl.is_grantable
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(coalesce(c.relacl, acldefault(
           (case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) as acl
        where n.nspname = any(${portalSchemas}) and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
          and acl.grantee <> c.relowner
       union all
       select format('column %I.%I.%I', n.nspname, c.relname, a.attname), acl.grantee, acl.privilege_type, acl.is_grantable
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(a.attacl) as acl
        where n.nspname = any(${portalSchemas}) and a.attnum > 0 and not a.attisdropped
       union all
       select format('function %I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
              acl.grantee, acl.privilege_type, acl.is_grantable
         from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
         cross join lateral aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) as acl
        where n.nspname = any(${portalSchemas}) and acl.grantee <> p.proowner
       union all
       select format('schema %I', n.nspname), acl.grantee, acl.privilege_type, acl.is_grantable
         from pg_namespace n
         cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) as acl
        where n.nspname = any(${portalSchemas}) and acl.grantee <> n.nspowner
       union all
       select format('default privileges on %s in %s', d.defaclobjtype, coalesce(n.nspname, 'every schema')),
              acl.grantee, acl.privilege_type, acl.is_grantable
         from pg_default_acl d
         left join pg_namespace n on n.oid = d.defaclnamespace
         cross join lateral aclexplode(d.defaclacl) as acl
        where acl.grantee <> d.defaclrole)
     select format('%s: %s %s%s', object, case when grantee = 0 then 'PUBLIC' else grantee::regrole::text end,
                   privilege_type, case when is_grantable then ' with grant option' else '' end) as line
       from grants
      order by 1`,
  );
  return rows.map((row) => row.line);
}

/**
 * Rules that hold whatever a migration intends: each query lists what breaks
 * its rule, one line per object and role.
 */
const rules = {
  /** RLS does not cover TRUNCATE; REFERENCES, TRIGGER and MAINTAIN are for the owner. */
  'no TRUNCATE, REFERENCES, TRIGGER or MAINTAIN for an API role': `
    select format('%s.%s: %s %s', n.nspname, c.relname, acl.grantee::regrole, acl.privilege_type) as violation
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) as acl
     where n.nspname = any(${portalSchemas}) and acl.grantee = any(${apiRoles})
       and acl.privilege_type in ('TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN')
    union all
    select format('%s.%s.%s: %s %s', n.nspname, c.relname, a.attname, acl.grantee::regrole, acl.privilege_type)
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(a.attacl) as acl
     where n.nspname = any(${portalSchemas}) and acl.grantee = any(${apiRoles})
       and acl.privilege_type = 'REFERENCES'`,

  /** Identity columns need none; USAGE and UPDATE would let a caller burn or reset a sequence. */
  'no privilege on a sequence for an API role': `
    select format('%s.%s: %s %s', n.nspname, c.relname, acl.grantee::regrole, acl.privilege_type) as violation
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) as acl
     where n.nspname = any(${portalSchemas}) and c.relkind = 'S' and acl.grantee = any(${apiRoles})`,

  /** The private schema is reached through security definer functions only. */
  'no privilege on a table in private for an API role': `
    select format('private.%s: %s %s', c.relname, acl.grantee::regrole, acl.privilege_type) as violation
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) as acl
     where n.nspname = 'private' and acl.grantee = any(${apiRoles})`,

  /** service_role bypasses RLS; the portal uses the owner connection, never its key, for data. */
  'no privilege on a table or column for service_role': `
    select format('%s.%s: %s', n.nspname, c.relname, acl.privilege_type) as violation
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) as acl
     where n.nspname = any(${portalSchemas}) and c.relkind <> 'S'
       and acl.grantee = 'service_role'::regrole
    union all
    select format('%s.%s.%s: %s', n.nspname, c.relname, a.attname, acl.privilege_type)
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(a.attacl) as acl
     where n.nspname = any(${portalSchemas}) and acl.grantee = 'service_role'::regrole`,

  /**
   * A column grant beside the table-level grant of the same privilege changes
   * nothing: the table-level one is what a default privilege left behind.
   */
  'no table-level privilege where column grants of it are meant': `
    select distinct format('%s.%s: %s %s on the table and on columns', n.nspname, c.relname,
                           t.grantee::regrole, t.privilege_type) as violation
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) as t
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      cross join lateral aclexplode(a.attacl) as col
     where n.nspname = any(${portalSchemas}) and t.grantee = any(${apiRoles})
       and col.grantee = t.grantee and col.privilege_type = t.privilege_type`,

  /** A security definer function runs with the owner's rights: callers are named, never PUBLIC. */
  'no security definer function executable by PUBLIC': `
    select format('%s.%s(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as violation
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
      cross join lateral aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) as acl
     where n.nspname = any(${portalSchemas}) and p.prosecdef
       and acl.grantee = 0 and acl.privilege_type = 'EXECUTE'`,

  /** Trigger functions run when their trigger fires, without EXECUTE; nobody calls them. */
  'no security definer trigger function executable by an API role': `
    select format('%s.%s(): %s', n.nspname, p.proname, acl.grantee::regrole) as violation
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
      cross join lateral aclexplode(p.proacl) as acl
     where n.nspname = any(${portalSchemas}) and p.prosecdef and p.prorettype = 'trigger'::regtype
       and acl.grantee = any(${apiRoles})`,

  /**
   * What the migration role creates next gets no privilege by default: not the
   * API roles (Supabase's defaults in public), not PUBLIC's EXECUTE on functions.
   */
  'no default privilege for the API roles or PUBLIC on new objects': `
    select format('%s on %s in %s: %s %s', d.defaclrole::regrole, d.defaclobjtype,
                  coalesce(n.nspname, 'every schema'),
                  case when acl.grantee = 0 then 'PUBLIC' else acl.grantee::regrole::text end,
                  acl.privilege_type) as violation
      from pg_default_acl d
      left join pg_namespace n on n.oid = d.defaclnamespace
      cross join lateral aclexplode(d.defaclacl) as acl
     where d.defaclrole = (${migrationRole})
       and (acl.grantee = any(${apiRoles}) or acl.grantee = 0)
    union all
    select format('%s on f in every schema: PUBLIC EXECUTE (PostgreSQL''s own default)', (${migrationRole})::regrole)
     where not exists (select 1 from pg_default_acl d
                        where d.defaclrole = (${migrationRole}) and d.defaclnamespace = 0 and d.defaclobjtype = 'f')`,
} as const;

const guidance =
  'A migration relies on Supabase default privileges not being there: revoke them on each new ' +
  'object and grant only what is meant (docs/schema.md, "Privileges on Supabase")';

async function violationsOf(db: Queryable, rule: keyof typeof rules): Promise<string[]> {
  const rows = await db.query<{ violation: string }>(`${rules[rule]} order by 1`);
  return rows.map((row) => row.violation);
}

describe.each(testTargets())('API role privileges on $name', (target) => {
  // Built by the test setup from the bootstrap, which gave the new database
  // Supabase's default privileges, and the migrations.
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it.each(Object.keys(rules) as (keyof typeof rules)[])('has %s', async (rule) => {
    expect(await violationsOf(db, rule), guidance).toEqual([]);
  });

  it('catches a table and a function made as the migrations were made before, under Supabase defaults', async () => {
    // Positive control: the way every table was made until 20261202160000 (a
    // column grant on top of Supabase's defaults), and a definer trigger function.
    const found = await asOwner(db, async (tx) => {
      for (const kind of supabaseDefaults) {
        await tx.query(
          `alter default privileges in schema public grant all on ${kind} to anon, authenticated, service_role`,
        );
      }
      await tx.query(
        'create table public.privilege_probe (id bigint generated always as identity primary key, note text)',
      );
      await tx.query('grant select on public.privilege_probe to anon, authenticated');
      await tx.query('grant update (note) on public.privilege_probe to authenticated');
      await tx.query(`create function public.privilege_probe_trigger() returns trigger
                        language plpgsql security definer set search_path = '' as $$ begin return new; end $$`);
      await tx.query('revoke execute on function public.privilege_probe_trigger() from public');
      const all: Record<string, string[]> = {};
      for (const rule of Object.keys(rules) as (keyof typeof rules)[]) {
        all[rule] = await violationsOf(tx, rule);
      }
      return all;
    });
    const probes = (rule: keyof typeof rules) =>
      found[rule]!.filter((violation) => violation.includes('privilege_probe'));
    expect(probes('no TRUNCATE, REFERENCES, TRIGGER or MAINTAIN for an API role')).toEqual(
      expect.arrayContaining(['public.privilege_probe: anon TRUNCATE']),
    );
    expect(probes('no privilege on a sequence for an API role')).toEqual(
      expect.arrayContaining(['public.privilege_probe_id_seq: anon USAGE']),
    );
    expect(probes('no privilege on a table or column for service_role')).toEqual(
      expect.arrayContaining(['public.privilege_probe: DELETE']),
    );
    expect(probes('no table-level privilege where column grants of it are meant')).toEqual([
      'public.privilege_probe: authenticated UPDATE on the table and on columns',
    ]);
    expect(probes('no security definer trigger function executable by an API role')).toEqual([
      'public.privilege_probe_trigger(): anon',
      'public.privilege_probe_trigger(): authenticated',
      'public.privilege_probe_trigger(): service_role',
    ]);
    expect(found['no default privilege for the API roles or PUBLIC on new objects']).toEqual(
      expect.arrayContaining([expect.stringMatching(/ on r in public: anon INSERT$/)]),
    );
  });

  it('grants exactly what the migrations grant, whether or not Supabase default privileges are in force', async () => {
    const plain = await target.openEmpty();
    try {
      await applyBootstrap(plain, bootstrapFile);
      // Positive control: a new database gets Supabase's defaults from the bootstrap…
      expect(await listPrivileges(plain)).toEqual(
        expect.arrayContaining([
          'default privileges on r in public: anon TRUNCATE',
          'default privileges on S in public: authenticated UPDATE',
          'default privileges on f in public: service_role EXECUTE',
        ]),
      );
      // …and here they are taken away again: a server without them, as every
      // test database was before 20261202160000. Applying the bootstrap a second
      // time must not bring them back.
      for (const kind of supabaseDefaults) {
        await plain.exec(
          `alter default privileges in schema public revoke all on ${kind} from anon, authenticated, service_role`,
        );
      }
      await applyBootstrap(plain, bootstrapFile);
      expect((await listPrivileges(plain)).filter((line) => line.startsWith('default'))).toEqual(
        [],
      );
      await migrate(plain, migrationsDir);

      const withDefaults = await listPrivileges(db);
      const withoutDefaults = await listPrivileges(plain);
      // Positive control: the lists hold the grants they compare.
      expect(withoutDefaults).toEqual(
        expect.arrayContaining([
          'table public.hubs: anon SELECT',
          'column public.hubs.description: authenticated UPDATE',
          'function public.is_platform_admin(): anon EXECUTE',
          'function private.sign_in_credentials(p_email text): portal_identity EXECUTE',
        ]),
      );
      expect(withDefaults, guidance).toEqual(withoutDefaults);
    } finally {
      await plain.close();
    }
  });
});

/**
 * What each of Supabase's default privileges would have let a request do
 * before 20261202160000, refused with the error PostgreSQL gives, each beside
 * what the same caller may do.
 */
describe.each(testTargets())(
  'requests refused what only default privileges allowed on $name',
  (target) => {
    let db: Database;
    beforeAll(async () => {
      db = await target.open();
    });
    afterAll(() => db.close());

    it('refuses TRUNCATE, which row-level security does not cover, to visitors and members', async () => {
      for (const claims of [null, claimsOf('admin')]) {
        const [visible] = await asUser(db, claims, (tx) =>
          tx.query<{ n: number }>('select count(*)::int as n from public.profiles'),
        );
        expect(visible!.n).toBeGreaterThan(0);
        expect(
          await expectRefusal(() =>
            asUser(db, claims, (tx) => tx.query('truncate public.profiles')),
          ),
        ).toBe('42501');
      }
    });

    it("refuses a coordinator the hub columns only the seed sets, and lets them edit their hub's text", async () => {
      const edited = await asUser(db, claimsOf('coordinator'), (tx) =>
        tx.query("update public.hubs set summary = 'Edited' where slug = 'austria' returning id"),
      );
      expect(edited).toHaveLength(1);
      for (const column of ['slug', 'is_demo', 'source_url']) {
        expect(
          await expectRefusal(() =>
            asUser(db, claimsOf('coordinator'), (tx) =>
              tx.query(`update public.hubs set ${column} = ${column} where slug = 'austria'`),
            ),
          ),
          column,
        ).toBe('42501');
      }
    });

    it('refuses the security definer functions that only triggers call', async () => {
      const [event] = await asOwner(db, (tx) =>
        tx.query<{ id: string }>('select id from public.events order by starts_at limit 1'),
      );
      expect(event).toBeDefined();
      for (const claims of [null, claimsOf('coordinator')]) {
        expect(
          await expectRefusal(() =>
            asUser(db, claims, (tx) =>
              tx.query('select public.promote_event_waitlist($1)', [event!.id]),
            ),
          ),
        ).toBe('42501');
      }
      // The read that visitors are meant to call still works.
      const [counts] = await asUser(db, null, (tx) =>
        tx.query<{ confirmed: number }>('select * from public.event_registration_counts($1)', [
          event!.id,
        ]),
      );
      expect(counts).toBeDefined();
    });

    it('refuses the identity sequences to members', async () => {
      expect(
        await expectRefusal(() =>
          asUser(db, claimsOf('admin'), (tx) =>
            tx.query("select nextval('public.audit_log_id_seq')"),
          ),
        ),
      ).toBe('42501');
    });

    it('refuses service_role every table, and serves it the security definer reads it was granted', async () => {
      const asServiceRole = <T>(sql: string) =>
        asOwner(db, async (tx) => {
          await tx.query('set local role service_role');
          return tx.query<T>(sql);
        });
      for (const table of ['public.profiles', 'public.audit_log', 'public.hubs']) {
        expect(
          await expectRefusal(() => asServiceRole(`select 1 from ${table} limit 1`)),
          table,
        ).toBe('42501');
      }
      // A read that runs with its owner's rights, granted to service_role by earlier files.
      const names = await asServiceRole<{ slug: string }>(
        "select slug from public.search_hub_names(array['austria'])",
      );
      expect(names.map((row) => row.slug)).toEqual(['austria']);
    });
  },
);
