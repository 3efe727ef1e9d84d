import Image from '@tiptap/extension-image';
import { isPortalMediaSrc } from '../safe-url';

/**
 * Block images from the portal's own storage only, with alt text. An image
 * whose source is anything else renders as nothing.
 */
export const imageExtension = Image.configure({
  inline: false,
  allowBase64: false,
}).extend({
  renderHTML({ HTMLAttributes }) {
    if (!isPortalMediaSrc(HTMLAttributes.src)) return ['span', { hidden: 'hidden' }];
    return [
      'img',
      {
        src: HTMLAttributes.src,
        alt: typeof HTMLAttributes.alt === 'string' ? HTMLAttributes.alt : '',
        title: typeof HTMLAttributes.title === 'string' ? HTMLAttributes.title : null,
        loading: 'lazy',
      },
    ];
  },
});
