import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';

export interface FixtureUser {
  id: string;
  email: string;
  password: string;
  confirmed: boolean;
}

export interface SupabaseAuthFixture {
  url: string;
  anonKey: string;
  users: FixtureUser[];
  /** Every request the fixture answered: "METHOD /path?query". */
  calls: string[];
  signingKey: Uint8Array;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Supabase Auth (GoTrue) endpoints the portal calls,
 * following their documented shapes: POST /auth/v1/token?grant_type=password,
 * POST /auth/v1/signup, GET /auth/v1/user, POST /auth/v1/logout,
 * POST /auth/v1/recover, POST /auth/v1/verify. Access tokens are HS256 JWTs
 * with Supabase's claims; /user accepts only tokens it signed itself.
 */
export async function startSupabaseAuthFixture(users: FixtureUser[]): Promise<SupabaseAuthFixture> {
  const signingKey = new TextEncoder().encode('fixture-signing-key-'.repeat(3));
  const calls: string[] = [];
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === null ? '' : JSON.stringify(body));
  };
  const userJson = (user: FixtureUser) => ({
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: user.confirmed ? new Date().toISOString() : null,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: {},
    created_at: new Date('2026-01-01').toISOString(),
  });
  const session = async (user: FixtureUser) => {
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const accessToken = await new SignJWT({
      email: user.email,
      role: 'authenticated',
      aal: 'aal1',
      session_id: randomUUID(),
      app_metadata: { provider: 'email' },
      user_metadata: {},
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setAudience('authenticated')
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(signingKey);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: 3600,
      expires_at: expiresAt,
      refresh_token: randomUUID(),
      user: userJson(user),
    };
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://fixture');
      calls.push(`${req.method} ${url.pathname}${url.search}`);
      const body = raw ? (JSON.parse(raw) as Record<string, string>) : {};
      if (req.headers.apikey !== 'fixture-anon-key')
        return json(res, 401, { message: 'Invalid API key' });
      if (
        req.method === 'POST' &&
        url.pathname === '/auth/v1/token' &&
        url.searchParams.get('grant_type') === 'password'
      ) {
        const user = users.find((u) => u.email === body.email && u.password === body.password);
        if (!user)
          return json(res, 400, {
            code: 400,
            error_code: 'invalid_credentials',
            msg: 'Invalid login credentials',
          });
        if (!user.confirmed)
          return json(res, 400, {
            code: 400,
            error_code: 'email_not_confirmed',
            msg: 'Email not confirmed',
          });
        return json(res, 200, await session(user));
      }
      if (req.method === 'GET' && url.pathname === '/auth/v1/user') {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        try {
          const { jwtVerify } = await import('jose');
          const { payload } = await jwtVerify(token, signingKey);
          const user = users.find((u) => u.id === payload.sub);
          if (user) return json(res, 200, userJson(user));
        } catch {
          // fall through
        }
        return json(res, 403, { code: 403, error_code: 'bad_jwt', msg: 'invalid JWT' });
      }
      if (req.method === 'POST' && url.pathname === '/auth/v1/logout') return json(res, 204, null);
      if (req.method === 'POST' && url.pathname === '/auth/v1/signup') {
        const user = {
          id: randomUUID(),
          email: body.email!,
          password: body.password!,
          confirmed: false,
        };
        users.push(user);
        return json(res, 200, userJson(user));
      }
      if (req.method === 'POST' && url.pathname === '/auth/v1/recover') return json(res, 200, {});
      if (req.method === 'POST' && url.pathname === '/auth/v1/verify') {
        return json(res, 403, {
          code: 403,
          error_code: 'otp_expired',
          msg: 'Token has expired or is invalid',
        });
      }
      return json(res, 404, { msg: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    anonKey: 'fixture-anon-key',
    users,
    calls,
    signingKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
