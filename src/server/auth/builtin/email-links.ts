import { createEmailToken, emailTokenTtlSeconds, hashEmailToken } from '../email-token';
import type { AuthRequest, ResetRequestOutcome, TokenOutcome } from '../identity-provider';
import { composeAuthMail } from '../compose-auth-mail';
import { queueMail } from '../../mail/outbox';
import { hashPassword } from '../password';
import { clearSessionCookie } from '../session-cookie';
import { getSiteOrigin } from '../../mail/site-origin';
import { noticeWordingOf, sendNotices } from '../../mail/notices';
import { hitRateLimits, rateLimitRules } from '../../http/rate-limit';

/** Spends a confirmation link (new account or new address; the old address is told by mail). */
export async function confirmEmailBuiltin(
  req: AuthRequest,
  input: { token: string; type: 'signup' | 'email_change' },
): Promise<TokenOutcome> {
  const [row] = await req.db.query<{ user_id: string | null }>(
    'select private.use_email_token($1, $2) as user_id',
    [hashEmailToken(input.token), input.type === 'signup' ? 'confirm_signup' : 'change_email'],
  );
  if (!row?.user_id) return { status: 'invalid-link' };
  await sendNotices(req.db, noticeWordingOf(req));
  // An address change ends every session, this browser's included: sign in again with the new address.
  if (input.type === 'email_change') clearSessionCookie(req.cookies, req.url);
  return { status: 'done' };
}

/**
 * Sends a reset link if the address has an account; says the same either way.
 * Limited per client address and per address asked for.
 */
export async function requestPasswordResetBuiltin(
  req: AuthRequest,
  input: { email: string },
): Promise<ResetRequestOutcome> {
  const wait = await hitRateLimits(req.db, [
    { rule: rateLimitRules.passwordResetPerIp, key: req.clientAddress },
    { rule: rateLimitRules.passwordResetPerAccount, key: input.email },
  ]);
  if (wait > 0) return { status: 'rate-limited', retryAfter: wait };
  const origin = getSiteOrigin(req.url);
  const token = createEmailToken();
  const [row] = await req.db.query<{ issued: boolean }>(
    'select private.request_password_reset($1, $2, $3) as issued',
    [input.email, token.hash, emailTokenTtlSeconds.reset_password],
  );
  if (row?.issued) {
    const link = `${origin}/reset-password?token=${encodeURIComponent(token.token)}`;
    await queueMail(req.db, composeAuthMail(req.i18n.t, 'reset_password', input.email, link));
  }
  return { status: 'check-mail' };
}

/** Whether a reset link can still be used, to show the form or explain why not. */
export async function isResetTokenValidBuiltin(req: AuthRequest, token: string): Promise<boolean> {
  const [row] = await req.db.query<{ valid: boolean }>(
    'select private.reset_token_is_valid($1) as valid',
    [hashEmailToken(token)],
  );
  return row?.valid === true;
}

/** Sets a new password from a reset link; every session of the account ends; the owner is told by mail. */
export async function resetPasswordBuiltin(
  req: AuthRequest,
  input: { token: string; password: string },
): Promise<TokenOutcome> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await req.db.query<{ user_id: string | null }>(
    'select private.reset_password($1, $2) as user_id',
    [hashEmailToken(input.token), passwordHash],
  );
  if (!row?.user_id) return { status: 'invalid-link' };
  await sendNotices(req.db, noticeWordingOf(req));
  clearSessionCookie(req.cookies, req.url);
  return { status: 'done' };
}
