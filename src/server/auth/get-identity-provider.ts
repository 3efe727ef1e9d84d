import { getConfig } from '../config';
import { builtinProvider } from './builtin/builtin-provider';
import type { IdentityProvider } from './identity-provider';
import { supabaseProvider } from './supabase/supabase-provider';

/** The configured provider: Supabase Auth when SUPABASE_URL and SUPABASE_ANON_KEY are set, else the built-in one. */
export function getIdentityProvider(): IdentityProvider {
  return getConfig().identity.provider === 'supabase' ? supabaseProvider : builtinProvider;
}
