import type { AstroCookies } from 'astro';
import { getConfig } from '../config';
import type { JwtClaims } from '../db/claims';
import { createRequestDb, type RequestDbHandle } from '../db/request-context';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import { getSessionSecret } from './session-secret';
import { verifySessionToken } from './session-token';
import { createSupabaseForRequest } from './supabase/supabase-client';
import { verifySupabaseUser } from './supabase/verify-supabase-user';

export interface RequestIdentity {
  claims: JwtClaims | null;
  handle: RequestDbHandle;
}

/**
 * Decides who is asking and opens the request's database as that user.
 * Built-in provider: verify the token (no database work for visitors), then
 * one call to `private.validate_session()` in the request's own transaction;
 * a failed check rolls that transaction back, clears the cookie and goes on as
 * a visitor. Supabase provider: only when Supabase's auth cookies are present,
 * `getUser()` verifies the token with Supabase Auth.
 */
export async function resolveRequestIdentity(input: {
  cookies: AstroCookies;
  request: Request;
  url: URL;
}): Promise<RequestIdentity> {
  const options = { reading: ['GET', 'HEAD'].includes(input.request.method) };
  if (getConfig().identity.provider === 'supabase') {
    const hasAuthCookie = /(?:^|;\s*)sb-[^=]*-auth-token/.test(
      input.request.headers.get('cookie') ?? '',
    );
    const claims = hasAuthCookie
      ? await verifySupabaseUser(createSupabaseForRequest(input.cookies, input.request, input.url))
      : null;
    return { claims, handle: createRequestDb(claims, undefined, options) };
  }

  const token = readSessionCookie(input.cookies, input.url);
  if (!token) return { claims: null, handle: createRequestDb(null, undefined, options) };
  const claims = await verifySessionToken(token, getSessionSecret());
  if (!claims) {
    clearSessionCookie(input.cookies, input.url);
    return { claims: null, handle: createRequestDb(null, undefined, options) };
  }
  const handle = createRequestDb(claims, undefined, options);
  let row: { ok: boolean } | undefined;
  try {
    [row] = await handle.db.query<{ ok: boolean }>('select private.validate_session() as ok');
  } catch (error) {
    // The caller never gets this handle: end its transaction here.
    await handle.finish('rollback').catch(() => {});
    throw error;
  }
  if (row?.ok) return { claims, handle };
  await handle.finish('rollback');
  clearSessionCookie(input.cookies, input.url);
  return { claims: null, handle: createRequestDb(null, undefined, options) };
}
