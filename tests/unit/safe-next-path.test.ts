import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/lib/auth/safe-next-path';

/** Values that have turned local-looking redirects into other origins somewhere. */
const tricky = [
  '/.//evil.example',
  '/..//evil.example',
  '/././/evil.example',
  '/%2e//evil.example',
  '/%2e%2e//evil.example',
  '/a/../..//evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\\\evil.example',
  '/%5Cevil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n//evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/ /evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '/javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://evil.example',
  'https:evil.example',
  'http:/evil.example',
  '/@evil.example',
  '/evil.example?next=//evil.example',
  '/#//evil.example',
  '/?//evil.example',
  '/\u3002evil.example',
  '/\uff0f/evil.example',
  '/\u2215/evil.example',
  '/\u2028/evil.example',
  '/\ufeff/evil.example',
  '/ａｃｃｏｕｎｔ',
  '/hubs/austria?tab=news#latest',
  '/search?q=smart cities&type=kpi',
  '/%0d%0a',
  '/' + 'a'.repeat(600),
  '',
  '/',
];

const origin = 'https://portal.example';

describe('the redirect after sign-in (safeNextPath)', () => {
  it('keeps local paths as the browser will read them', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/hubs/austria?tab=news')).toBe('/hubs/austria?tab=news');
    expect(safeNextPath('/a/./b/../c')).toBe('/a/c');
    expect(safeNextPath('/search?q=smart cities')).toBe('/search?q=smart%20cities');
  });

  it('refuses values that lead elsewhere, with or without dot segments, encodings or whitespace', () => {
    for (const value of [
      '/.//evil.example',
      '/..//evil.example',
      '/%2e//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' //evil.example',
      'javascript:alert(1)',
      'https:evil.example',
    ]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBe('/');
    }
  });

  it('never yields a scheme-relative or absolute URL, and is idempotent, on every tricky value', () => {
    for (const value of tricky) {
      const once = safeNextPath(value);
      const label = JSON.stringify(value);
      expect(once.startsWith('/'), label).toBe(true);
      expect(once.startsWith('//'), label).toBe(false);
      expect(once.startsWith('/\\'), label).toBe(false);
      expect(
        [...once].some((ch) => ch.charCodeAt(0) <= 0x20 || ch === '\x7f' || ch === '\\'),
        label,
      ).toBe(false);
      // How a browser resolves the Location header against the portal.
      expect(new URL(once, origin).origin, label).toBe(origin);
      expect(safeNextPath(once), label).toBe(once);
    }
  });

  it('uses the fallback for anything refused, and only a safe fallback', () => {
    expect(safeNextPath('//evil.example', '/account')).toBe('/account');
    expect(safeNextPath(42, '/account')).toBe('/account');
    expect(safeNextPath('//evil.example', '//evil.example')).toBe('/');
  });
});
