/**
 * URL rules shared by the editor, the save-time validator and the server
 * renderer, so that all three agree on what a safe link or image is.
 */

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

/** The only image sources allowed in rich text: files served by the portal's own `/media` route. */
export const portalMediaPathPattern =
  /^\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:jpg|png|webp|gif)$/;

/**
 * True for an absolute http, https or mailto URL written plainly. Anything
 * with control characters, whitespace or entity-like escapes is refused
 * before parsing, so `java\tscript:` or `&#106;avascript:` cannot slip past
 * a browser's more forgiving parser.
 */
export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2000) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\\<>"'`]/.test(href)) return false;
  if (/&#|&[a-z]+;/i.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (!linkProtocols.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return /^mailto:[^/]/i.test(href);
  return Boolean(url.hostname) && /^https?:\/\/[^/]/i.test(href);
}

/** True for a portal media path such as `/media/<uuid>.webp` (nothing else may be an image source). */
export function isPortalMediaSrc(src: unknown): src is string {
  return typeof src === 'string' && portalMediaPathPattern.test(src);
}
