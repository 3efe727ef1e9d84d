import type { Editor } from '@tiptap/react';
import { useId, useState, type KeyboardEvent } from 'react';
import { isSafeLinkHref } from '../../../lib/rich-text/safe-url';
import type { EditorLabels } from './editor-labels';

interface LinkPanelProps {
  editor: Editor;
  labels: EditorLabels;
  onClose: () => void;
}

/** Sets or removes the link on the selection; only http, https and mailto URLs are accepted. */
export function LinkPanel({ editor, labels, onClose }: LinkPanelProps) {
  const id = useId();
  const [href, setHref] = useState<string>(
    (editor.getAttributes('link').href as string | undefined) ?? 'https://',
  );
  const [error, setError] = useState(false);
  const apply = () => {
    if (!isSafeLinkHref(href.trim())) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      apply();
    }
  };
  return (
    <div className="space-y-2 border-t border-line p-3">
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
        type="url"
        className="field-input"
        value={href}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error}
        onChange={(event) => {
          setHref(event.target.value);
          setError(false);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="flex gap-2">
        <button type="button" className="button-primary" onClick={apply}>
          {labels.apply}
        </button>
        {editor.isActive('link') && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {labels.unlink}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={onClose}>
          {labels.cancel}
        </button>
      </div>
    </div>
  );
}
