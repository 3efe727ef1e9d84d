/**
 * Whether a Cookie header carries a sign-in: the built-in provider's session
 * cookie (`portal_session`, `__Host-portal_session` on HTTPS) or Supabase
 * Auth's (`sb-<project>-auth-token`, possibly split into `.0`, `.1`…). Such a
 * request is never answered from the render cache nor stored in it, even when
 * the session turns out to be over: the response then clears the cookie,
 * which is never stored either. Other cookies (the known-device cookie, read
 * only when signing in) change nothing a page shows.
 */
const sessionCookie = /(?:^|;)\s*(?:(?:__Host-)?portal_session|sb-[^=;]*-auth-token(?:\.\d+)?)=/;

export function hasSessionCookie(cookieHeader: string | undefined | null): boolean {
  return Boolean(cookieHeader && sessionCookie.test(cookieHeader));
}
