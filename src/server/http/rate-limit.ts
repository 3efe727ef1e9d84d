import { isIPv6 } from 'node:net';
import type { Queryable } from '../db/types';

/** One limit: at most `max` hits per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * The limits the portal applies. Counters live in Postgres
 * (private.rate_limits, keys stored as SHA-256), so every server instance sees
 * the same counts. Sign-in counts failed attempts only, so people who type
 * their password right are never slowed down; see docs/security-hardening.md
 * for why sign-in is limited per address, per address and account, and per
 * account only for browsers the account has not signed in from before.
 */
export const rateLimitRules = {
  /** Failed sign-ins from one address, whatever the accounts (password spraying). */
  signInFailuresPerIp: { bucket: 'sign_in.ip', max: 30, windowSeconds: 900 },
  /** Failed sign-ins from one address to one account (guessing one password). */
  signInFailuresPerPair: { bucket: 'sign_in.pair', max: 5, windowSeconds: 900 },
  /** Failed sign-ins from a browser the account signed in from before (replaces the pair limit). */
  signInFailuresPerKnownDevice: { bucket: 'sign_in.device', max: 5, windowSeconds: 900 },
  /**
   * Failed sign-ins to one account from browsers it never signed in from, from
   * any address (guessing spread over many addresses). Reaching it pauses only
   * those browsers: the owner's own browsers keep their own limit.
   */
  signInFailuresPerAccount: { bucket: 'sign_in.account', max: 10, windowSeconds: 3600 },
  /** One mail to the owner per window when the account limit is reached. */
  signInOwnerNotice: { bucket: 'sign_in.notice', max: 1, windowSeconds: 3600 },
  signUpPerIp: { bucket: 'sign_up.ip', max: 20, windowSeconds: 3600 },
  signUpPerAccount: { bucket: 'sign_up.account', max: 3, windowSeconds: 3600 },
  passwordResetPerIp: { bucket: 'password_reset.ip', max: 10, windowSeconds: 3600 },
  passwordResetPerAccount: { bucket: 'password_reset.account', max: 3, windowSeconds: 3600 },
  emailChangePerAccount: { bucket: 'email_change.account', max: 5, windowSeconds: 3600 },
  contactPerIp: { bucket: 'contact.ip', max: 5, windowSeconds: 600 },
  contactPerAccount: { bucket: 'contact.account', max: 10, windowSeconds: 3600 },
  /** Messages to the portal's team (/contact), counted apart from messages to organizations. */
  siteContactPerIp: { bucket: 'site_contact.ip', max: 5, windowSeconds: 600 },
  siteContactPerAccount: { bucket: 'site_contact.account', max: 10, windowSeconds: 3600 },
  /** Invitations to join an organization sent by one person (each mails an address they chose). */
  invitationsPerAccount: { bucket: 'invite.account', max: 20, windowSeconds: 3600 },
  /** Requests to join organizations by one person (each mails the organization's admins). */
  joinRequestsPerAccount: { bucket: 'join.account', max: 10, windowSeconds: 3600 },
  /** Image uploads per account (each costs a decode and an encode), covers included. */
  uploadsPerAccount: { bucket: 'upload.account', max: 100, windowSeconds: 3600 },
  /** Questions and expressions of interest sent about procurement notices, per account. */
  procurementResponsesPerAccount: {
    bucket: 'procurement_response.account',
    max: 30,
    windowSeconds: 3600,
  },
} as const satisfies Record<string, RateLimitRule>;

export interface RateLimitCheck {
  rule: RateLimitRule;
  /** The limited subject: a client address (see `rateLimitAddress`), an email, a user id. */
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
 * The key a client address is limited under: the address itself for IPv4,
 * its /64 network for IPv6 (one subscriber usually holds a whole /64, so
 * per-address limits on single IPv6 addresses could be sidestepped by
 * counting through it).
 */
export function rateLimitAddress(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

function checksJson(checks: readonly RateLimitCheck[]): string {
  return JSON.stringify(
    checks.map(({ rule, key }) => ({
      bucket: rule.bucket,
      key,
      max: rule.max,
      windowSeconds: rule.windowSeconds,
    })),
  );
}

/**
 * Counts one attempt against every check, or against none, and says how long
 * to wait (0: go ahead, the attempt is counted). Counting and deciding are one
 * statement under the counters' row locks, held until the request's
 * transaction ends, so a burst of parallel requests gets exactly `max`
 * through (once a counter is at its limit, refusals take no lock). Call it before the expensive or guessable work (a password check,
 * an image decode), never after; give checks in a fixed order of buckets.
 */
export async function reserveRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<number> {
  const [row] = await db.query<{ wait: number }>(
    'select private.reserve_rate_limits($1::text::jsonb) as wait',
    [checksJson(checks)],
  );
  return Number(row?.wait ?? 0);
}

/**
 * Gives back an attempt `reserveRateLimits` counted, when it turned out not
 * to count (the password was right). Needs the identity role
 * (`withIdentityRole`): no API role can undo a limit.
 */
export async function releaseRateLimits(
  identityDb: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<void> {
  await identityDb.query('select private.release_rate_limits($1::text::jsonb)', [
    checksJson(checks),
  ]);
}

/**
 * Counts one hit on every check and returns the wait (0: go ahead). For
 * actions limited per attempt: sign-up, password reset, contact forms.
 */
export function hitRateLimits(db: Queryable, checks: readonly RateLimitCheck[]): Promise<number> {
  return reserveRateLimits(db, checks);
}

/**
 * Looks at the counters without counting. Only for what follows a decision
 * already made (whether to tell the owner); deciding on a look and counting
 * later lets a burst through.
 */
export async function peekRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<number> {
  let wait = 0;
  for (const { rule, key } of checks) {
    const [row] = await db.query<{ wait: number }>(
      'select private.rate_limit($1, $2, $3, $4, false) as wait',
      [rule.bucket, key, rule.max, rule.windowSeconds],
    );
    wait = Math.max(wait, Number(row?.wait ?? 0));
  }
  return wait;
}

/** Counts a hit and throws RateLimitedError when over a limit: the one-line guard for a form handler. */
export async function enforceRateLimits(
  db: Queryable,
  checks: readonly RateLimitCheck[],
): Promise<void> {
  const wait = await hitRateLimits(db, checks);
  if (wait > 0) throw new RateLimitedError(wait);
}
