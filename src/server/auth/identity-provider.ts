import type { AstroCookies } from 'astro';
import type { Translator } from '../../lib/i18n';
import type { JwtClaims } from '../db/claims';
import type { Queryable } from '../db/types';

/** What a use case needs from the request: the request's database, cookies and who is asking. */
export interface AuthRequest {
  db: Queryable;
  cookies: AstroCookies;
  url: URL;
  request: Request;
  clientAddress: string;
  claims: JwtClaims | null;
  i18n: Translator;
}

export type RateLimited = { status: 'rate-limited'; retryAfter: number };

export type SignInOutcome =
  | { status: 'signed-in'; userId: string }
  | { status: 'invalid' }
  | { status: 'unconfirmed' }
  | { status: 'disabled' }
  | RateLimited;

export type SignUpOutcome = { status: 'check-mail' } | RateLimited;
export type ResetRequestOutcome = { status: 'check-mail' } | RateLimited;
export type TokenOutcome = { status: 'done' } | { status: 'invalid-link' };
export type PasswordChangeOutcome = { status: 'done' } | { status: 'wrong-password' };
export type EmailChangeOutcome =
  { status: 'check-mail' } | { status: 'same' } | { status: 'wrong-password' } | RateLimited;
export type DeleteOutcome =
  | { status: 'deleted' }
  | { status: 'wrong-password' }
  /** The last admin of an organization that others still belong to (they must hand it on first). */
  | { status: 'sole-admin' };

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ipAddress: string | null;
  isCurrent: boolean;
}

export interface AccountSummary {
  id: string;
  email: string;
  pendingEmail: string | null;
  createdAt: Date;
}

/**
 * The operations the pages need from an identity provider. The built-in
 * provider (default) keeps everything in Postgres; the Supabase provider
 * delegates to Supabase Auth. Both end with the same verified JwtClaims.
 */
export interface IdentityProvider {
  readonly kind: 'builtin' | 'supabase';
  /** Whether this provider lists and ends individual sessions on the account page. */
  readonly managesSessions: boolean;
  signUp(
    req: AuthRequest,
    input: { email: string; password: string; displayName: string },
  ): Promise<SignUpOutcome>;
  signIn(req: AuthRequest, input: { email: string; password: string }): Promise<SignInOutcome>;
  signOut(req: AuthRequest): Promise<void>;
  confirmEmail(
    req: AuthRequest,
    input: { token: string; type: 'signup' | 'email_change' },
  ): Promise<TokenOutcome>;
  requestPasswordReset(req: AuthRequest, input: { email: string }): Promise<ResetRequestOutcome>;
  resetPassword(
    req: AuthRequest,
    input: { token: string; password: string },
  ): Promise<TokenOutcome>;
  isResetTokenValid(req: AuthRequest, token: string): Promise<boolean>;
  changePassword(
    req: AuthRequest,
    input: { currentPassword: string; password: string },
  ): Promise<PasswordChangeOutcome>;
  requestEmailChange(
    req: AuthRequest,
    input: { currentPassword: string; email: string },
  ): Promise<EmailChangeOutcome>;
  deleteAccount(req: AuthRequest, input: { currentPassword: string }): Promise<DeleteOutcome>;
  getAccount(req: AuthRequest): Promise<AccountSummary | null>;
  listSessions(req: AuthRequest): Promise<SessionSummary[]>;
  endSession(req: AuthRequest, sessionId: string): Promise<void>;
  endOtherSessions(req: AuthRequest): Promise<number>;
}
