/**
 * Security headers for every response the server renders. Kept in one place
 * so the header test can check the same list the server applies.
 */
export function applySecurityHeaders(headers: Headers, options: { production: boolean }): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  );
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (options.production) {
    headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
}
