import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { createServerClient, parseCookieHeader } from '@supabase/ssr';
import type { AstroCookies } from 'astro';
import ws from 'ws';
import { getConfig } from '../../config';
import { isLocalHost } from '../session-cookie';

/**
 * A Supabase client for one request, reading and writing Supabase's auth
 * cookies through Astro (HttpOnly, SameSite=Lax, Secure outside localhost).
 * Node 20 has no native WebSocket, so realtime is given `ws` even though the
 * portal never subscribes.
 */
export function createSupabaseForRequest(
  cookies: AstroCookies,
  request: Request,
  url: URL,
): SupabaseClient {
  const { supabase } = getConfig().identity;
  if (!supabase) throw new Error('SUPABASE_URL and SUPABASE_ANON_KEY are not set');
  const secure = !(isLocalHost(url) && url.protocol === 'http:');
  return createServerClient(supabase.url, supabase.anonKey, {
    realtime: { transport: ws as unknown as typeof WebSocket },
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
    cookies: {
      getAll() {
        return parseCookieHeader(request.headers.get('cookie') ?? '').map((cookie) => ({
          name: cookie.name,
          value: cookie.value ?? '',
        }));
      },
      setAll(toSet) {
        for (const { name, value, options } of toSet) {
          cookies.set(name, value, {
            ...options,
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/',
          });
        }
      },
    },
  });
}

/**
 * A throwaway client that keeps nothing: used to re-check a signed-in user's
 * current password without touching their session cookies.
 */
export function createStatelessSupabase(): SupabaseClient {
  const { supabase } = getConfig().identity;
  if (!supabase) throw new Error('SUPABASE_URL and SUPABASE_ANON_KEY are not set');
  return createClient(supabase.url, supabase.anonKey, {
    realtime: { transport: ws as unknown as typeof WebSocket },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}
