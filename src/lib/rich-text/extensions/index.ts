import type { Extensions } from '@tiptap/core';
import { imageExtension } from './image';
import { linkExtension } from './link';
import { starterKitExtension } from './starter-kit';
import { tableExtension } from './table';

/**
 * The one extension list for rich text: the editor island edits with it and
 * the server renders stored JSON with it, so what an editor sees is what
 * readers get. It must stay free of server-only imports.
 */
export const richTextExtensions: Extensions = [
  starterKitExtension,
  linkExtension,
  tableExtension,
  imageExtension,
];
