import type { ChainedCommands } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EditorLabels } from './editor-labels';
import { ImagePanel } from './ImagePanel';
import { LinkPanel } from './LinkPanel';
import { nextToolbarIndex } from './toolbar-keys';
import { readToolbarState, type ToolbarState } from './toolbar-state';
import { ToolbarButton } from './ToolbarButton';

interface EditorToolbarProps {
  editor: Editor;
  labels: EditorLabels;
  hubId: string;
  uploadUrl: string;
}

type Panel = 'link' | 'image';

interface Item {
  key: string;
  label: ReactNode;
  activate: () => void;
  pressed?: boolean;
  panel?: Panel;
  unavailable?: boolean;
  className?: string;
}

/**
 * The formatting toolbar (WAI-ARIA APG toolbar pattern) and its link and
 * image panels (inline, no dialogs, no nested forms).
 *
 * - State: `useEditorState` re-renders the toolbar on every transaction that
 *   changes what it shows, so Bold shows pressed inside bold text (and after
 *   pressing it in an empty spot), Undo is available after typing.
 * - Keyboard: one Tab stop (roving tabindex), Left/Right/Home/End move
 *   between buttons. A formatting command returns the focus to the text at
 *   once (`view.focus()`, synchronous, not Tiptap's `focus()` an animation
 *   frame later): keys typed just after pressing Bold go into the text, not
 *   to the button, where a Space used to press Bold again ("boldand").
 * - Panels: opening one moves the focus to its first field; Cancel or Escape
 *   returns it to the button that opened it, applying returns it to the text.
 */
export function EditorToolbar({ editor, labels, hubId, uploadUrl }: EditorToolbarProps) {
  const state: ToolbarState = useEditorState({
    editor,
    selector: ({ editor: current }) => readToolbarState(current),
  });
  const [panel, setPanel] = useState<Panel | null>(null);
  const [currentIndex, setCurrentIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const panelId = useId();

  /** Runs a command on the text with the focus in the text (no frame in which keys go elsewhere). */
  const run = (command: (chain: ChainedCommands) => ChainedCommands) => {
    if (!editor.view.hasFocus()) editor.view.focus();
    command(editor.chain()).run();
  };
  const togglePanel = (which: Panel) => setPanel(panel === which ? null : which);

  const items: Item[] = [
    {
      key: 'bold',
      label: <strong>{labels.bold}</strong>,
      pressed: state.bold,
      activate: () => run((chain) => chain.toggleBold()),
    },
    {
      key: 'italic',
      label: <em>{labels.italic}</em>,
      pressed: state.italic,
      activate: () => run((chain) => chain.toggleItalic()),
    },
    {
      key: 'heading2',
      label: labels.heading2,
      pressed: state.heading2,
      activate: () => run((chain) => chain.toggleHeading({ level: 2 })),
    },
    {
      key: 'heading3',
      label: labels.heading3,
      pressed: state.heading3,
      activate: () => run((chain) => chain.toggleHeading({ level: 3 })),
    },
    {
      key: 'bulletList',
      label: labels.bulletList,
      pressed: state.bulletList,
      activate: () => run((chain) => chain.toggleBulletList()),
    },
    {
      key: 'orderedList',
      label: labels.orderedList,
      pressed: state.orderedList,
      activate: () => run((chain) => chain.toggleOrderedList()),
    },
    {
      key: 'blockquote',
      label: labels.blockquote,
      pressed: state.blockquote,
      activate: () => run((chain) => chain.toggleBlockquote()),
    },
    {
      key: 'link',
      label: labels.link,
      panel: 'link',
      activate: () => togglePanel('link'),
      className: state.link ? 'underline' : undefined,
    },
    {
      key: 'table',
      label: labels.table,
      activate: () => run((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
    },
    {
      key: 'image',
      label: labels.image,
      panel: 'image',
      activate: () => togglePanel('image'),
    },
    {
      key: 'undo',
      label: labels.undo,
      unavailable: !state.canUndo,
      activate: () => run((chain) => chain.undo()),
    },
    {
      key: 'redo',
      label: labels.redo,
      unavailable: !state.canRedo,
      activate: () => run((chain) => chain.redo()),
    },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = nextToolbarIndex(event.key, currentIndex, items.length);
    if (next === null) return;
    event.preventDefault();
    setCurrentIndex(next);
    buttons.current[next]?.focus();
  };
  const closePanel = (returnTo: 'button' | 'text') => {
    const opener = items.findIndex((item) => item.panel === panel);
    setPanel(null);
    if (returnTo === 'button') buttons.current[opener]?.focus();
    else editor.view.focus();
  };

  return (
    <div className="border-b border-line">
      <div role="toolbar" aria-label={labels.toolbar} className="flex flex-wrap gap-1 p-1">
        {items.map((item, index) => (
          <ToolbarButton
            key={item.key}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            current={index === currentIndex}
            onFocus={() => setCurrentIndex(index)}
            onKeyDown={onKeyDown}
            onActivate={item.activate}
            pressed={item.pressed}
            expanded={item.panel ? panel === item.panel : undefined}
            controls={item.panel ? `${panelId}-${item.panel}` : undefined}
            unavailable={item.unavailable}
            className={item.className}
          >
            {item.label}
          </ToolbarButton>
        ))}
      </div>
      {panel === 'link' && (
        <LinkPanel id={`${panelId}-link`} editor={editor} labels={labels} onClose={closePanel} />
      )}
      {panel === 'image' && (
        <ImagePanel
          id={`${panelId}-image`}
          editor={editor}
          labels={labels}
          hubId={hubId}
          uploadUrl={uploadUrl}
          onClose={closePanel}
        />
      )}
    </div>
  );
}
