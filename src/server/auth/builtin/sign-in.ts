import { hashPassword, verifyPassword } from '../password';
import { getConfig } from '../../config';
import type { AuthRequest, SignInOutcome } from '../identity-provider';
import { withIdentityRole } from '../identity-role';
import { setSessionCookie } from '../session-cookie';
import { getSessionSecret } from '../session-secret';
import { signSessionToken } from '../session-token';
import { beginSignInAttempt, settleFailedSignIn, settleSuccessfulSignIn } from '../sign-in-limits';

let dummyHash: Promise<string> | undefined;

interface Credentials {
  user_id: string;
  password_hash: string | null;
  email_confirmed: boolean;
  usable: boolean;
}

interface OpenedSession {
  session_id: string;
  expires_at: Date | string;
  email: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
}

/**
 * Signs in with email and password and opens a new session (a new session id
 * every time, so a token planted before sign-in is useless after it).
 *
 * The attempt is counted, and refused when over a limit, before the password
 * is checked, in one step (`beginSignInAttempt`), so parallel guesses cannot
 * slip past the limit; a right password gives its count back. Unknown
 * addresses cost the same argon2 work as known ones, so timing reveals
 * nothing. The hash is read and the session opened as the identity role.
 */
export async function signInBuiltin(
  req: AuthRequest,
  input: { email: string; password: string },
): Promise<SignInOutcome> {
  const begun = await beginSignInAttempt(req, input.email);
  if (!('attempt' in begun)) return { status: 'rate-limited', retryAfter: begun.wait };
  const { attempt } = begun;

  const account = await withIdentityRole(req.db, async (identityDb) => {
    const [row] = await identityDb.query<Credentials>(
      'select * from private.sign_in_credentials($1)',
      [input.email],
    );
    return row;
  });
  dummyHash ??= hashPassword('timing-equaliser-not-a-password');
  const matches = await verifyPassword(account?.password_hash ?? (await dummyHash), input.password);
  if (!account || !account.password_hash || !matches) {
    if (account) await settleFailedSignIn(req, attempt);
    return { status: 'invalid' };
  }

  if (!account.usable || !account.email_confirmed) {
    await withIdentityRole(req.db, (identityDb) =>
      settleSuccessfulSignIn(identityDb, req, attempt),
    );
    return { status: account.usable ? 'unconfirmed' : 'disabled' };
  }

  // Whoever was signed in on this browser before is signed out first.
  if (req.claims) await req.db.query('select private.end_session(null)');
  const config = getConfig().identity;
  const session = await withIdentityRole(req.db, async (identityDb) => {
    await settleSuccessfulSignIn(identityDb, req, attempt);
    const [row] = await identityDb.query<OpenedSession>(
      'select * from private.create_session($1, $2, $3, $4, $5)',
      [
        account.user_id,
        config.idleSeconds,
        config.absoluteSeconds,
        (req.request.headers.get('user-agent') ?? '').slice(0, 300),
        req.clientAddress,
      ],
    );
    return row;
  });
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
