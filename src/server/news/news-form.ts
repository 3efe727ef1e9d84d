import { z } from 'zod';
import type { RichTextDocument } from '../../lib/rich-text/document-schema';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';
import { fieldErrorsFrom, type FieldError } from '../forms';

const controlCharacters = { message: 'text.error.controlCharacters' } as const;

/** The news form: what a coordinator may set (the hub only when creating). */
export const newsFormSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, { message: 'news.form.error.title' })
    .max(200, { message: 'news.form.error.titleLength' })
    .refine(isSingleLineText, controlCharacters),
  summary: z
    .string()
    .trim()
    .max(400, { message: 'news.form.error.summaryLength' })
    .refine(isMultiLineText, controlCharacters)
    .default(''),
  body: richTextFieldSchema.default({ type: 'doc', content: [] }),
  cover_alt: z
    .string()
    .trim()
    .max(300, { message: 'news.form.error.coverAltLength' })
    .refine(isSingleLineText, controlCharacters)
    .default(''),
  remove_cover: z.literal('on').optional(),
});

export interface NewsInput {
  title: string;
  summary: string;
  body: RichTextDocument;
  coverAlt: string;
  removeCover: boolean;
}

/** Validates the text fields of a submitted news form. */
export function parseNewsForm(
  fields: Record<string, string>,
): { ok: true; input: NewsInput } | { ok: false; errors: FieldError[] } {
  const parsed = newsFormSchema.safeParse(fields);
  if (!parsed.success) {
    // Rich text issues point inside the document; show them on the editor.
    return { ok: false, errors: fieldErrorsFrom(parsed.error, { body: 'richText.error.invalid' }) };
  }
  return {
    ok: true,
    input: {
      title: parsed.data.title,
      summary: parsed.data.summary,
      body: parsed.data.body,
      coverAlt: parsed.data.cover_alt,
      removeCover: parsed.data.remove_cover === 'on',
    },
  };
}
