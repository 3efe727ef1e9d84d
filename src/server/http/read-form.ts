import type { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';

export type FieldErrors = Record<string, MessageKey>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

const maxFormBytes = 64 * 1024;

/**
 * Reads a urlencoded or multipart form's text fields (first value of each),
 * refusing bodies over 64 KiB. Null when the body cannot be read.
 */
export async function readFormFields(request: Request): Promise<Record<string, string> | null> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > maxFormBytes) return null;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const raw: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !(key in raw)) raw[key] = value;
  }
  return raw;
}

/**
 * Validates form fields with a zod schema whose messages are i18n keys.
 * Returns the submitted values without secrets (for re-rendering the form),
 * and per-field message keys on failure: the page translates them and Astro
 * escapes everything it renders, so raw input is never echoed unescaped.
 */
export function validateForm<S extends z.ZodType>(
  raw: Record<string, string> | null,
  schema: S,
  options: { secretFields?: readonly string[] } = {},
): FormResult<z.output<S>> {
  if (!raw) return { ok: false, errors: { form: 'auth.error.invalidRequest' }, values: {} };
  const secret = new Set(options.secretFields ?? []);
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !secret.has(key)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!(field in errors))
      errors[field] = isMessageKey(issue.message) ? issue.message : 'auth.error.invalidRequest';
  }
  return { ok: false, errors, values };
}

/** Reads and validates a form in one step. */
export async function readForm<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { secretFields?: readonly string[] } = {},
): Promise<FormResult<z.output<S>>> {
  return validateForm(await readFormFields(request), schema, options);
}

function isMessageKey(message: string): message is MessageKey {
  return /^[a-z]+(\.[A-Za-z_]+)+$/.test(message);
}
