import { describe, expect, it } from 'vitest';
import {
  applySecurityHeaders,
  sandboxContentSecurityPolicy,
} from '../../src/server/http/security-headers';

describe('the sandbox policy of served uploads', () => {
  it('survives the site-wide headers, which still fill in everything else', () => {
    const headers = new Headers({ 'Content-Security-Policy': sandboxContentSecurityPolicy });
    applySecurityHeaders(headers, { production: true });
    expect(headers.get('content-security-policy')).toBe(sandboxContentSecurityPolicy);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('does not let a page keep a looser policy of its own', () => {
    const headers = new Headers({ 'Content-Security-Policy': "script-src 'unsafe-inline'" });
    applySecurityHeaders(headers, { production: false });
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    const sandboxOnly = new Headers({ 'Content-Security-Policy': 'sandbox; script-src *' });
    applySecurityHeaders(sandboxOnly, { production: false });
    expect(sandboxOnly.get('content-security-policy')).toContain("default-src 'self'");
  });
});
