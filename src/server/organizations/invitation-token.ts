import { createHash, randomBytes } from 'node:crypto';

/**
 * An invitation link's secret: 32 random bytes (base64url) for the link,
 * its SHA-256 (hex) for the database, which never stores the token itself,
 * so a copy of the table cannot be turned into working links.
 */
export function createInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}

/** The stored form of a token read from a link. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
