import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIdentityRole } from '../../src/server/auth/identity-role';
import type { Database } from '../../src/server/db/types';
import { asUser, expectRefusal, testTargets } from '../support/databases';
import { claimsOf, userIdOf } from '../support/personas';

/** The roles an API (PostgREST, Supabase's keys) can act as. */
const apiRoles = ['anon', 'authenticated', 'service_role'] as const;

/**
 * Functions that store a password hash the caller hands them and return only
 * a status: executable by the API roles on purpose (sign-up, reset with a
 * mailed token, change of one's own password).
 */
const writesHashOnly = new Set([
  'private.sign_up(text,text,text,text,integer)',
  'private.reset_password(text,text)',
  'private.change_my_password(text)',
]);

interface FunctionRow {
  signature: string;
  result: string;
  touches_hash: boolean;
  opens_session: boolean;
  anon: boolean;
  authenticated: boolean;
  service_role: boolean;
}

describe.each(testTargets())('credential functions on $name', (target) => {
  let db: Database;
  let functions: FunctionRow[];

  beforeAll(async () => {
    db = await target.open();
    functions = await db.query<FunctionRow>(
      `select replace(p.oid::regprocedure::text, ' ', '') as signature,
              pg_get_function_result(p.oid) as result,
              p.prosrc ~* 'encrypted_password' as touches_hash,
              p.prosrc ~* 'insert\\s+into\\s+private\\.sessions' as opens_session,
              has_function_privilege('anon', p.oid, 'execute') as anon,
              has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
              has_function_privilege('service_role', p.oid, 'execute') as service_role
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
          and p.prokind = 'f'
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    );
  });
  afterAll(() => db.close());

  it('lets no API role execute a function that returns a password hash or opens a session', () => {
    const sensitive = functions.filter((f) => f.touches_hash || f.opens_session);
    // Positive control: the guard sees the functions it is about.
    expect(sensitive.map((f) => f.signature)).toEqual(
      expect.arrayContaining([
        'private.sign_in_credentials(text)',
        'private.create_session(uuid,integer,integer,text,text)',
        'private.my_password_hash()',
      ]),
    );
    const exposed = sensitive
      .filter((f) => !writesHashOnly.has(f.signature))
      .flatMap((f) => apiRoles.filter((role) => f[role]).map((role) => `${f.signature} → ${role}`));
    expect(exposed).toEqual([]);
  });

  it('lets the API roles execute the hash-writing functions only where they return a status', () => {
    for (const f of functions.filter((row) => writesHashOnly.has(row.signature))) {
      expect(f.opens_session, f.signature).toBe(false);
      expect(f.result, f.signature).toMatch(/^(text|uuid|void)$/);
    }
  });

  it('refuses the credential functions to visitors and members, and serves them to the identity role', async () => {
    const email = 'member@demo.u4ssc.local';
    for (const claims of [null, claimsOf('member')]) {
      expect(
        await expectRefusal(() =>
          asUser(db, claims, (tx) =>
            tx.query('select * from private.sign_in_credentials($1)', [email]),
          ),
        ),
      ).toBe('42501');
      expect(
        await expectRefusal(() =>
          asUser(db, claims, (tx) =>
            tx.query('select * from private.create_session($1, 3600, 7200, $2, $3)', [
              userIdOf('member'),
              'forged',
              '203.0.113.1',
            ]),
          ),
        ),
      ).toBe('42501');
      expect(
        await expectRefusal(() =>
          asUser(db, claims, (tx) => tx.query("select private.release_rate_limits('[]'::jsonb)")),
        ),
      ).toBe('42501');
    }
    expect(
      await expectRefusal(() =>
        asUser(db, claimsOf('member'), (tx) => tx.query('select private.my_password_hash()')),
      ),
    ).toBe('42501');

    const [credentials] = await asUser(db, null, (tx) =>
      withIdentityRole(tx, (identityDb) =>
        identityDb.query<{ user_id: string; password_hash: string }>(
          'select * from private.sign_in_credentials($1)',
          [email],
        ),
      ),
    );
    expect(credentials?.user_id).toBe(userIdOf('member'));
    expect(credentials?.password_hash).toMatch(/^\$argon2id\$/);
    // Back in the request's role afterwards.
    const [role] = await asUser(db, null, async (tx) => {
      await withIdentityRole(tx, (identityDb) => identityDb.query('select 1'));
      return tx.query<{ role: string }>('select current_user as role');
    });
    expect(role?.role).toBe('anon');
  });
});
