import type { AuthError } from '@supabase/supabase-js';
import type {
  AccountSummary,
  AuthRequest,
  IdentityProvider,
  SignInOutcome,
} from '../identity-provider';
import { getSiteOrigin } from '../../mail/site-origin';
import { noticeWordingOf, sendNotices } from '../../mail/notices';
import { hitRateLimits, rateLimitRules } from '../../http/rate-limit';
import { withIdentityRole } from '../identity-role';
import { deleteMyAccountRow } from '../delete-my-account';
import { beginSignInAttempt, settleSuccessfulSignIn } from '../sign-in-limits';
import { createStatelessSupabase, createSupabaseForRequest } from './supabase-client';

const client = (req: AuthRequest) => createSupabaseForRequest(req.cookies, req.request, req.url);

function code(error: AuthError | null): string | undefined {
  return error ? (error.code ?? error.message) : undefined;
}

/** Checks the signed-in user's password with a client that stores nothing. */
async function passwordMatches(req: AuthRequest, password: string): Promise<boolean> {
  if (!req.claims?.email) return false;
  const probe = createStatelessSupabase();
  const { data, error } = await probe.auth.signInWithPassword({
    email: req.claims.email,
    password,
  });
  if (error || data.user?.id !== req.claims.sub) return false;
  await probe.auth.signOut({ scope: 'local' });
  return true;
}

/**
 * Supabase Auth as the identity provider (SUPABASE_URL and SUPABASE_ANON_KEY
 * set). Supabase keeps the accounts, sends the mail and issues the tokens;
 * the portal applies the same rate limits and password policy first, and the
 * middleware verifies every request with `getUser()` before trusting a claim.
 */
export const supabaseProvider: IdentityProvider = {
  kind: 'supabase',
  managesSessions: false,

  async signUp(req, input) {
    const wait = await hitRateLimits(req.db, [
      { rule: rateLimitRules.signUpPerIp, key: req.clientAddress },
      { rule: rateLimitRules.signUpPerAccount, key: input.email },
    ]);
    if (wait > 0) return { status: 'rate-limited', retryAfter: wait };
    const { error } = await client(req).auth.signUp({
      email: input.email,
      password: input.password,
      options: {
        data: { display_name: input.displayName },
        emailRedirectTo: `${getSiteOrigin(req.url)}/confirm`,
      },
    });
    // An existing address gets the same answer: no account discovery.
    if (error && code(error) !== 'user_already_exists' && code(error) !== 'email_exists')
      throw error;
    return { status: 'check-mail' };
  },

  async signIn(req, input): Promise<SignInOutcome> {
    // Counted and decided before Supabase checks the password (see beginSignInAttempt).
    const begun = await beginSignInAttempt(req, input.email);
    if (!('attempt' in begun)) return { status: 'rate-limited', retryAfter: begun.wait };
    const { data, error } = await client(req).auth.signInWithPassword(input);
    const reason = code(error);
    const passwordWasRight =
      (!error && data.user) || reason === 'email_not_confirmed' || reason === 'user_banned';
    if (passwordWasRight) {
      await withIdentityRole(req.db, (identityDb) =>
        settleSuccessfulSignIn(identityDb, req, begun.attempt),
      );
    }
    if (!error && data.user) return { status: 'signed-in', userId: data.user.id };
    if (reason === 'email_not_confirmed') return { status: 'unconfirmed' };
    if (reason === 'user_banned') return { status: 'disabled' };
    if (reason !== 'invalid_credentials' && error?.status !== 400) throw error;
    return { status: 'invalid' };
  },

  async signOut(req) {
    await client(req).auth.signOut({ scope: 'local' });
  },

  async confirmEmail(req, input) {
    const { error } = await client(req).auth.verifyOtp({
      token_hash: input.token,
      type: input.type,
    });
    return error ? { status: 'invalid-link' } : { status: 'done' };
  },

  async requestPasswordReset(req, input) {
    const wait = await hitRateLimits(req.db, [
      { rule: rateLimitRules.passwordResetPerIp, key: req.clientAddress },
      { rule: rateLimitRules.passwordResetPerAccount, key: input.email },
    ]);
    if (wait > 0) return { status: 'rate-limited', retryAfter: wait };
    const { error } = await client(req).auth.resetPasswordForEmail(input.email, {
      redirectTo: `${getSiteOrigin(req.url)}/reset-password`,
    });
    if (error && error.status !== 429) throw error;
    return { status: 'check-mail' };
  },

  async isResetTokenValid() {
    // Supabase can only tell by spending the token: the form is shown and the
    // submission reports an expired link.
    return true;
  },

  async resetPassword(req, input) {
    const supabase = client(req);
    const { error } = await supabase.auth.verifyOtp({ token_hash: input.token, type: 'recovery' });
    if (error) return { status: 'invalid-link' };
    const update = await supabase.auth.updateUser({ password: input.password });
    if (update.error) throw update.error;
    await supabase.auth.signOut({ scope: 'global' });
    return { status: 'done' };
  },

  async changePassword(req, input) {
    if (!(await passwordMatches(req, input.currentPassword))) return { status: 'wrong-password' };
    const { error } = await client(req).auth.updateUser({ password: input.password });
    if (error) throw error;
    await client(req).auth.signOut({ scope: 'others' });
    return { status: 'done' };
  },

  async requestEmailChange(req, input) {
    if (!req.claims) return { status: 'wrong-password' };
    const wait = await hitRateLimits(req.db, [
      { rule: rateLimitRules.emailChangePerAccount, key: req.claims.sub },
    ]);
    if (wait > 0) return { status: 'rate-limited', retryAfter: wait };
    if (!(await passwordMatches(req, input.currentPassword))) return { status: 'wrong-password' };
    if (input.email.toLowerCase() === req.claims.email?.toLowerCase()) return { status: 'same' };
    const { error } = await client(req).auth.updateUser(
      { email: input.email },
      { emailRedirectTo: `${getSiteOrigin(req.url)}/confirm` },
    );
    if (error && code(error) !== 'email_exists') throw error;
    return { status: 'check-mail' };
  },

  async deleteAccount(req, input) {
    if (!(await passwordMatches(req, input.currentPassword))) return { status: 'wrong-password' };
    if ((await deleteMyAccountRow(req.db)) === 'sole-admin') return { status: 'sole-admin' };
    // Whoever moves up from a waiting list the account leaves is told by mail.
    await sendNotices(req.db, noticeWordingOf(req));
    await client(req).auth.signOut({ scope: 'local' });
    return { status: 'deleted' };
  },

  async getAccount(req): Promise<AccountSummary | null> {
    if (!req.claims) return null;
    const { data } = await client(req).auth.getUser();
    if (!data.user) return null;
    return {
      id: data.user.id,
      email: data.user.email ?? req.claims.email ?? '',
      pendingEmail: data.user.new_email ?? null,
      createdAt: new Date(data.user.created_at),
    };
  },

  async listSessions() {
    return [];
  },

  async endSession() {
    // Supabase lists no sessions to the portal; "sign out everywhere else" covers it.
  },

  async endOtherSessions(req) {
    await client(req).auth.signOut({ scope: 'others' });
    return 0;
  },
};
