import { z } from 'zod';
import { optionalInteger, optionalText, optionalUrl } from './variables';

/** Part "identity" (auth): sign-in provider and sessions. */
export const identityVariables = z
  .object({
    SESSION_SECRET: optionalText.pipe(
      z.string().min(32, 'must be at least 32 characters (openssl rand -base64 48)').optional(),
    ),
    SESSION_IDLE_MINUTES: optionalInteger(5, 43_200),
    SESSION_MAX_HOURS: optionalInteger(1, 2_160),
    // The Supabase project: Auth here, Storage in the "storage" part.
    SUPABASE_URL: optionalUrl(/^https?$/, 'must be the project URL, e.g. https://abc.supabase.co'),
    SUPABASE_ANON_KEY: optionalText,
  })
  .superRefine((vars, context) => {
    if (vars.SUPABASE_ANON_KEY && !vars.SUPABASE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['SUPABASE_URL'],
        message: 'is required with SUPABASE_ANON_KEY (set both for Supabase Auth, or neither)',
      });
    }
  });

export interface IdentityConfig {
  provider: 'builtin' | 'supabase';
  /** Unset in embedded mode: a key is generated into DATA_DIR/session-secret. */
  sessionSecret?: string;
  idleSeconds: number;
  absoluteSeconds: number;
  /** Supabase Auth, when SUPABASE_URL and SUPABASE_ANON_KEY are both set. */
  supabase?: { url: string; anonKey: string };
  /** The project URL (also used by Supabase Storage). */
  supabaseUrl?: string;
}

export function buildIdentityConfig(vars: z.output<typeof identityVariables>): IdentityConfig {
  const idleMinutes = vars.SESSION_IDLE_MINUTES ?? 720;
  const maxHours = vars.SESSION_MAX_HOURS ?? 168;
  const supabaseUrl = vars.SUPABASE_URL?.replace(/\/+$/, '');
  const supabase =
    supabaseUrl && vars.SUPABASE_ANON_KEY
      ? { url: supabaseUrl, anonKey: vars.SUPABASE_ANON_KEY }
      : undefined;
  return {
    provider: supabase ? 'supabase' : 'builtin',
    sessionSecret: vars.SESSION_SECRET,
    idleSeconds: idleMinutes * 60,
    absoluteSeconds: Math.max(maxHours * 3600, idleMinutes * 60),
    supabase,
    supabaseUrl,
  };
}
