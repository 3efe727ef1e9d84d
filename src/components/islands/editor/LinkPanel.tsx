import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { isSafeLinkHref } from '../../../lib/rich-text/safe-url';
import type { EditorLabels } from './editor-labels';

interface LinkPanelProps {
  id: string;
  editor: Editor;
  labels: EditorLabels;
  /** Closes the panel, handing the focus back to the Link button or to the text. */
  onClose: (returnTo: 'button' | 'text') => void;
}

/**
 * Sets or removes the link on the selection; only http, https and mailto URLs
 * are accepted. Opening it puts the focus in the address field; Apply and
 * Remove link return it to the text (the linked words still selected),
 * Cancel and Escape to the Link button.
 */
export function LinkPanel({ id, editor, labels, onClose }: LinkPanelProps) {
  const field = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState<string>(
    (editor.getAttributes('link').href as string | undefined) ?? 'https://',
  );
  const [error, setError] = useState(false);
  const inLink = editor.isActive('link');
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const withText = (change: () => void) => {
    editor.view.focus();
    change();
    onClose('text');
  };
  const apply = () => {
    if (!isSafeLinkHref(href.trim())) {
      setError(true);
      field.current?.focus();
      return;
    }
    withText(() => editor.chain().extendMarkRange('link').setLink({ href: href.trim() }).run());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose('button');
    }
  };
  return (
    <div id={id} className="space-y-2 border-t border-line p-3" onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-href`} className="field-label">
        {labels.linkUrl}
      </label>
      <span id={`${id}-hint`} className="field-hint">
        {labels.linkHint}
      </span>
      {error && (
        <span id={`${id}-error`} className="block font-semibold text-error-700">
          {labels.linkInvalid}
        </span>
      )}
      <input
        id={`${id}-href`}
        ref={field}
        type="url"
        className="field-input"
        value={href}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error}
        onChange={(event) => {
          setHref(event.target.value);
          setError(false);
        }}
      />
      <div className="flex flex-wrap gap-2">
        <button type="button" className="button-primary" onClick={apply}>
          {labels.apply}
        </button>
        {inLink && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => withText(() => editor.chain().extendMarkRange('link').unsetLink().run())}
          >
            {labels.unlink}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => onClose('button')}>
          {labels.cancel}
        </button>
      </div>
    </div>
  );
}
