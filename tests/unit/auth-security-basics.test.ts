import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/lib/auth/safe-next-path';
import { can } from '../../src/lib/permissions';
import { checkPasswordPolicy } from '../../src/server/auth/password-policy';
import { signSessionToken, verifySessionToken } from '../../src/server/auth/session-token';
import { getClientAddress } from '../../src/server/http/client-address';
import {
  buildContentSecurityPolicy,
  extractScriptHashes,
  securityHeaderValues,
} from '../../src/server/http/security-headers';

const secret = new TextEncoder().encode('x'.repeat(48));
const userId = '7d0c4a4e-3f7b-4d51-9d43-1b1e8f1a2b3c';
const sessionId = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('password policy', () => {
  it('refuses short, over-long and common passwords, and the account email', () => {
    expect(checkPasswordPolicy('short-pass1')).toBe('tooShort');
    expect(checkPasswordPolicy('a'.repeat(129))).toBe('tooLong');
    expect(checkPasswordPolicy('password1234')).toBe('common');
    expect(checkPasswordPolicy('Qwertyuiop123')).toBe('common');
    expect(checkPasswordPolicy('abcabcabcabcabc')).toBe('common');
    // Stretched common passwords, keyboard walks and repeats, recognised by zxcvbn-ts.
    expect(checkPasswordPolicy('P@ssw0rd2026!')).toBe('common');
    expect(checkPasswordPolicy('trustno1trustno1')).toBe('common');
    expect(checkPasswordPolicy('1qaz2wsx3edc4rfv')).toBe('common');
    expect(checkPasswordPolicy('x7'.repeat(32) + 'Zq')).toBe('common');
    expect(checkPasswordPolicy('jane.doe@example.org!', { email: 'jane.doe@example.org' })).toBe(
      'containsEmail',
    );
  });

  it('accepts passphrases of 12 to 128 characters, in any script, with spaces', () => {
    expect(checkPasswordPolicy('correct horse battery staple')).toBeNull();
    expect(checkPasswordPolicy('Ünïcödé-pässwörd-ß')).toBeNull();
    expect(checkPasswordPolicy('purple elephant')).toBeNull();
    expect(checkPasswordPolicy('Tromsø nordlys')).toBeNull();
    const long = 'the tram to the harbour leaves at seven, the ferry at nine; ';
    expect(checkPasswordPolicy(long.repeat(3).slice(0, 128))).toBeNull();
  });
});

describe('session token', () => {
  const input = {
    userId,
    email: 'jane@example.org',
    sessionId,
    expiresAt: new Date(Date.now() + 3600_000),
    appMetadata: { provider: 'email' },
    userMetadata: {},
  };

  it('round-trips Supabase-shaped claims', async () => {
    const claims = await verifySessionToken(await signSessionToken(input, secret), secret);
    expect(claims).toMatchObject({
      sub: userId,
      role: 'authenticated',
      aal: 'aal1',
      session_id: sessionId,
    });
  });

  it('refuses a token signed with another key, expired, or with alg none', async () => {
    const other = new TextEncoder().encode('y'.repeat(48));
    expect(await verifySessionToken(await signSessionToken(input, other), secret)).toBeNull();
    const expired = await signSessionToken(
      { ...input, expiresAt: new Date(Date.now() - 1000) },
      secret,
    );
    expect(await verifySessionToken(expired, secret)).toBeNull();
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: userId,
        role: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 60,
        session_id: sessionId,
      }),
    ).toString('base64url');
    expect(await verifySessionToken(`${header}.${payload}.`, secret)).toBeNull();
    expect(await verifySessionToken('not a token', secret)).toBeNull();
  });

  it('refuses a validly signed token that is not a session (no session id, wrong role)', async () => {
    const noSession = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('u4ssc-hub-portal')
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(secret);
    expect(await verifySessionToken(noSession, secret)).toBeNull();
    const serviceRole = await new SignJWT({ role: 'service_role', session_id: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('u4ssc-hub-portal')
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(secret);
    expect(await verifySessionToken(serviceRole, secret)).toBeNull();
  });
});

describe('redirect after sign-in', () => {
  it('keeps local paths and refuses other origins', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/hubs/austria?tab=news')).toBe('/hubs/austria?tab=news');
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/%0d%0a',
      '',
    ]) {
      expect(safeNextPath(bad), bad).toBe(bad === '/%0d%0a' ? '/%0d%0a' : '/');
    }
  });
});

describe('client address', () => {
  const request = new Request('http://localhost/', {
    headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
  });
  it('uses the socket unless the proxy is trusted, then the entry the proxy appended', () => {
    expect(getClientAddress(request, '::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
    expect(getClientAddress(request, '127.0.0.1', 1)).toBe('203.0.113.9');
  });
});

describe('security headers', () => {
  it('builds a CSP with no unsafe-inline for scripts and every required directive', () => {
    const csp = buildContentSecurityPolicy({ production: true, scriptHashes: ['sha256-abc='] });
    const script = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(script).toBe("script-src 'self' 'sha256-abc='");
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it('adds HSTS only in production', () => {
    expect(securityHeaderValues({ production: true })['Strict-Transport-Security']).toMatch(
      /max-age=\d+/,
    );
    expect(
      securityHeaderValues({ production: false })['Strict-Transport-Security'],
    ).toBeUndefined();
  });

  it("reads script hashes from Astro's CSP header", () => {
    expect(
      extractScriptHashes(
        "script-src 'self' 'sha256-AAA=' 'sha256-B/b+'; style-src 'self' 'sha256-CCC='",
      ),
    ).toEqual(['sha256-AAA=', 'sha256-B/b+']);
  });
});

describe('permission catalogue', () => {
  const coordinator = [{ role: 'hub_coordinator' as const, hubId: 'hub-a' }];
  it('mirrors the policies for hubs, cities and organizations', () => {
    expect(can(coordinator, 'hub.update', { hubId: 'hub-a' })).toBe(true);
    expect(can(coordinator, 'hub.update', { hubId: 'hub-b' })).toBe(false);
    expect(can(coordinator, 'city.update', { cityId: 'c', cityHubIds: ['hub-a'] })).toBe(true);
    // A city in several hubs: a coordinator of any one of them looks after it.
    expect(can(coordinator, 'city.update', { cityId: 'c', cityHubIds: ['hub-b', 'hub-a'] })).toBe(
      true,
    );
    expect(can(coordinator, 'city.update', { cityId: 'c', cityHubIds: ['hub-b'] })).toBe(false);
    expect(can(coordinator, 'hub.manageMembers', { hubId: 'hub-a' })).toBe(true);
    expect(can(coordinator, 'hub.manageMembers', { hubId: 'hub-b' })).toBe(false);
    expect(can([{ role: 'city_editor', cityId: 'c' }], 'city.update', { cityId: 'd' })).toBe(false);
    expect(
      can([{ role: 'org_member', organizationId: 'o' }], 'organization.verify', {
        organizationId: 'o',
      }),
    ).toBe(false);
    expect(can([{ role: 'platform_admin' }], 'membership.grant')).toBe(true);
    expect(can([], 'organization.register', {}, null)).toBe(false);
  });
});
