import { createHash, randomBytes } from 'node:crypto';

/** Lifetimes of the links sent by mail. */
export const emailTokenTtlSeconds = {
  confirm_signup: 48 * 3600,
  change_email: 24 * 3600,
  reset_password: 3600,
} as const;

/**
 * A one-time token for a mailed link: 32 random bytes (base64url) for the
 * link, and its SHA-256 for the database, so a leaked table cannot be replayed.
 */
export function createEmailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashEmailToken(token) };
}

/** The stored form of a token from a link. */
export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
