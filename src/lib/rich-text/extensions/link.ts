import Link from '@tiptap/extension-link';
import { isSafeLinkHref } from '../safe-url';

/**
 * Links: only http, https and mailto, checked both when the editor accepts a
 * URL and when a link is rendered, so an unsafe href never reaches HTML even
 * if stored JSON was posted by hand.
 */
export const linkExtension = Link.configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  protocols: ['mailto'],
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
  isAllowedUri: (url) => isSafeLinkHref(url),
  shouldAutoLink: (url) => isSafeLinkHref(url),
}).extend({
  renderHTML({ HTMLAttributes }) {
    const href = isSafeLinkHref(HTMLAttributes.href) ? HTMLAttributes.href : null;
    return ['a', { href, rel: 'noopener noreferrer nofollow' }, 0];
  },
});
