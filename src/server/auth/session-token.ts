import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { jwtClaimsSchema, type JwtClaims } from '../db/claims';

/** Issuer and audience of the built-in provider's tokens (Supabase uses audience "authenticated"). */
export const sessionTokenIssuer = 'u4ssc-hub-portal';
export const sessionTokenAudience = 'authenticated';

export interface SessionTokenInput {
  userId: string;
  email: string;
  sessionId: string;
  expiresAt: Date;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
}

/**
 * Signs the session token (HS256) with Supabase's claim shape, so the same
 * claims feed `request.jwt.claims` whichever provider signed the user in.
 */
export async function signSessionToken(
  input: SessionTokenInput,
  secret: Uint8Array,
): Promise<string> {
  return new SignJWT({
    email: input.email,
    role: 'authenticated',
    aal: 'aal1',
    session_id: input.sessionId,
    app_metadata: input.appMetadata,
    user_metadata: input.userMetadata,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId)
    .setIssuer(sessionTokenIssuer)
    .setAudience(sessionTokenAudience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(input.expiresAt.getTime() / 1000))
    .sign(secret);
}

/**
 * Verifies signature (HS256 only), issuer, audience and expiry, then the claim
 * shape. Returns null for any token that fails, never throws for bad input.
 */
export async function verifySessionToken(
  token: string,
  secret: Uint8Array,
): Promise<JwtClaims | null> {
  if (token.length > 8192) return null;
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: sessionTokenIssuer,
      audience: sessionTokenAudience,
      requiredClaims: ['sub', 'exp', 'session_id'],
    });
    const parsed = jwtClaimsSchema.safeParse(payload);
    return parsed.success && parsed.data.session_id ? parsed.data : null;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}
