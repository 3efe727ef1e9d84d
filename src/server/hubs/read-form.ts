import { uploadLimits } from '../storage/inspect-image';

export interface SubmittedFile {
  bytes: Uint8Array;
  name: string;
}

export type ReadFormResult =
  | { ok: true; fields: Record<string, string>; files: Record<string, SubmittedFile> }
  | { ok: false; reason: 'too-large' };

/** Largest request body accepted: one upload at the limit plus the form's text. */
export const maxFormBytes = uploadLimits.maxBytes + 2 * 1024 * 1024;

/**
 * Reads a submitted form (urlencoded or multipart). A body announced larger
 * than the limit is refused before it is read; empty file inputs are ignored.
 */
export async function readForm(request: Request): Promise<ReadFormResult> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxFormBytes) return { ok: false, reason: 'too-large' };
  const form = await request.formData();
  const fields: Record<string, string> = {};
  const files: Record<string, SubmittedFile> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (value.size > 0) {
      if (value.size > maxFormBytes) return { ok: false, reason: 'too-large' };
      files[key] = { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
    }
  }
  return { ok: true, fields, files };
}
