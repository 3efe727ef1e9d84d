import { z } from 'zod';
import { fieldErrorsFrom, wholeForm, type FieldError } from './form-errors';
import { bodyLimits, formatByteLimit } from './limits';
import { BodyTooLargeError, readBodyBytes } from './read-body';

/** A file sent with a form, read into memory (within the route's body limit). */
export interface FormFile {
  /** The name the browser gave, without control characters; never trusted as a path. */
  name: string;
  /** The type the browser declared; never trusted (uploads are checked by content). */
  type: string;
  bytes: Uint8Array;
}

/** What a submitted form carries besides its validated data. */
export interface SubmittedForm {
  /** The first value of each text field, secrets removed: what the form shows again. */
  values: Record<string, string>;
  /** Every value of each text field (checkbox groups), secrets removed. */
  lists: Record<string, string[]>;
  /** The first non-empty file of each file field. */
  files: Record<string, FormFile>;
}

/**
 * The outcome of reading a form. A refusal carries the status the route
 * answers with: 400 (the body is not a readable form), 413 (larger than the
 * route's limit) or 422 (fields that do not pass the schema, NUL bytes).
 */
export type FormSubmission<T> =
  | ({ ok: true; data: T } & SubmittedForm)
  | ({ ok: false; status: 400 | 413 | 422; errors: FieldError[] } & SubmittedForm);

/** Proof that the route's permission was checked (`requirePermission` returns it). */
export interface BodyAccess {
  readonly request: Request;
}

export interface ReadFormOptions {
  /** Largest body accepted, in bytes (default `bodyLimits.text`). */
  limit?: number;
  /** Fields never echoed back (passwords): left out of `values` and `lists`. */
  secrets?: readonly string[];
  /** The message for a field whose problem zod describes in its own words. */
  fallbacks?: Readonly<Record<string, FieldError['message']>>;
  /** The error shown when the body is over the limit (default: one for the whole form). */
  tooLarge?: FieldError;
}

/**
 * The schema of a form whose fields a use case validates itself (the news
 * and event editors, which report every problem together): each field one
 * text value, nothing else.
 */
export const plainFieldsSchema = z.record(z.string(), z.string());

const urlencoded = 'application/x-www-form-urlencoded';
const multipart = 'multipart/form-data';

/**
 * Reads a submitted form (urlencoded or multipart) through the byte-counting
 * reader and validates its text fields with `schema`, whose messages are
 * i18n keys. One value of a field arrives as a string, several as an array.
 * A NUL byte in any field is refused (PostgreSQL cannot store it).
 *
 * Takes the route's access (from `requirePermission`) so that no body is
 * read before the route has said who may send it.
 */
export async function readForm<S extends z.ZodType>(
  access: BodyAccess,
  schema: S,
  options: ReadFormOptions = {},
): Promise<FormSubmission<z.output<S>>> {
  const limit = options.limit ?? bodyLimits.text;
  const received = await receive(access.request, limit);
  if (!received.ok) {
    const errors =
      received.status === 413
        ? [
            options.tooLarge ?? {
              field: wholeForm,
              message: 'form.error.tooLarge' as const,
              params: { size: formatByteLimit(limit) },
            },
          ]
        : [{ field: wholeForm, message: 'form.error.unreadable' as const }];
    return { ok: false, status: received.status, errors, values: {}, lists: {}, files: {} };
  }
  const { fields, files, nulFields } = received;
  const secret = new Set(options.secrets ?? []);
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (secret.has(name)) continue;
    const all = (Array.isArray(value) ? value : [value]).map((v) => v.replaceAll('\u0000', ''));
    values[name] = all[0] ?? '';
    lists[name] = all;
  }
  const submitted = { values, lists, files };
  const parsed = schema.safeParse(fields);
  if (parsed.success && nulFields.size === 0) return { ok: true, data: parsed.data, ...submitted };
  const errors = parsed.success ? [] : fieldErrorsFrom(parsed.error, options.fallbacks);
  for (const error of errors) if (nulFields.has(error.field)) error.message = 'form.error.nul';
  for (const field of nulFields) {
    if (!errors.some((error) => error.field === field))
      errors.push({ field, message: 'form.error.nul' });
  }
  return { ok: false, status: 422, errors, ...submitted };
}

type Received =
  | {
      ok: true;
      fields: Record<string, string | string[]>;
      files: Record<string, FormFile>;
      nulFields: Set<string>;
    }
  | { ok: false; status: 400 | 413 };

async function receive(request: Request, limit: number): Promise<Received> {
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if ((mediaType !== urlencoded && mediaType !== multipart) || encoding !== 'identity') {
    return { ok: false, status: 400 };
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyBytes(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, status: 413 };
    throw error;
  }
  let entries: Iterable<[string, FormDataEntryValue]>;
  try {
    entries =
      mediaType === urlencoded
        ? new URLSearchParams(new TextDecoder().decode(bytes)).entries()
        : (
            await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
          ).entries();
  } catch {
    return { ok: false, status: 400 };
  }
  const fields: Record<string, string | string[]> = {};
  const files: Record<string, FormFile> = {};
  const nulFields = new Set<string>();
  for (const [name, value] of entries) {
    if (name.includes('\u0000')) {
      nulFields.add(wholeForm);
      continue;
    }
    if (typeof value === 'string') {
      if (value.includes('\u0000')) nulFields.add(name);
      const existing = fields[name];
      fields[name] =
        existing === undefined
          ? value
          : Array.isArray(existing)
            ? [...existing, value]
            : [existing, value];
    } else if ((value.size > 0 || value.name !== '') && !(name in files)) {
      files[name] = {
        name: withoutControlCharacters(value.name),
        type: value.type,
        bytes: new Uint8Array(await value.arrayBuffer()),
      };
    }
  }
  return { ok: true, fields, files, nulFields };
}

/** A file name as shown and stored: control characters (NUL, newlines) dropped. */
function withoutControlCharacters(name: string): string {
  return [...name].filter((char) => char >= ' ' && char !== '\u007f').join('');
}
