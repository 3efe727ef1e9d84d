import type { FieldError } from '../../server/forms/form-errors';

/**
 * The ids of a form field, one convention for every form: the control (or,
 * for a group of radios or a rich-text editor, the focusable group) is
 * `field-<name>`, or `field-<formId>-<name>` when a page holds several forms;
 * its hint is `<id>-hint` and its inline error `<id>-error`. The error
 * summary links to `#<id>`.
 */
export function fieldId(name: string, formId?: string): string {
  return formId ? `field-${formId}-${name}` : `field-${name}`;
}

/** The first error of a field, if it has one. */
export function errorOf(errors: readonly FieldError[], name: string): FieldError | undefined {
  return errors.find((error) => error.field === name);
}

/** `aria-describedby` of a control: its hint and its error, when shown. */
export function describedBy(
  name: string,
  options: { formId?: string; hint?: boolean; errors?: readonly FieldError[] },
): string | undefined {
  const id = fieldId(name, options.formId);
  const ids = [
    options.hint ? `${id}-hint` : null,
    options.errors && errorOf(options.errors, name) ? `${id}-error` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
