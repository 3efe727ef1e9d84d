import type { AstroCookies, AstroCookieSetOptions } from 'astro';

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure with the
 * `__Host-` prefix everywhere except plain-HTTP localhost, where browsers
 * would drop a Secure cookie.
 */
export function isLocalHost(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
}

/** A portal cookie's name for this origin: `__Host-` prefixed (which needs Secure) except on plain-HTTP localhost. */
export function portalCookieName(url: URL, base: string): string {
  return isLocalHost(url) && url.protocol === 'http:' ? base : `__Host-${base}`;
}

/** The cookie's name for this origin (`__Host-` needs Secure). */
export function sessionCookieName(url: URL): string {
  return portalCookieName(url, 'portal_session');
}

/** HttpOnly, SameSite=Lax, Path=/, Secure except on plain-HTTP localhost. */
export function cookieOptions(url: URL, expires?: Date): AstroCookieSetOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: !(isLocalHost(url) && url.protocol === 'http:'),
    ...(expires ? { expires } : {}),
  };
}

/** Reads the raw session token, if any. */
export function readSessionCookie(cookies: AstroCookies, url: URL): string | undefined {
  return cookies.get(sessionCookieName(url))?.value;
}

/** Stores a freshly signed session token until the session's absolute expiry. */
export function setSessionCookie(
  cookies: AstroCookies,
  url: URL,
  token: string,
  expires: Date,
): void {
  cookies.set(sessionCookieName(url), token, cookieOptions(url, expires));
}

/** Removes the session cookie (sign-out, ended or invalid session). */
export function clearSessionCookie(cookies: AstroCookies, url: URL): void {
  cookies.delete(sessionCookieName(url), cookieOptions(url));
}
