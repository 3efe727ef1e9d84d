import { describe, expect, it } from 'vitest';
import { baseUrl, e2eEnabled } from '../support/browser';

const required = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
] as const;

/** Every page route of the app, plus a static file, a bundled asset, a 404 and Astro's own 403. */
async function routes(): Promise<{ path: string; init?: RequestInit }[]> {
  const home = await (await fetch(`${baseUrl()}/`)).text();
  const asset = /(?:href|src)="(\/_astro\/[^"]+)"/.exec(home)?.[1];
  const list = [
    '/',
    '/cities',
    '/cities/tromso',
    '/deliverables',
    '/deliverables/itu-t-y-4903',
    '/login',
    '/signup',
    '/logout',
    '/forgot-password',
    '/reset-password?token=aaaaaaaaaaaaaaaaaaaaaaaa',
    '/confirm?type=signup&token=aaaaaaaaaaaaaaaaaaaa',
    '/account',
    '/admin/members',
    '/news/new',
    '/403',
    '/dev/mailbox',
    '/favicon.svg',
    '/no-such-page',
  ].map((path): { path: string; init?: RequestInit } => ({ path }));
  if (asset) list.push({ path: asset });
  list.push({
    path: '/login',
    init: {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: 'email=x',
    },
  });
  return list;
}

describe.skipIf(!e2eEnabled())('every response carries the security headers', () => {
  it('serves CSP (no unsafe-inline scripts), nosniff, Referrer-Policy, Permissions-Policy and framing rules everywhere', async () => {
    const checked: string[] = [];
    for (const { path, init } of await routes()) {
      const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init });
      const label = `${init?.method ?? 'GET'} ${path} (${response.status})`;
      for (const name of required)
        expect(response.headers.get(name), `${label}: ${name}`).toBeTruthy();
      const csp = response.headers.get('content-security-policy')!;
      const scriptSrc = csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src'));
      expect(scriptSrc, label).toBeDefined();
      expect(scriptSrc, label).not.toContain('unsafe-inline');
      expect(scriptSrc, label).not.toContain('unsafe-eval');
      for (const directive of [
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ]) {
        expect(csp, `${label}: ${directive}`).toContain(directive);
      }
      expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
      // Served on 127.0.0.1 over HTTP: HSTS is for production hosts only.
      expect(response.headers.get('strict-transport-security'), label).toBeNull();
      checked.push(label);
    }
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });
});
