import { getConfig } from '../config';

const localHostnames = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The origin for links sent by mail (sign-up confirmations, invitations,
 * notices). Never taken from a request's Host header on a public host (an
 * attacker could make a reset link point to their own site):
 * PUBLIC_SITE_URL, or, for local use only, the localhost origin.
 */
export function getSiteOrigin(requestUrl: URL): string {
  const { siteUrl, siteUrlConfigured } = getConfig().server;
  if (siteUrlConfigured) return new URL(siteUrl).origin;
  if (localHostnames.includes(requestUrl.hostname)) return requestUrl.origin;
  throw new Error(
    'PUBLIC_SITE_URL must be set for the portal to send links by mail from a public host.',
  );
}
