import type { Translator } from '../../lib/i18n';
import { getConfig } from '../config';
import type { NoticeWording } from '../mail/notices';
import { isLocalHost } from './session-cookie';

/**
 * The origin for links sent by mail. Never taken from a request's Host header
 * on a public host (an attacker could make a reset link point to their own
 * site): PUBLIC_SITE_URL, or, for local use only, the localhost origin.
 */
export function getSiteOrigin(requestUrl: URL): string {
  const { siteUrl, siteUrlConfigured } = getConfig().server;
  if (siteUrlConfigured) return new URL(siteUrl).origin;
  if (isLocalHost(requestUrl)) return requestUrl.origin;
  throw new Error(
    'PUBLIC_SITE_URL must be set for the portal to send links by mail from a public host.',
  );
}

/**
 * What notices need to be worded from an identity request: its translator
 * and the origin for links (`sendNotices` in src/server/mail/notices.ts).
 */
export function noticeWordingOf(req: { i18n: Translator; url: URL }): NoticeWording {
  return { i18n: req.i18n, origin: getSiteOrigin(req.url) };
}
