import { z } from 'zod';
import { currencySchema } from '../../lib/procurement/currencies';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';
import { isSafeLinkHref } from '../../lib/rich-text/safe-url';
import type { MessageKey } from '../../lib/i18n';
import { fieldErrorsFrom, type FieldError } from '../forms';

/**
 * Field schemas the procurement forms share. Every message is an i18n key;
 * empty optional fields arrive as '' and become null (or '').
 */
const controlCharacters = { message: 'text.error.controlCharacters' } as const;

/** A required one-line text of `min`–`max` characters. */
export const lineText = (min: number, max: number, message: MessageKey) =>
  z
    .string({ message })
    .trim()
    .min(min, { message })
    .max(max, { message })
    .refine(isSingleLineText, controlCharacters);

/** A multi-line text of at most `max` characters ('' when empty), and at least `min` when given. */
export const longText = (max: number, message: MessageKey, min = 0) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .refine((value) => value.length >= min, { message })
    .refine(isMultiLineText, controlCharacters)
    .prefault('');

/** A field that may be sent once (a string) or several times (an array): always a list. */
export const listField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .transform((values) => values.map((v) => v.trim()).filter((v) => v !== ''));

/** A calendar date `YYYY-MM-DD` (what `<input type="date">` sends), or null when empty. */
export const optionalDate = (message: MessageKey) =>
  z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null;
      if (!isIsoDate(value)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value;
    });

export const requiredDate = (message: MessageKey) =>
  z.string({ message }).trim().refine(isIsoDate, { message });

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A non-negative amount of money with at most two decimals ("250000", "1,250.50"), or null. */
export const optionalAmount = (message: MessageKey) =>
  z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null;
      const amount = parseAmount(value);
      if (amount === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return amount;
    });

export const requiredAmount = (message: MessageKey) =>
  optionalAmount(message).refine((value) => value !== null, { message });

/** Reads an amount as people type it: digits, optional thousands separators (, or space), two decimals. */
export function parseAmount(text: string): number | null {
  const plain = text.replace(/[\s,\u00a0]/g, '');
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(plain)) return null;
  return Number(plain);
}

/** A currency of the OCDS codelist, or null when empty; an unknown code is named in the error. */
export const optionalCurrency = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) => {
    if (value === '') return null;
    const parsed = currencySchema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'procurement.error.currency', params: { value } });
    return z.NEVER;
  });

export const requiredCurrency = z
  .string({ message: 'procurement.error.currency' })
  .pipe(currencySchema);

/** An https:// (or http://) address for a document. */
export const webUrl = (message: MessageKey) =>
  z
    .string()
    .trim()
    .max(500, { message })
    .refine(isSingleLineText, { message })
    .refine((value) => isSafeLinkHref(value) && /^https?:\/\//i.test(value), { message });

/** A UUID chosen from a list the page offered. */
export const idField = (message: MessageKey) => z.uuid({ message });

/**
 * `fieldErrorsFrom` keeping each problem's `params` (the shared vocabularies
 * name the refused value there: "“XYZ” is not a currency…").
 */
export function fieldErrorsWithParams(error: z.ZodError): FieldError[] {
  return fieldErrorsFrom(error).map((fieldError) => {
    const issue = error.issues.find(
      (i) => (i.path.length > 0 ? String(i.path[0]) : 'form') === fieldError.field,
    ) as { params?: Record<string, unknown> } | undefined;
    if (!issue?.params) return fieldError;
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(issue.params)) params[key] = String(value);
    return { ...fieldError, params };
  });
}
