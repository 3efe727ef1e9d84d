import { z } from 'zod';
import { getServerEnv } from '../env';

/**
 * Configuration of identity, sessions, mail and request protection, read from
 * the environment once and validated, so a bad deployment fails at start with
 * the variable named (see `.env.example`, section "Identity and security").
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * TRUST_PROXY: how many reverse proxies in front of the portal append to
 * X-Forwarded-For. `false`/empty (the default) is 0: the header is ignored.
 * `true` is kept as 1, what it always meant; a number says how many.
 */
const proxyHops = z
  .string()
  .optional()
  .transform((value, context) => {
    const text = (value ?? '').trim().toLowerCase();
    if (['', 'false', 'no', '0'].includes(text)) return 0;
    if (['true', 'yes'].includes(text)) return 1;
    if (/^[1-9]$/.test(text)) return Number(text);
    context.addIssue({
      code: 'custom',
      message: 'TRUST_PROXY must be false, true (one proxy) or the number of proxies (1-9)',
    });
    return z.NEVER;
  });

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const authEnvSchema = z.object({
  SESSION_SECRET: optionalText.pipe(
    z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  ),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(43_200).default(720),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(2_160).default(168),
  TRUST_PROXY: proxyHops,
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: z.string().default('U4SSC Hub Portal <no-reply@localhost>'),
  DEV_MAILBOX: flag,
  SUPABASE_URL: optionalText.pipe(z.url('SUPABASE_URL must be a URL').optional()),
  SUPABASE_ANON_KEY: optionalText,
  PUBLIC_SITE_URL: optionalText.pipe(z.url().optional()),
});

export interface AuthConfig {
  provider: 'builtin' | 'supabase';
  /** Embedded PGlite (no DATABASE_URL): a single local process. */
  embedded: boolean;
  production: boolean;
  sessionSecret?: string;
  idleSeconds: number;
  absoluteSeconds: number;
  /** Proxies in front of the portal whose X-Forwarded-For entries count (0: none, use the socket). */
  trustedProxyHops: number;
  smtpUrl?: string;
  mailFrom: string;
  /** The /dev/mailbox page and 'mailbox' delivery: embedded mode or DEV_MAILBOX=true, never with SMTP_URL. */
  mailboxEnabled: boolean;
  supabase?: { url: string; anonKey: string };
  siteUrl?: string;
}

let cached: AuthConfig | undefined;

/** Reads and validates the identity configuration (cached for process.env). */
export function getAuthConfig(source: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (cached && source === process.env) return cached;
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid identity configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const env = parsed.data;
  const server = getServerEnv(source);
  const embedded = !server.DATABASE_URL;
  if (Boolean(env.SUPABASE_URL) !== Boolean(env.SUPABASE_ANON_KEY)) {
    throw new Error(
      'Invalid identity configuration: set both SUPABASE_URL and SUPABASE_ANON_KEY, or neither.',
    );
  }
  const config: AuthConfig = {
    provider: env.SUPABASE_URL && env.SUPABASE_ANON_KEY ? 'supabase' : 'builtin',
    embedded,
    production: server.NODE_ENV === 'production',
    sessionSecret: env.SESSION_SECRET,
    idleSeconds: env.SESSION_IDLE_MINUTES * 60,
    absoluteSeconds: Math.max(env.SESSION_MAX_HOURS * 3600, env.SESSION_IDLE_MINUTES * 60),
    trustedProxyHops: env.TRUST_PROXY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    mailboxEnabled:
      !env.SMTP_URL && (embedded || server.NODE_ENV !== 'production' || env.DEV_MAILBOX),
    supabase:
      env.SUPABASE_URL && env.SUPABASE_ANON_KEY
        ? { url: env.SUPABASE_URL.replace(/\/$/, ''), anonKey: env.SUPABASE_ANON_KEY }
        : undefined,
    siteUrl: env.PUBLIC_SITE_URL,
  };
  if (source === process.env) cached = config;
  return config;
}

/** Forgets the cached configuration (tests change the environment). */
export function resetAuthConfigCache(): void {
  cached = undefined;
}
