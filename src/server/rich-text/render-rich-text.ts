import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import {
  measureJson,
  richTextDocumentSchema,
  type RichTextNode,
} from '../../lib/rich-text/document-schema';
import { richTextExtensions } from '../../lib/rich-text/extensions';
import { sanitizeRichHtml } from './sanitize-rich-html';

/**
 * Renders stored rich text to safe HTML: the document is normalised with the
 * save-time schema (dropping what it refuses), rendered with the same
 * extension list the editor uses, then passed through the sanitiser. A
 * document that cannot be rendered yields an empty string, never raw input.
 */
export function renderRichText(stored: unknown): string {
  if (stored === null || stored === undefined || measureJson(stored) !== 'ok') return '';
  const parsed = richTextDocumentSchema.safeParse(stored);
  // An invalid stored document (e.g. written before a rule changed) still
  // renders what the schema could keep; the sanitiser drops the rest.
  const doc: RichTextNode | undefined = parsed.success ? parsed.data : looseDocument(stored);
  if (!doc) return '';
  try {
    return sanitizeRichHtml(renderToHTMLString({ extensions: richTextExtensions, content: doc }));
  } catch {
    return '';
  }
}

/** Rewrites portal media paths to absolute URLs, for feeds read outside the site. */
export function absolutizeMediaUrls(html: string, origin: string): string {
  return html.replace(/(<img[^>]*\ssrc=")(\/media\/)/g, `$1${origin}$2`);
}

function looseDocument(stored: unknown): RichTextNode | undefined {
  if (typeof stored !== 'object' || stored === null || (stored as RichTextNode).type !== 'doc')
    return undefined;
  return stored as RichTextNode;
}
