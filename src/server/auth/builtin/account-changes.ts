import { createEmailToken, emailTokenTtlSeconds } from '../email-token';
import type {
  AuthRequest,
  DeleteOutcome,
  EmailChangeOutcome,
  PasswordChangeOutcome,
} from '../identity-provider';
import { composeAuthMail } from '../compose-auth-mail';
import { queueMail } from '../../mail/outbox';
import { withIdentityRole } from '../identity-role';
import { hashPassword, verifyPassword } from '../password';
import { clearSessionCookie } from '../session-cookie';
import { deleteMyAccountRow } from '../delete-my-account';
import { getSiteOrigin } from '../../mail/site-origin';
import { noticeWordingOf, sendNotices } from '../../mail/notices';
import { hitRateLimits, rateLimitRules } from '../../http/rate-limit';

/** Re-checks the signed-in user's password before a sensitive change (the hash is read as the identity role). */
async function currentPasswordMatches(req: AuthRequest, password: string): Promise<boolean> {
  if (!req.claims) return false;
  const [row] = await withIdentityRole(req.db, (identityDb) =>
    identityDb.query<{ hash: string | null }>('select private.my_password_hash() as hash'),
  );
  return row?.hash ? verifyPassword(row.hash, password) : false;
}

/** Changes the password after checking the current one; other sessions end; the owner is told by mail. */
export async function changePasswordBuiltin(
  req: AuthRequest,
  input: { currentPassword: string; password: string },
): Promise<PasswordChangeOutcome> {
  if (!(await currentPasswordMatches(req, input.currentPassword)))
    return { status: 'wrong-password' };
  await req.db.query('select private.change_my_password($1)', [await hashPassword(input.password)]);
  await sendNotices(req.db, noticeWordingOf(req));
  return { status: 'done' };
}

/**
 * Starts an address change: a link goes to the new address, and the change
 * happens only when it is followed. A taken address gets the same answer.
 */
export async function requestEmailChangeBuiltin(
  req: AuthRequest,
  input: { currentPassword: string; email: string },
): Promise<EmailChangeOutcome> {
  if (!req.claims) return { status: 'wrong-password' };
  const wait = await hitRateLimits(req.db, [
    { rule: rateLimitRules.emailChangePerAccount, key: req.claims.sub },
  ]);
  if (wait > 0) return { status: 'rate-limited', retryAfter: wait };
  if (!(await currentPasswordMatches(req, input.currentPassword)))
    return { status: 'wrong-password' };
  const origin = getSiteOrigin(req.url);
  const token = createEmailToken();
  const [row] = await req.db.query<{ result: 'issued' | 'same' | 'taken' }>(
    'select private.request_email_change($1, $2, $3) as result',
    [input.email, token.hash, emailTokenTtlSeconds.change_email],
  );
  if (row?.result === 'same') return { status: 'same' };
  if (row?.result === 'issued') {
    const link = `${origin}/confirm?type=email_change&token=${encodeURIComponent(token.token)}`;
    await queueMail(req.db, composeAuthMail(req.i18n.t, 'change_email', input.email, link));
  }
  return { status: 'check-mail' };
}

/**
 * Deletes the account after checking the password; the profile, roles and
 * event registrations go with it (whoever moves up from a waiting list is
 * told by mail).
 */
export async function deleteAccountBuiltin(
  req: AuthRequest,
  input: { currentPassword: string },
): Promise<DeleteOutcome> {
  if (!(await currentPasswordMatches(req, input.currentPassword)))
    return { status: 'wrong-password' };
  if ((await deleteMyAccountRow(req.db)) === 'sole-admin') return { status: 'sole-admin' };
  await sendNotices(req.db, noticeWordingOf(req));
  clearSessionCookie(req.cookies, req.url);
  return { status: 'deleted' };
}
