import type { SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { jwtClaimsSchema, type JwtClaims } from '../../db/claims';

/**
 * The request's verified claims under Supabase Auth. `getSession()` alone
 * only reads the cookie, which the browser controls; `getUser()` asks the
 * Supabase Auth server to validate the access token (refreshing it first if
 * it expired), so only a token Supabase accepts for that user becomes claims.
 */
export async function verifySupabaseUser(supabase: SupabaseClient): Promise<JwtClaims | null> {
  const { data: userData, error } = await supabase.auth.getUser();
  if (error || !userData.user) return null;
  const { data: sessionData } = await supabase.auth.getSession();
  const accessToken = sessionData.session?.access_token;
  if (!accessToken) return null;
  let payload: unknown;
  try {
    payload = decodeJwt(accessToken);
  } catch {
    return null;
  }
  const parsed = jwtClaimsSchema.safeParse(payload);
  if (!parsed.success || parsed.data.sub !== userData.user.id) return null;
  return parsed.data;
}
