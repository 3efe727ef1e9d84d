import { TableKit } from '@tiptap/extension-table';

/** Simple data tables (header cells, row and column spans); resizing is an editor-only nicety left off. */
export const tableExtension = TableKit.configure({
  table: { resizable: false, HTMLAttributes: { class: null } },
});
