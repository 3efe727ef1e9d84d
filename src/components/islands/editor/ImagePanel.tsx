import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EditorLabels } from './editor-labels';

interface ImagePanelProps {
  id: string;
  editor: Editor;
  labels: EditorLabels;
  hubId: string;
  uploadUrl: string;
  /** Closes the panel, handing the focus back to the Image button or to the text. */
  onClose: (returnTo: 'button' | 'text') => void;
}

/**
 * Uploads an image to the portal (which checks and re-encodes it) and inserts
 * it with the alt text the author writes; alt text is required. Opening it
 * puts the focus on the file field; inserting returns it to the text, Cancel
 * and Escape to the Image button.
 */
export function ImagePanel({ id, editor, labels, hubId, uploadUrl, onClose }: ImagePanelProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    fileRef.current?.focus();
  }, []);
  const [alt, setAlt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const insert = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(labels.imageFileRequired);
    if (!alt.trim()) return setError(labels.imageAltRequired);
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      body.append('hub', hubId);
      const response = await fetch(uploadUrl, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
      });
      const result = (await response.json()) as { url?: string; error?: string };
      if (!response.ok || !result.url) {
        setError(result.error ?? labels.uploadFailed);
        return;
      }
      editor.view.focus();
      editor.chain().setImage({ src: result.url, alt: alt.trim() }).run();
      onClose('text');
    } catch {
      setError(labels.uploadFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      id={id}
      className="space-y-2 border-t border-line p-3"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose('button');
        }
      }}
    >
      {error && (
        <p role="alert" className="font-semibold text-error-700">
          {error}
        </p>
      )}
      <label htmlFor={`${id}-file`} className="field-label">
        {labels.imageFile}
      </label>
      <input
        id={`${id}-file`}
        ref={fileRef}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
      />
      <label htmlFor={`${id}-alt`} className="field-label">
        {labels.imageAlt}
      </label>
      <span id={`${id}-alt-hint`} className="field-hint">
        {labels.imageAltHint}
      </span>
      <input
        id={`${id}-alt`}
        className="field-input"
        value={alt}
        maxLength={300}
        aria-describedby={`${id}-alt-hint`}
        onChange={(event) => setAlt(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void insert();
          }
        }}
      />
      <div className="flex gap-2">
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => void insert()}
        >
          {busy ? labels.uploading : labels.insertImage}
        </button>
        <button type="button" className="button-secondary" onClick={() => onClose('button')}>
          {labels.cancel}
        </button>
      </div>
    </div>
  );
}
