import type { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';
import { en } from '../../lib/i18n/messages/en';

/** One problem with one form field, as an i18n message key (the page translates it). */
export interface FieldError {
  field: string;
  message: MessageKey;
}

const genericMessage: MessageKey = 'hubForm.error.invalid';

/**
 * Turns zod issues into field errors. Schemas put i18n keys in their
 * messages; any other message (a zod default) becomes the generic one, so
 * users never see a developer's wording.
 */
export function fieldErrorsFrom(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({
      field,
      message: issue.message in en ? (issue.message as MessageKey) : genericMessage,
    });
  }
  return out;
}

/** Reads a form's text fields into a plain object (files are read separately). */
export function formText(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') out[key] = value;
  return out;
}
