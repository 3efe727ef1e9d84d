import type { Queryable } from '../db/types';

/** One limit: at most `max` hits per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * The limits the portal applies, per client address and per account (email).
 * Counters live in Postgres (private.rate_limits), so every server instance
 * sees the same counts. Sign-in counts failed attempts only, so people who
 * type their password right are never slowed down.
 */
export const rateLimitRules = {
  signInFailuresPerIp: { bucket: 'sign_in.ip', max: 30, windowSeconds: 900 },
  signInFailuresPerAccount: { bucket: 'sign_in.account', max: 5, windowSeconds: 900 },
  signUpPerIp: { bucket: 'sign_up.ip', max: 20, windowSeconds: 3600 },
  signUpPerAccount: { bucket: 'sign_up.account', max: 3, windowSeconds: 3600 },
  passwordResetPerIp: { bucket: 'password_reset.ip', max: 10, windowSeconds: 3600 },
  passwordResetPerAccount: { bucket: 'password_reset.account', max: 3, windowSeconds: 3600 },
  emailChangePerAccount: { bucket: 'email_change.account', max: 5, windowSeconds: 3600 },
  contactPerIp: { bucket: 'contact.ip', max: 5, windowSeconds: 600 },
  contactPerAccount: { bucket: 'contact.account', max: 10, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitRule>;

export interface RateLimitCheck {
  rule: RateLimitRule;
  /** The limited subject: an IP address, an email, a user id. */
  key: string;
}

/** Thrown by use cases when a limit is reached; the page answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limited: retry after ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

/**
 * Counts one hit on every check and returns the longest wait among those over
 * their limit (0: go ahead). Use for actions limited per attempt: sign-up,
 * password reset, contact forms.
 */
export async function hitRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<number> {
  return runChecks(db, checks, true);
}

/** Looks at the counters without counting (sign-in checks before verifying a password). */
export async function peekRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<number> {
  return runChecks(db, checks, false);
}

/** Counts a hit and throws RateLimitedError when over a limit: the one-line guard for a form handler. */
export async function enforceRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<void> {
  const wait = await hitRateLimits(db, checks);
  if (wait > 0) throw new RateLimitedError(wait);
}

async function runChecks(
  db: Queryable,
  checks: readonly RateLimitCheck[],
  count: boolean,
): Promise<number> {
  let wait = 0;
  for (const { rule, key } of checks) {
    const [row] = await db.query<{ wait: number }>(
      'select private.rate_limit($1, $2, $3, $4, $5) as wait',
      [rule.bucket, key, rule.max, rule.windowSeconds, count],
    );
    wait = Math.max(wait, Number(row?.wait ?? 0));
  }
  return wait;
}
