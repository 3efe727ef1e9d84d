import { hashPassword } from '../password';
import { createEmailToken, emailTokenTtlSeconds } from '../email-token';
import type { AuthRequest, SignUpOutcome } from '../identity-provider';
import { composeAuthMail } from '../compose-auth-mail';
import { queueMail } from '../../mail/outbox';
import { getSiteOrigin } from '../../mail/site-origin';
import { hitRateLimits, rateLimitRules } from '../../http/rate-limit';

/**
 * Registers an account that must confirm its address before signing in. The
 * answer is the same whether or not the address already has an account (no
 * account discovery): the owner of an existing address gets a mail saying so.
 */
export async function signUpBuiltin(
  req: AuthRequest,
  input: { email: string; password: string; displayName: string },
): Promise<SignUpOutcome> {
  const wait = await hitRateLimits(req.db, [
    { rule: rateLimitRules.signUpPerIp, key: req.clientAddress },
    { rule: rateLimitRules.signUpPerAccount, key: input.email },
  ]);
  if (wait > 0) return { status: 'rate-limited', retryAfter: wait };

  const origin = getSiteOrigin(req.url);
  const token = createEmailToken();
  const passwordHash = await hashPassword(input.password);
  const [row] = await req.db.query<{ result: 'created' | 'unconfirmed' | 'exists' }>(
    'select private.sign_up($1, $2, $3, $4, $5) as result',
    [input.email, passwordHash, input.displayName, token.hash, emailTokenTtlSeconds.confirm_signup],
  );
  const t = req.i18n.t;
  if (row?.result === 'exists') {
    await queueMail(
      req.db,
      composeAuthMail(t, 'already_registered', input.email, `${origin}/forgot-password`),
    );
  } else {
    const link = `${origin}/confirm?type=signup&token=${encodeURIComponent(token.token)}`;
    await queueMail(req.db, composeAuthMail(t, 'confirm_signup', input.email, link));
  }
  return { status: 'check-mail' };
}
