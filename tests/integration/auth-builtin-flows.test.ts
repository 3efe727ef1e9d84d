import type { AstroCookies } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { resetConfig } from '../../src/server/config';
import { builtinProvider as provider } from '../../src/server/auth/builtin/builtin-provider';
import type { AuthRequest } from '../../src/server/auth/identity-provider';
import { resetSessionSecretCache, getSessionSecret } from '../../src/server/auth/session-secret';
import { verifySessionToken } from '../../src/server/auth/session-token';
import type { JwtClaims } from '../../src/server/db/claims';
import { withRequestContext } from '../../src/server/db/request-context';
import type { Database, Queryable } from '../../src/server/db/types';
import { asUser, testTargets } from '../support/databases';
import { claimsOf, userIdOf } from '../support/personas';

/** An in-memory cookie jar with the part of AstroCookies the use cases touch. */
function cookieJar(): AstroCookies & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name: string, value: string) => void values.set(name, value),
    delete: (name: string) => void values.delete(name),
    has: (name: string) => values.has(name),
  } as unknown as AstroCookies & { values: Map<string, string> };
}

const url = new URL('http://localhost:4321/login');
const run = Date.now().toString(36);

describe.each(testTargets())('built-in identity on $name', (target) => {
  let db: Database;
  const connect = () => Promise.resolve(db);
  const jar = cookieJar();
  const as = <T>(
    claims: JwtClaims | null,
    fn: (req: AuthRequest) => Promise<T>,
    ip = '198.51.100.7',
  ) =>
    withRequestContext(
      claims,
      (tx) =>
        fn({
          db: tx,
          cookies: jar,
          url,
          request: new Request(url, { headers: { 'user-agent': 'vitest' } }),
          clientAddress: ip,
          claims,
          i18n: getTranslator(),
        }),
      connect,
    );
  const mailTo = async (email: string) => {
    const rows = await db.query<{ to_email: string; kind: string; body_text: string }>(
      'select to_email, kind, body_text from private.outbox where to_email = $1 order by created_at desc',
      [email],
    );
    return rows;
  };
  const tokenIn = (body: string) => decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(body)![1]!);
  const confirm = async (address: string) => {
    const token = tokenIn((await mailTo(address))[0]!.body_text);
    expect(await as(null, (req) => provider.confirmEmail(req, { token, type: 'signup' }))).toEqual({
      status: 'done',
    });
  };
  const sessionClaims = async (): Promise<JwtClaims> => {
    const token = jar.values.get('portal_session');
    expect(token, 'a session cookie was set').toBeTruthy();
    const claims = await verifySessionToken(token!, getSessionSecret());
    expect(claims).not.toBeNull();
    return claims!;
  };
  const sessionIsValid = (claims: JwtClaims) =>
    withRequestContext(
      claims,
      async (tx) =>
        (await tx.query<{ ok: boolean }>('select private.validate_session() as ok'))[0]!.ok,
      connect,
    );

  beforeAll(async () => {
    process.env.SESSION_SECRET = 'integration-test-secret-that-is-long-enough';
    resetConfig();
    resetSessionSecretCache();
    db = await target.open();
  });
  afterAll(() => db.close());

  const email = `jane-${run}-${target.name}@example.org`;
  const password = 'a long and unusual passphrase';

  it('signs up, refuses sign-in until the address is confirmed, then signs in with a new session', async () => {
    expect(
      await as(null, (req) => provider.signUp(req, { email, password, displayName: 'Jane' })),
    ).toEqual({
      status: 'check-mail',
    });
    expect(await as(null, (req) => provider.signIn(req, { email, password }))).toEqual({
      status: 'unconfirmed',
    });
    const [mail] = await mailTo(email);
    expect(mail?.kind).toBe('auth.confirm_signup');
    const token = tokenIn(mail!.body_text);
    expect(await as(null, (req) => provider.confirmEmail(req, { token, type: 'signup' }))).toEqual({
      status: 'done',
    });
    // One-time: the same link does not work twice.
    expect(await as(null, (req) => provider.confirmEmail(req, { token, type: 'signup' }))).toEqual({
      status: 'invalid-link',
    });
    const outcome = await as(null, (req) => provider.signIn(req, { email, password }));
    expect(outcome.status).toBe('signed-in');
    const claims = await sessionClaims();
    expect(claims.email).toBe(email);
    expect(await sessionIsValid(claims)).toBe(true);
  });

  it('answers a second sign-up for the address the same way and mails the owner instead', async () => {
    expect(
      await as(null, (req) =>
        provider.signUp(req, { email, password: 'another passphrase here', displayName: 'X' }),
      ),
    ).toEqual({
      status: 'check-mail',
    });
    expect((await mailTo(email))[0]?.kind).toBe('auth.already_registered');
  });

  it('ends the session at sign-out, so the same token no longer works', async () => {
    const claims = await sessionClaims();
    await as(claims, (req) => provider.signOut(req));
    expect(jar.values.has('portal_session')).toBe(false);
    expect(await sessionIsValid(claims)).toBe(false);
  });

  it('counts failed sign-ins from a browser the account used and answers 429-style after five, even with the right password', async () => {
    // The jar signed in to this account before, so its own limit applies
    // whatever the address (sign-in-limits.test.ts covers the other limits).
    for (let i = 0; i < 5; i += 1) {
      expect(
        await as(
          null,
          (req) => provider.signIn(req, { email, password: `wrong password ${i}` }),
          `203.0.113.${i}`,
        ),
      ).toEqual({
        status: i < 5 ? 'invalid' : 'rate-limited',
      });
    }
    const limited = await as(
      null,
      (req) => provider.signIn(req, { email, password }),
      '203.0.113.99',
    );
    expect(limited.status).toBe('rate-limited');
    expect(limited.status === 'rate-limited' && limited.retryAfter).toBeGreaterThan(0);
  });

  it('resets a forgotten password by mail, ending every session', async () => {
    const other = `reset-${run}-${target.name}@example.org`;
    await as(null, (req) => provider.signUp(req, { email: other, password, displayName: 'R' }));
    await confirm(other);
    await as(null, (req) => provider.signIn(req, { email: other, password }));
    const before = await sessionClaims();
    await as(null, (req) => provider.requestPasswordReset(req, { email: other }));
    const token = tokenIn((await mailTo(other))[0]!.body_text);
    expect(await as(null, (req) => provider.isResetTokenValid(req, token))).toBe(true);
    const newPassword = 'a different long passphrase';
    expect(
      await as(null, (req) => provider.resetPassword(req, { token, password: newPassword })),
    ).toEqual({ status: 'done' });
    expect(await sessionIsValid(before)).toBe(false);
    expect(await as(null, (req) => provider.isResetTokenValid(req, token))).toBe(false);
    // The owner is told, with a way back in if it was not them.
    const [told] = (await mailTo(other)).filter((mail) => mail.kind === 'auth.password_changed');
    expect(told?.body_text).toContain('http://localhost:4321/forgot-password');
    expect(
      (await as(null, (req) => provider.signIn(req, { email: other, password: newPassword })))
        .status,
    ).toBe('signed-in');
  });

  it('says the same for an unknown address and sends nothing', async () => {
    const nobody = `nobody-${run}@example.org`;
    expect(await as(null, (req) => provider.requestPasswordReset(req, { email: nobody }))).toEqual({
      status: 'check-mail',
    });
    expect(await mailTo(nobody)).toEqual([]);
  });

  it('ends the sessions of an account an admin disables, and refuses its sign-in', async () => {
    const member = `disable-${run}-${target.name}@example.org`;
    await as(null, (req) => provider.signUp(req, { email: member, password, displayName: 'D' }));
    await confirm(member);
    await as(null, (req) => provider.signIn(req, { email: member, password }));
    const claims = await sessionClaims();
    await withRequestContext(claims, (tx) => tx.query('select 1'), connect);
    await withRequestContext(
      claimsOf('admin'),
      (tx) => tx.query('select private.admin_set_user_disabled($1, true)', [claims.sub]),
      connect,
    );
    expect(await sessionIsValid(claims)).toBe(false);
    expect(await as(null, (req) => provider.signIn(req, { email: member, password }))).toEqual({
      status: 'disabled',
    });
    const [audit] = await db.query<{ action: string; actor_id: string }>(
      'select action, actor_id from public.audit_log where target_user_id = $1 order by id desc limit 1',
      [claims.sub],
    );
    expect(audit).toEqual({ action: 'account.disabled', actor_id: userIdOf('admin') });
  });

  it('expires a session after its idle timeout and after its absolute lifetime', async () => {
    const member = `expiry-${run}-${target.name}@example.org`;
    await as(null, (req) => provider.signUp(req, { email: member, password, displayName: 'E' }));
    await confirm(member);
    await as(null, (req) => provider.signIn(req, { email: member, password }));
    const idle = await sessionClaims();
    await db.query(
      "update private.sessions set last_seen_at = now() - idle_timeout - interval '1 second' where id = $1",
      [idle.session_id],
    );
    expect(await sessionIsValid(idle)).toBe(false);
    await as(null, (req) => provider.signIn(req, { email: member, password }));
    const old = await sessionClaims();
    await db.query(
      "update private.sessions set expires_at = now() - interval '1 second' where id = $1",
      [old.session_id],
    );
    expect(await sessionIsValid(old)).toBe(false);
  });

  it('changes the password and the address only with the current password', async () => {
    const member = `change-${run}-${target.name}@example.org`;
    await as(null, (req) => provider.signUp(req, { email: member, password, displayName: 'C' }));
    await confirm(member);
    await as(null, (req) => provider.signIn(req, { email: member, password }));
    const claims = await sessionClaims();
    expect(
      await as(claims, (req) =>
        provider.changePassword(req, {
          currentPassword: 'wrong one entirely',
          password: 'new passphrase for me',
        }),
      ),
    ).toEqual({ status: 'wrong-password' });
    expect(
      await as(claims, (req) =>
        provider.changePassword(req, {
          currentPassword: password,
          password: 'new passphrase for me',
        }),
      ),
    ).toEqual({ status: 'done' });
    expect((await mailTo(member)).map((mail) => mail.kind)).toContain('auth.password_changed');
    const newEmail = `changed-${run}-${target.name}@example.org`;
    expect(
      await as(claims, (req) =>
        provider.requestEmailChange(req, {
          currentPassword: 'new passphrase for me',
          email: newEmail,
        }),
      ),
    ).toEqual({ status: 'check-mail' });
    const token = tokenIn((await mailTo(newEmail))[0]!.body_text);
    expect(
      await as(null, (req) => provider.confirmEmail(req, { token, type: 'email_change' })),
    ).toEqual({ status: 'done' });
    // The old address hears of the change (it no longer gets anything else).
    const [changed] = (await mailTo(member)).filter((mail) => mail.kind === 'auth.email_changed');
    expect(changed?.body_text).toContain(`changed to ${newEmail}`);
    expect((await mailTo(newEmail)).map((mail) => mail.kind)).not.toContain('auth.email_changed');
    expect(
      (
        await as(null, (req) =>
          provider.signIn(req, { email: newEmail, password: 'new passphrase for me' }),
        )
      ).status,
    ).toBe('signed-in');
    const current = await sessionClaims();
    expect(
      await as(current, (req) =>
        provider.deleteAccount(req, { currentPassword: 'new passphrase for me' }),
      ),
    ).toEqual({ status: 'deleted' });
    expect(await db.query('select 1 from auth.users where id = $1', [current.sub])).toEqual([]);
  });

  it("delivers only the notices of the caller's own transaction", async () => {
    // A notice recorded by another transaction (as the owner, for the member).
    const [other] = await db.query<{ id: string }>(
      `insert into private.notices (recipient_id, kind, data)
       values ($1, 'auth.password_changed', '{}') returning id`,
      [userIdOf('member')],
    );
    const attempt = (claims: JwtClaims | null) =>
      asUser(db, claims, async (tx: Queryable) => ({
        seen: await tx.query('select * from private.take_notices()'),
        queued: (
          await tx.query<{ n: number }>(
            `select private.deliver_notices($1::text::jsonb, 'mailbox') as n`,
            [JSON.stringify([{ id: other!.id, subject: 'Forged', body: 'Forged' }])],
          )
        )[0]!.n,
      }));
    for (const claims of [null, claimsOf('member'), claimsOf('admin')]) {
      expect(await attempt(claims)).toEqual({ seen: [], queued: 0 });
    }
    expect(await db.query(`select 1 from private.outbox where subject = 'Forged'`)).toEqual([]);
    await db.query('delete from private.notices where id = $1', [other!.id]);
  });

  it('keeps the private schema out of reach of the API roles', async () => {
    const refused = async (claims: JwtClaims | null, sql: string, params: unknown[] = []) =>
      asUser(db, claims, (tx: Queryable) => tx.query(sql, params)).then(
        () => 'allowed',
        (error: { code?: string }) => error.code,
      );
    for (const sql of [
      'select * from private.sessions',
      'select * from private.outbox',
      'select * from private.email_tokens',
      'select * from private.rate_limits',
      'select * from private.notices',
    ]) {
      expect(await refused(null, sql), sql).toBe('42501');
      expect(await refused(claimsOf('admin'), sql), sql).toBe('42501');
    }
    expect(
      await refused(claimsOf('member'), 'select * from private.admin_list_users($1, 10, 0)', ['']),
    ).toBe('42501');
    expect(
      await refused(claimsOf('coordinator'), 'select private.admin_set_user_disabled($1, true)', [
        userIdOf('member'),
      ]),
    ).toBe('42501');
    expect(await refused(null, 'select private.validate_session()')).toBe('42501');
    expect(
      await refused(
        claimsOf('member'),
        "insert into public.audit_log (action) values ('role.granted')",
      ),
    ).toBe('42501');
    expect(
      await refused(
        null,
        "select private.enqueue_mail('victim@elsewhere.example', 'spam', 's', 'b', 'smtp')",
      ),
    ).toBe('42501');
    expect(
      await refused(claimsOf('member'), 'select private.write_audit($1, null, null)', [
        'role.granted',
      ]),
    ).toBe('42501');
  });
});
