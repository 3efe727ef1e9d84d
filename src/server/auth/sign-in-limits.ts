import {
  peekRateLimits,
  rateLimitAddress,
  rateLimitRules,
  releaseRateLimits,
  reserveRateLimits,
  type RateLimitCheck,
} from '../http/rate-limit';
import type { Queryable } from '../db/types';
import type { AuthRequest } from './identity-provider';
import { readKnownDevice, rememberKnownDevice } from './known-device';
import { composeAuthMail } from './compose-auth-mail';
import { queueMail } from '../mail/outbox';
import { getSiteOrigin } from '../mail/site-origin';

/** A sign-in attempt that got past the limits: its counted checks, and the browser if known. */
export interface SignInAttempt {
  email: string;
  deviceId: string | null;
  checks: RateLimitCheck[];
}

/**
 * Counts a sign-in attempt before the password is checked, and decides in the
 * same step whether it may be checked at all (see `reserveRateLimits`):
 * - per client address (30 / 15 min), whatever the account;
 * - per address and account (5 / 15 min), or, from a browser this account
 *   signed in from before, per that browser (5 / 15 min);
 * - per account (10 / hour) for browsers the account never used, from any
 *   address: guesses spread over many addresses pause unknown browsers only.
 * Returns the wait in seconds, or the attempt to settle after the check.
 */
export async function beginSignInAttempt(
  req: AuthRequest,
  email: string,
): Promise<{ wait: number } | { wait: 0; attempt: SignInAttempt }> {
  const deviceId = await readKnownDevice(req.cookies, req.url, email);
  const address = rateLimitAddress(req.clientAddress);
  const checks: RateLimitCheck[] = [{ rule: rateLimitRules.signInFailuresPerIp, key: address }];
  if (deviceId) {
    checks.push({ rule: rateLimitRules.signInFailuresPerKnownDevice, key: deviceId });
  } else {
    checks.push(
      { rule: rateLimitRules.signInFailuresPerPair, key: `${address} ${email}` },
      { rule: rateLimitRules.signInFailuresPerAccount, key: email },
    );
  }
  const wait = await reserveRateLimits(req.db, checks);
  return wait > 0 ? { wait } : { wait: 0, attempt: { email, deviceId, checks } };
}

/**
 * The password was right: the attempt does not count as a failure, and this
 * browser becomes one the account is known to use. Needs the identity role.
 */
export async function settleSuccessfulSignIn(
  identityDb: Queryable,
  req: AuthRequest,
  attempt: SignInAttempt,
): Promise<void> {
  await releaseRateLimits(identityDb, attempt.checks);
  await rememberKnownDevice(req.cookies, req.url, attempt.email, attempt.deviceId);
}

/**
 * The password was wrong, for an account that exists: once the account's
 * limit for unknown browsers is reached, its owner gets one mail per window
 * saying so (their known browsers still work; a password reset ends the pause).
 */
export async function settleFailedSignIn(req: AuthRequest, attempt: SignInAttempt): Promise<void> {
  if (attempt.deviceId) return;
  const account = { rule: rateLimitRules.signInFailuresPerAccount, key: attempt.email };
  if ((await peekRateLimits(req.db, [account])) === 0) return;
  const first =
    (await reserveRateLimits(req.db, [
      { rule: rateLimitRules.signInOwnerNotice, key: attempt.email },
    ])) === 0;
  if (!first) return;
  const link = `${getSiteOrigin(req.url)}/forgot-password`;
  await queueMail(req.db, composeAuthMail(req.i18n.t, 'sign_in_failures', attempt.email, link));
}
