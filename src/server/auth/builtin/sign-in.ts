import { hashPassword, verifyPassword } from '../password';
import { getConfig } from '../../config';
import type { AuthRequest, SignInOutcome } from '../identity-provider';
import { setSessionCookie } from '../session-cookie';
import { getSessionSecret } from '../session-secret';
import { signSessionToken } from '../session-token';
import { hitRateLimits, peekRateLimits, rateLimitRules } from '../../http/rate-limit';

let dummyHash: Promise<string> | undefined;

/**
 * Signs in with email and password and opens a new session (a new session id
 * every time, so a token planted before sign-in is useless after it). Failed
 * attempts count against the client address and the account; unknown
 * addresses cost the same argon2 work as known ones, so timing reveals nothing.
 */
export async function signInBuiltin(
  req: AuthRequest,
  input: { email: string; password: string },
): Promise<SignInOutcome> {
  const checks = [
    { rule: rateLimitRules.signInFailuresPerIp, key: req.clientAddress },
    { rule: rateLimitRules.signInFailuresPerAccount, key: input.email },
  ];
  const wait = await peekRateLimits(req.db, checks);
  if (wait > 0) return { status: 'rate-limited', retryAfter: wait };

  const [account] = await req.db.query<{
    user_id: string;
    password_hash: string | null;
    email_confirmed: boolean;
    usable: boolean;
  }>('select * from private.sign_in_credentials($1)', [input.email]);

  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  const matches = await verifyPassword(account?.password_hash ?? (await dummyHash), input.password);
  if (!account || !account.password_hash || !matches) {
    const after = await hitRateLimits(req.db, checks);
    return after > 0 ? { status: 'rate-limited', retryAfter: after } : { status: 'invalid' };
  }
  if (!account.usable) return { status: 'disabled' };
  if (!account.email_confirmed) return { status: 'unconfirmed' };

  // Whoever was signed in on this browser before is signed out first.
  if (req.claims) await req.db.query('select private.end_session(null)');
  const config = getConfig().identity;
  const [session] = await req.db.query<{
    session_id: string;
    expires_at: Date | string;
    email: string;
    app_metadata: Record<string, unknown>;
    user_metadata: Record<string, unknown>;
  }>('select * from private.create_session($1, $2, $3, $4, $5)', [
    account.user_id,
    config.idleSeconds,
    config.absoluteSeconds,
    (req.request.headers.get('user-agent') ?? '').slice(0, 300),
    req.clientAddress,
  ]);
  if (!session) throw new Error('create_session returned no row');
  const expiresAt = new Date(session.expires_at);
  const token = await signSessionToken(
    {
      userId: account.user_id,
      email: session.email,
      sessionId: session.session_id,
      expiresAt,
      appMetadata: session.app_metadata ?? {},
      userMetadata: session.user_metadata ?? {},
    },
    getSessionSecret(),
  );
  setSessionCookie(req.cookies, req.url, token, expiresAt);
  return { status: 'signed-in', userId: account.user_id };
}
