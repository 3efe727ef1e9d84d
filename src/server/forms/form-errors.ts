import type { z } from 'zod';
import type { MessageKey, Params } from '../../lib/i18n';
import { en } from '../../lib/i18n/messages/en';

/**
 * The one error shape of every form: a problem with one field (or with the
 * whole form, `field: 'form'`) as an i18n message key. Pages translate it;
 * the error summary links each one to `#field-<field>`.
 */
export interface FieldError {
  field: string;
  message: MessageKey;
  params?: Params;
}

/** The field name of problems that belong to the whole form (no field to link to). */
export const wholeForm = 'form';

/** True when a zod message is one of the portal's i18n keys. */
export function isMessageKey(message: string): message is MessageKey {
  return Object.hasOwn(en, message);
}

/**
 * Turns zod issues into field errors, the first problem of each field, in the
 * order zod found them (the form's order). Schemas put i18n keys in their
 * messages; any other message (a zod default) becomes `fallbacks[field]` or
 * the generic "Check this field.", so users never read a developer's wording.
 */
export function fieldErrorsFrom(
  error: z.ZodError,
  fallbacks: Readonly<Record<string, MessageKey>> = {},
): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : wholeForm;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({
      field,
      message: isMessageKey(issue.message)
        ? issue.message
        : (fallbacks[field] ?? 'form.error.invalid'),
    });
  }
  return out;
}
