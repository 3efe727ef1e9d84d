import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { richTextExtensions } from '../../../lib/rich-text/extensions';
import type { EditorLabels } from './editor-labels';
import { EditorToolbar } from './EditorToolbar';

export interface RichTextEditorProps {
  /** Id of the hidden form field (rendered by the page) that carries the document as JSON. */
  inputId: string;
  /** The stored document, as JSON text. */
  initialJson: string;
  /** Id of the visible label element, for the editor's accessible name. */
  labelledBy: string;
  describedBy?: string;
  /** Hub the uploaded images belong to. */
  hubId: string;
  uploadUrl: string;
  labels: EditorLabels;
  invalid?: boolean;
}

/**
 * The rich-text editor island, loaded only on editing pages. It edits with
 * the same extension list the server renders with and writes the document
 * into the page's hidden field. The page renders that field itself, so
 * without JavaScript it keeps the stored document and saving other fields
 * loses nothing (the island is client-only: no server-side React).
 */
export default function RichTextEditor(props: RichTextEditorProps) {
  const editor = useEditor({
    extensions: richTextExtensions,
    content: safeParse(props.initialJson),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        'aria-labelledby': props.labelledBy,
        ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
        'aria-multiline': 'true',
        'aria-invalid': props.invalid ? 'true' : 'false',
        role: 'textbox',
        // A visible focus ring on the text itself, inside the frame (every other control has one).
        class:
          'prose max-w-none min-h-48 p-3 focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-primary-700',
      },
    },
    onUpdate: ({ editor: current }) => {
      const field = document.getElementById(props.inputId);
      if (field instanceof HTMLInputElement) field.value = JSON.stringify(current.getJSON());
    },
  });

  return (
    <div
      className="mt-1 rounded-md border border-gray-500 bg-white"
      data-editor-ready={editor ? 'true' : 'false'}
    >
      {editor && (
        <EditorToolbar
          editor={editor}
          labels={props.labels}
          hubId={props.hubId}
          uploadUrl={props.uploadUrl}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}

function safeParse(text: string): JSONContent {
  try {
    return JSON.parse(text) as JSONContent;
  } catch {
    return { type: 'doc', content: [] };
  }
}
