import type { Editor } from '@tiptap/react';

/** What the toolbar shows about the selection: which toggles are on, and what can be undone. */
export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  heading2: boolean;
  heading3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Read on every transaction by `useEditorState` (selection moves, typing,
 * stored marks), so the toolbar re-renders when, and only when, one of these
 * changes. `isActive('bold')` also reads the stored marks: after pressing
 * Bold in an empty spot, the button shows pressed before anything is typed.
 */
export function readToolbarState(editor: Editor): ToolbarState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}
