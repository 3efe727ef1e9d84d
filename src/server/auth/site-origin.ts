import { getAuthConfig } from './auth-config';
import { isLocalHost } from './session-cookie';

/**
 * The origin for links sent by mail. Never taken from a request's Host header
 * on a public host (an attacker could make a reset link point to their own
 * site): PUBLIC_SITE_URL, or, for local use only, the localhost origin.
 */
export function getSiteOrigin(requestUrl: URL): string {
  const configured = getAuthConfig().siteUrl;
  if (configured) return new URL(configured).origin;
  if (isLocalHost(requestUrl)) return requestUrl.origin;
  throw new Error(
    'PUBLIC_SITE_URL must be set for the portal to send links by mail from a public host.',
  );
}
