import { z } from 'zod';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';

/** What a message is about; chosen from a list so the team can sort them ("accessibility" is linked from the statement). */
export const contactTopics = [
  'question',
  'accessibility',
  'privacy',
  'content',
  'something-else',
] as const;
export type ContactTopic = (typeof contactTopics)[number];

/** The limits the form shows and the schema enforces. */
export const contactLimits = { name: 120, email: 254, page: 500, message: 5000 } as const;

const controlCharacters = { message: 'text.error.controlCharacters' } as const;

/**
 * The contact form. `website` is a honeypot: hidden from people (and from
 * assistive technology), so only a program filling every field fills it; the
 * use case then drops the message while answering as if it were sent.
 */
export const contactFormSchema = z.object({
  name: z
    .string({ message: 'siteContact.error.name' })
    .trim()
    .min(1, 'siteContact.error.name')
    .max(contactLimits.name, 'siteContact.error.nameLength')
    .refine(isSingleLineText, controlCharacters),
  email: z
    .string({ message: 'siteContact.error.email' })
    .trim()
    .min(1, 'siteContact.error.email')
    .max(contactLimits.email, 'siteContact.error.email')
    .pipe(z.email('siteContact.error.email'))
    .transform((value) => value.toLowerCase()),
  topic: z.enum(contactTopics, { message: 'siteContact.error.topic' }),
  page: z
    .string()
    .trim()
    .max(contactLimits.page, 'siteContact.error.pageLength')
    .refine(isSingleLineText, controlCharacters)
    .default(''),
  message: z
    .string({ message: 'siteContact.error.message' })
    .trim()
    .min(10, 'siteContact.error.message')
    .max(contactLimits.message, 'siteContact.error.messageLength')
    .refine(isMultiLineText, controlCharacters),
  website: z.string().max(500).default(''),
});
export type ContactForm = z.output<typeof contactFormSchema>;
