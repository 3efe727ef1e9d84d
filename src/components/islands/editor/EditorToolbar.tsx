import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import type { EditorLabels } from './editor-labels';
import { ImagePanel } from './ImagePanel';
import { LinkPanel } from './LinkPanel';
import { ToolbarButton } from './ToolbarButton';

interface EditorToolbarProps {
  editor: Editor;
  labels: EditorLabels;
  hubId: string;
  uploadUrl: string;
}

/** Formatting commands, plus the link and image panels (inline, no dialogs, no nested forms). */
export function EditorToolbar({ editor, labels, hubId, uploadUrl }: EditorToolbarProps) {
  const [panel, setPanel] = useState<'link' | 'image' | null>(null);
  const chain = () => editor.chain().focus();
  return (
    <div className="border-b border-line">
      <div role="toolbar" aria-label={labels.toolbar} className="flex flex-wrap gap-1 p-1">
        <ToolbarButton
          label={labels.bold}
          pressed={editor.isActive('bold')}
          onClick={() => chain().toggleBold().run()}
        >
          B
        </ToolbarButton>
        <ToolbarButton
          label={labels.italic}
          pressed={editor.isActive('italic')}
          onClick={() => chain().toggleItalic().run()}
        >
          <em>I</em>
        </ToolbarButton>
        <ToolbarButton
          label={labels.heading2}
          pressed={editor.isActive('heading', { level: 2 })}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToolbarButton>
        <ToolbarButton
          label={labels.heading3}
          pressed={editor.isActive('heading', { level: 3 })}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          H3
        </ToolbarButton>
        <ToolbarButton
          label={labels.bulletList}
          pressed={editor.isActive('bulletList')}
          onClick={() => chain().toggleBulletList().run()}
        >
          • —
        </ToolbarButton>
        <ToolbarButton
          label={labels.orderedList}
          pressed={editor.isActive('orderedList')}
          onClick={() => chain().toggleOrderedList().run()}
        >
          1.
        </ToolbarButton>
        <ToolbarButton
          label={labels.blockquote}
          pressed={editor.isActive('blockquote')}
          onClick={() => chain().toggleBlockquote().run()}
        >
          “ ”
        </ToolbarButton>
        <ToolbarButton
          label={labels.link}
          pressed={panel === 'link' || editor.isActive('link')}
          onClick={() => setPanel(panel === 'link' ? null : 'link')}
        >
          {labels.link}
        </ToolbarButton>
        <ToolbarButton
          label={labels.table}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          {labels.table}
        </ToolbarButton>
        <ToolbarButton
          label={labels.image}
          pressed={panel === 'image'}
          onClick={() => setPanel(panel === 'image' ? null : 'image')}
        >
          {labels.image}
        </ToolbarButton>
        <ToolbarButton
          label={labels.undo}
          disabled={!editor.can().undo()}
          onClick={() => chain().undo().run()}
        >
          ↶
        </ToolbarButton>
        <ToolbarButton
          label={labels.redo}
          disabled={!editor.can().redo()}
          onClick={() => chain().redo().run()}
        >
          ↷
        </ToolbarButton>
      </div>
      {panel === 'link' && (
        <LinkPanel editor={editor} labels={labels} onClose={() => setPanel(null)} />
      )}
      {panel === 'image' && (
        <ImagePanel
          editor={editor}
          labels={labels}
          hubId={hubId}
          uploadUrl={uploadUrl}
          onClose={() => setPanel(null)}
        />
      )}
    </div>
  );
}
