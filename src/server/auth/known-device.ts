import { createHmac, randomUUID } from 'node:crypto';
import type { AstroCookies } from 'astro';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { getSessionSecret } from './session-secret';
import { cookieOptions, portalCookieName } from './session-cookie';

/**
 * "Device cookies" (OWASP's defence against online password guessing): after
 * a successful sign-in the browser keeps a signed cookie naming the account
 * (by a keyed hash of its address, never the address itself). Failed
 * attempts from that browser are limited on their own counter, so guesses
 * from elsewhere, however many, can pause sign-ins from unknown browsers but
 * never lock the owner out of a browser they have used before.
 */
const issuer = 'u4ssc-hub-portal';
const audience = 'known-device';
const lifetimeSeconds = 365 * 86_400;
const cookieBase = 'portal_device';

const payloadSchema = z.object({ sub: z.string().min(1), jti: z.uuid() });

function secretOrNull(): Uint8Array | null {
  try {
    return getSessionSecret();
  } catch {
    // The Supabase provider may run without SESSION_SECRET: every browser is then unknown.
    return null;
  }
}

function accountTag(secret: Uint8Array, email: string): string {
  return createHmac('sha256', secret)
    .update(`known-device:${email.trim().toLowerCase()}`)
    .digest('base64url');
}

/**
 * The id of this browser when it signed in to the account with this address
 * before (its cookie is valid and names the account), else null.
 */
export async function readKnownDevice(
  cookies: AstroCookies,
  url: URL,
  email: string,
): Promise<string | null> {
  const token = cookies.get(portalCookieName(url, cookieBase))?.value;
  const secret = secretOrNull();
  if (!token || token.length > 1000 || !secret) return null;
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer,
      audience,
    });
    const parsed = payloadSchema.safeParse(payload);
    return parsed.success && parsed.data.sub === accountTag(secret, email) ? parsed.data.jti : null;
  } catch {
    return null;
  }
}

/** Marks this browser as one the account signed in from (keeping its id when it had one). */
export async function rememberKnownDevice(
  cookies: AstroCookies,
  url: URL,
  email: string,
  deviceId: string | null,
): Promise<void> {
  const secret = secretOrNull();
  if (!secret) return;
  const expires = new Date(Date.now() + lifetimeSeconds * 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(accountTag(secret, email))
    .setJti(deviceId ?? randomUUID())
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expires.getTime() / 1000))
    .sign(secret);
  cookies.set(portalCookieName(url, cookieBase), token, cookieOptions(url, expires));
}
