import { z } from 'zod';
import type { RichTextDocument } from '../../lib/rich-text/document-schema';
import { isSafeLinkHref } from '../../lib/rich-text/safe-url';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';
import { fieldErrorsFrom, type FieldError } from '../forms';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';
import { canonicalTimeZone, wallTimeToInstant } from '../../lib/time-zone';
import { withComposedWallTimes } from '../../lib/wall-time-parts';
import type { RegistrationMode } from './queries';

const controlCharacters = { message: 'text.error.controlCharacters' } as const;

// Empty fields arrive as '' (or not at all) and are stored as null.
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .refine(isMultiLineText, controlCharacters)
    .optional()
    .transform((value) => value || null);

const optionalWebUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(500, { message })
    .refine(isSingleLineText, { message })
    .refine((value) => value === '' || (isSafeLinkHref(value) && /^https?:\/\//i.test(value)), {
      message,
    })
    .optional()
    .transform((value) => value || null);

/** The event form: when, where, how to register, and the description. */
export const eventFormSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, { message: 'events.form.error.title' })
      .max(200, { message: 'events.form.error.titleLength' })
      .refine(isSingleLineText, controlCharacters),
    summary: z
      .string()
      .trim()
      .max(400, { message: 'events.form.error.summaryLength' })
      .refine(isMultiLineText, controlCharacters)
      .default(''),
    description: richTextFieldSchema.default({ type: 'doc', content: [] }),
    time_zone: z
      .string()
      .trim()
      .transform((value, context) => {
        const zone = canonicalTimeZone(value);
        if (zone) return zone;
        context.addIssue({ code: 'custom', message: 'events.form.error.timeZone' });
        return z.NEVER;
      }),
    starts_at: z.string().trim().min(1, { message: 'events.form.error.startsAt' }),
    ends_at: z.string().trim().min(1, { message: 'events.form.error.endsAt' }),
    online_url: optionalWebUrl('events.form.error.onlineUrl'),
    venue_name: optionalText(200, 'events.form.error.venueLength'),
    venue_address: optionalText(400, 'events.form.error.venueLength'),
    registration_mode: z.enum(['none', 'external', 'internal'], {
      message: 'events.form.error.registrationMode',
    }),
    registration_url: optionalWebUrl('events.form.error.registrationUrl'),
    capacity: z
      .string()
      .trim()
      .default('')
      .transform((value, context) => {
        if (value === '') return null;
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 100_000) {
          context.addIssue({ code: 'custom', message: 'events.form.error.capacity' });
          return z.NEVER;
        }
        return n;
      }),
  })
  .transform((form, context) => {
    const startsAt = wallTimeToInstant(form.starts_at, form.time_zone);
    const endsAt = wallTimeToInstant(form.ends_at, form.time_zone);
    if (!startsAt)
      context.addIssue({
        code: 'custom',
        path: ['starts_at'],
        message: 'events.form.error.startsAt',
      });
    if (!endsAt)
      context.addIssue({ code: 'custom', path: ['ends_at'], message: 'events.form.error.endsAt' });
    if (startsAt && endsAt && endsAt < startsAt) {
      context.addIssue({
        code: 'custom',
        path: ['ends_at'],
        message: 'events.form.error.endsBeforeStart',
      });
    }
    if (!form.online_url && !form.venue_name) {
      context.addIssue({
        code: 'custom',
        path: ['venue_name'],
        message: 'events.form.error.where',
      });
    }
    if (form.registration_mode === 'external' && !form.registration_url) {
      context.addIssue({
        code: 'custom',
        path: ['registration_url'],
        message: 'events.form.error.registrationUrl',
      });
    }
    if (form.registration_mode === 'internal' && !form.capacity) {
      context.addIssue({
        code: 'custom',
        path: ['capacity'],
        message: 'events.form.error.capacity',
      });
    }
    return { ...form, startsAt: startsAt!, endsAt: endsAt! };
  });

export interface EventInput {
  title: string;
  summary: string;
  description: RichTextDocument;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  onlineUrl: string | null;
  venueName: string | null;
  venueAddress: string | null;
  registrationMode: RegistrationMode;
  registrationUrl: string | null;
  capacity: number | null;
}

/** The event form's date-and-time fields (each sent as day, month, year and time parts). */
export const eventWallTimeFields = ['starts_at', 'ends_at'] as const;

/** Validates a submitted event form. */
export function parseEventForm(
  fields: Record<string, string>,
): { ok: true; input: EventInput } | { ok: false; errors: FieldError[] } {
  const parsed = eventFormSchema.safeParse(withComposedWallTimes(fields, eventWallTimeFields));
  if (!parsed.success) {
    return {
      ok: false,
      errors: fieldErrorsFrom(parsed.error).map((e) =>
        e.field === 'description' && e.message === 'form.error.invalid'
          ? { ...e, message: 'richText.error.invalid' }
          : e,
      ),
    };
  }
  const form = parsed.data;
  return {
    ok: true,
    input: {
      title: form.title,
      summary: form.summary,
      description: form.description,
      timeZone: form.time_zone,
      startsAt: form.startsAt,
      endsAt: form.endsAt,
      onlineUrl: form.online_url,
      venueName: form.venue_name,
      venueAddress: form.venue_address,
      registrationMode: form.registration_mode,
      registrationUrl: form.registration_mode === 'external' ? form.registration_url : null,
      capacity: form.registration_mode === 'internal' ? form.capacity : null,
    },
  };
}
