import { randomUUID } from 'node:crypto';
import type { AstroCookies } from 'astro';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { resetConfig } from '../../src/server/config';
import type { AuthRequest } from '../../src/server/auth/identity-provider';
import { resolveRequestIdentity } from '../../src/server/auth/resolve-request-identity';
import { supabaseProvider } from '../../src/server/auth/supabase/supabase-provider';
import { withRequestContext } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import {
  startSupabaseAuthFixture,
  type SupabaseAuthFixture,
} from '../support/supabase-auth-fixture';

function cookieJar() {
  const values = new Map<string, string>();
  const jar = {
    get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name: string, value: string) =>
      void (value === '' ? values.delete(name) : values.set(name, value)),
    delete: (name: string) => void values.delete(name),
    has: (name: string) => values.has(name),
    header: () => [...values].map(([k, v]) => `${k}=${v}`).join('; '),
    values,
  };
  return jar as typeof jar & AstroCookies;
}

const url = new URL('http://localhost:4321/login');
const pglite = testTargets().find((target) => target.name === 'pglite')!;

describe('Supabase Auth provider against a local fixture of its endpoints', () => {
  let fixture: SupabaseAuthFixture;
  let db: Database;
  const saved = { url: process.env.SUPABASE_URL, key: process.env.SUPABASE_ANON_KEY };
  const user = {
    id: randomUUID(),
    email: 'sam@example.org',
    password: 'a long supabase password',
    confirmed: true,
  };

  beforeAll(async () => {
    fixture = await startSupabaseAuthFixture([user]);
    process.env.SUPABASE_URL = fixture.url;
    process.env.SUPABASE_ANON_KEY = fixture.anonKey;
    resetConfig();
    db = await pglite.open();
  });
  afterAll(async () => {
    process.env.SUPABASE_URL = saved.url ?? '';
    process.env.SUPABASE_ANON_KEY = saved.key ?? '';
    resetConfig();
    await fixture?.close();
    await db?.close();
  });

  const as = <T>(jar: ReturnType<typeof cookieJar>, fn: (req: AuthRequest) => Promise<T>) =>
    withRequestContext(
      null,
      (tx) =>
        fn({
          db: tx,
          cookies: jar,
          url,
          request: new Request(url, { headers: { cookie: jar.header() } }),
          clientAddress: '198.51.100.20',
          claims: null,
          i18n: getTranslator(),
        }),
      () => Promise.resolve(db),
    );
  const identityOf = async (jar: ReturnType<typeof cookieJar>) => {
    const identity = await resolveRequestIdentity({
      cookies: jar,
      request: new Request(url, { headers: { cookie: jar.header() } }),
      url,
    });
    await identity.handle.finish('commit');
    return identity.claims;
  };

  it('signs in with the password grant, stores the session in cookies, and verifies it with GET /user', async () => {
    const jar = cookieJar();
    expect(
      await as(jar, (req) =>
        supabaseProvider.signIn(req, { email: user.email, password: user.password }),
      ),
    ).toEqual({
      status: 'signed-in',
      userId: user.id,
    });
    expect(fixture.calls).toContain('POST /auth/v1/token?grant_type=password');
    expect([...jar.values.keys()].some((name) => name.startsWith('sb-'))).toBe(true);
    fixture.calls.length = 0;
    const claims = await identityOf(jar);
    expect(claims).toMatchObject({ sub: user.id, email: user.email, role: 'authenticated' });
    expect(fixture.calls).toContain('GET /auth/v1/user');
  });

  it('refuses a session cookie whose token Supabase does not accept (forged with another key)', async () => {
    const jar = cookieJar();
    await as(jar, (req) =>
      supabaseProvider.signIn(req, { email: user.email, password: user.password }),
    );
    const [name, value] = [...jar.values].find(([key]) => key.startsWith('sb-'))!;
    const decoded = value.startsWith('base64-')
      ? Buffer.from(value.slice(7), 'base64url').toString()
      : value;
    const session = JSON.parse(decoded) as { access_token: string };
    session.access_token = await new SignJWT({
      role: 'authenticated',
      email: user.email,
      aal: 'aal1',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an attacker key that is long enough!'));
    jar.values.set(name, `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`);
    expect(await identityOf(jar)).toBeNull();
  });

  it('reports wrong passwords and unconfirmed addresses, and counts failures against the rate limit', async () => {
    const jar = cookieJar();
    expect(
      await as(jar, (req) =>
        supabaseProvider.signIn(req, { email: user.email, password: 'wrong password here' }),
      ),
    ).toEqual({
      status: 'invalid',
    });
    fixture.users.push({
      id: randomUUID(),
      email: 'new@example.org',
      password: 'unconfirmed password',
      confirmed: false,
    });
    expect(
      await as(jar, (req) =>
        supabaseProvider.signIn(req, {
          email: 'new@example.org',
          password: 'unconfirmed password',
        }),
      ),
    ).toEqual({
      status: 'unconfirmed',
    });
    const [row] = await db.query<{ n: number }>(
      "select count(*)::int as n from private.rate_limits where bucket = 'sign_in.account'",
    );
    expect(row!.n).toBeGreaterThan(0);
  });

  it('signs up, asks for a reset link and signs out through the documented endpoints', async () => {
    const jar = cookieJar();
    expect(
      await as(jar, (req) =>
        supabaseProvider.signUp(req, {
          email: 'fresh@example.org',
          password: 'a fresh long password',
          displayName: 'F',
        }),
      ),
    ).toEqual({
      status: 'check-mail',
    });
    expect(fixture.calls.some((call) => call.startsWith('POST /auth/v1/signup'))).toBe(true);
    expect(
      await as(jar, (req) => supabaseProvider.requestPasswordReset(req, { email: user.email })),
    ).toEqual({ status: 'check-mail' });
    expect(fixture.calls.some((call) => call.startsWith('POST /auth/v1/recover'))).toBe(true);
    await as(jar, (req) =>
      supabaseProvider.signIn(req, { email: user.email, password: user.password }),
    );
    await as(jar, (req) => supabaseProvider.signOut(req));
    expect(fixture.calls.some((call) => call.startsWith('POST /auth/v1/logout'))).toBe(true);
    expect([...jar.values.keys()].some((name) => name.startsWith('sb-'))).toBe(false);
    expect(await identityOf(jar)).toBeNull();
  });

  it('treats an expired or unknown confirmation link as invalid', async () => {
    const jar = cookieJar();
    expect(
      await as(jar, (req) =>
        supabaseProvider.confirmEmail(req, { token: 'a'.repeat(40), type: 'signup' }),
      ),
    ).toEqual({
      status: 'invalid-link',
    });
  });
});

const live = {
  url: process.env.SUPABASE_TEST_URL,
  key: process.env.SUPABASE_TEST_ANON_KEY,
  email: process.env.SUPABASE_TEST_EMAIL,
  password: process.env.SUPABASE_TEST_PASSWORD,
};
const liveReady = Boolean(live.url && live.key && live.email && live.password);
if (!liveReady) {
  console.warn(
    '\n[skipped] Live Supabase Auth suite: set SUPABASE_TEST_URL, SUPABASE_TEST_ANON_KEY, SUPABASE_TEST_EMAIL and SUPABASE_TEST_PASSWORD (a confirmed test user) to run it.\n',
  );
}

describe.skipIf(!liveReady)('Supabase Auth provider against a real project (live)', () => {
  let db: Database;
  beforeAll(async () => {
    process.env.SUPABASE_URL = live.url;
    process.env.SUPABASE_ANON_KEY = live.key;
    resetConfig();
    db = await pglite.open();
  });
  afterAll(async () => {
    process.env.SUPABASE_URL = '';
    process.env.SUPABASE_ANON_KEY = '';
    resetConfig();
    await db?.close();
  });

  it('signs in, and the verified claims name the same user', async () => {
    const jar = cookieJar();
    const outcome = await withRequestContext(
      null,
      (tx) =>
        supabaseProvider.signIn(
          {
            db: tx,
            cookies: jar,
            url,
            request: new Request(url),
            clientAddress: '198.51.100.30',
            claims: null,
            i18n: getTranslator(),
          },
          { email: live.email!, password: live.password! },
        ),
      () => Promise.resolve(db),
    );
    expect(outcome.status).toBe('signed-in');
    const identity = await resolveRequestIdentity({
      cookies: jar,
      request: new Request(url, { headers: { cookie: jar.header() } }),
      url,
    });
    await identity.handle.finish('commit');
    expect(identity.claims?.email).toBe(live.email);
  });
});
