import StarterKit from '@tiptap/starter-kit';

/**
 * The basic blocks and marks. Headings start at level 2 because the page
 * title is the page's only h1. The Link mark is configured in `link.ts`.
 */
export const starterKitExtension = StarterKit.configure({
  heading: { levels: [2, 3, 4] },
  link: false,
  codeBlock: { HTMLAttributes: { class: null } },
  // Editor conveniences; they have no effect when rendering.
  dropcursor: false,
  trailingNode: false,
});
