/**
 * Security headers for every response, kept in one place so the header tests
 * check the same list the server applies. Pages get a Content-Security-Policy
 * whose script-src allows only the portal's own files and the hashes of the
 * inline scripts Astro emits (hydration of islands); no 'unsafe-inline' and no
 * 'unsafe-eval' for scripts outside `astro dev`.
 */
export interface SecurityHeaderOptions {
  /** Production on a non-localhost host: adds HSTS and upgrade-insecure-requests. */
  production: boolean;
  /** `astro dev`: Vite's client needs inline and eval'd scripts. */
  dev?: boolean;
  /** `'sha256-…'` sources for inline scripts (from Astro's experimental CSP). */
  scriptHashes?: readonly string[];
  /** Extra origins the browser may fetch from (e.g. the Supabase project). */
  connectSources?: readonly string[];
}

/** The header names every response must carry (HSTS only in production). */
export const requiredSecurityHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
] as const;

/** Builds the Content-Security-Policy value. */
export function buildContentSecurityPolicy(options: SecurityHeaderOptions): string {
  const scriptSources = options.dev
    ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    : ["'self'", ...(options.scriptHashes ?? []).map((hash) => `'${hash}'`)];
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    // Inline style attributes (rich text, islands) are allowed; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src ${["'self'", ...(options.connectSources ?? []), ...(options.dev ? ['ws:'] : [])].join(' ')}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.production) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header with its value. */
export function securityHeaderValues(options: SecurityHeaderOptions): Record<string, string> {
  const values: Record<string, string> = {
    'Content-Security-Policy': buildContentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (options.production)
    values['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return values;
}

/**
 * The policy of responses that must never run or load anything, whatever
 * their bytes turn out to be (uploaded files at /media/<key>): stricter than
 * the site-wide policy, so the middleware keeps it.
 */
export const sandboxContentSecurityPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** True for a route's own policy that sandboxes the response and allows nothing by default. */
function isSandboxPolicy(policy: string): boolean {
  const directives = policy.split(';').map((part) => part.trim().toLowerCase());
  return directives.includes('sandbox') && directives.includes("default-src 'none'");
}

/**
 * Sets every security header on a response, replacing what a page may have
 * set, except a sandboxing policy a route chose for itself (see
 * `sandboxContentSecurityPolicy`), which is stricter than the site-wide one.
 */
export function applySecurityHeaders(headers: Headers, options: SecurityHeaderOptions): void {
  const routePolicy = headers.get('content-security-policy');
  for (const [name, value] of Object.entries(securityHeaderValues(options)))
    headers.set(name, value);
  if (routePolicy && isSandboxPolicy(routePolicy))
    headers.set('Content-Security-Policy', routePolicy);
}

/**
 * Reads the script hashes out of the CSP header Astro's experimental CSP puts
 * on rendered pages, so the portal's fuller policy keeps allowing them.
 */
export function extractScriptHashes(astroPolicy: string | null): string[] {
  if (!astroPolicy) return [];
  const scriptDirective = astroPolicy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('script-src '));
  if (!scriptDirective) return [];
  return [...scriptDirective.matchAll(/'(sha(?:256|384|512)-[A-Za-z0-9+/=]+)'/g)].map(
    (match) => match[1]!,
  );
}

/** True for hosts where HSTS and Secure cookies do not apply (plain-HTTP local use). */
export function isLocalHostname(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '127.0.0.1' || name === '::1';
}
