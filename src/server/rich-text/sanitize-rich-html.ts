import sanitizeHtml from 'sanitize-html';
import { isPortalMediaSrc, isSafeLinkHref } from '../../lib/rich-text/safe-url';

/**
 * The allowlist every piece of rendered rich text passes through before it
 * reaches a page or a feed. It is the last line of defence: even if a stored
 * document or the renderer produced something unexpected, only these tags and
 * attributes survive, links keep only http/https/mailto, and images only the
 * portal's own media paths.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'strong',
    'em',
    's',
    'u',
    'br',
    'hr',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    img: ['src', 'alt', 'title', 'loading'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href && isSafeLinkHref(attribs.href) ? attribs.href : undefined;
      const safe: Record<string, string> = href
        ? { href, rel: 'noopener noreferrer nofollow' }
        : { rel: 'nofollow' };
      return { tagName, attribs: safe };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isPortalMediaSrc(frame.attribs.src),
};

/** Sanitises HTML produced from rich text; see the allowlist above. */
export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, options);
}
