import { z } from 'zod';
import { richTextDocumentSchema } from './document-schema';

/** Parses the JSON the editor island puts in a hidden field, then validates it as rich text. */
export const richTextFieldSchema = z
  .string()
  .max(1_000_000, { message: 'richText.error.tooLong' })
  .transform((text, context) => {
    if (text.trim() === '') return { type: 'doc', content: [] };
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'richText.error.invalid' });
      return z.NEVER;
    }
  })
  .pipe(richTextDocumentSchema);

/**
 * What the editor shows again after a refused submission: the document as
 * sent when it is JSON at all (so no work is lost), else `fallback`.
 */
export function submittedRichText(json: string | undefined, fallback: unknown): unknown {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return fallback;
  }
}
