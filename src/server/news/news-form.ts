import { z } from 'zod';
import type { RichTextDocument } from '../../lib/rich-text/document-schema';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';
import { fieldErrorsFrom, type FieldError } from '../hubs/form-errors';

/** The news form: what a coordinator may set (the hub only when creating). */
export const newsFormSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, { message: 'news.form.error.title' })
    .max(200, { message: 'news.form.error.titleLength' }),
  summary: z.string().trim().max(400, { message: 'news.form.error.summaryLength' }).default(''),
  body: richTextFieldSchema.default({ type: 'doc', content: [] }),
  cover_alt: z.string().trim().max(300, { message: 'news.form.error.coverAltLength' }).default(''),
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
    const errors = fieldErrorsFrom(parsed.error);
    // Rich text issues point inside the document; show them on the editor.
    return {
      ok: false,
      errors: errors.map((e) =>
        e.field === 'body' && e.message === 'hubForm.error.invalid'
          ? { ...e, message: 'richText.error.invalid' }
          : e,
      ),
    };
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
