import { z } from 'zod';
import { isPortalMediaSrc, isSafeLinkHref } from './safe-url';

/**
 * Save-time validation of rich text (ProseMirror JSON). A client can post any
 * JSON, so the server parses every document with this schema: unknown node or
 * mark types are refused, links must be http/https/mailto, images must come
 * from the portal's storage and carry alt text, and attributes the renderer
 * does not know are dropped. The renderer sanitises again on output.
 */

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface RichTextDocument extends RichTextNode {
  type: 'doc';
  content: RichTextNode[];
}

const maxNodes = 5000;
const maxDepth = 24;
const maxTextLength = 100_000;

const blockTypes = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'image',
  'text',
] as const;
const markTypes = ['bold', 'italic', 'strike', 'underline', 'code', 'link'] as const;

const markSchema = z.object({
  type: z.enum(markTypes),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

const nodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.enum(blockTypes),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).max(maxNodes).optional(),
    marks: z.array(markSchema).max(10).optional(),
    text: z.string().max(maxTextLength).optional(),
  }),
);

const documentShape = z.object({
  type: z.literal('doc'),
  content: z.array(nodeSchema).max(maxNodes).default([]),
});

/** Issue messages are i18n keys (`richText.error.*`), translated where they are shown. */
type Issue = { path: (string | number)[]; message: string };

const positiveInt = (value: unknown, max: number): number | undefined =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max
    ? (value as number)
    : undefined;

/** Keeps the attributes each node type understands, with values checked; collects problems. */
function normaliseNode(
  node: RichTextNode,
  path: (string | number)[],
  issues: Issue[],
  depth: number,
  count: { n: number },
) {
  count.n += 1;
  if (depth > maxDepth) {
    issues.push({ path, message: 'richText.error.nesting' });
    return node;
  }
  const attrs = node.attrs ?? {};
  const out: RichTextNode = { type: node.type };
  switch (node.type) {
    case 'heading': {
      const level = positiveInt(attrs.level, 4);
      out.attrs = { level: level && level >= 2 ? level : 2 };
      break;
    }
    case 'orderedList':
      out.attrs = { start: positiveInt(attrs.start, 100_000) ?? 1 };
      break;
    case 'codeBlock':
      out.attrs = {
        language:
          typeof attrs.language === 'string' && /^[a-z0-9+#-]{1,30}$/i.test(attrs.language)
            ? attrs.language
            : null,
      };
      break;
    case 'tableCell':
    case 'tableHeader':
      out.attrs = {
        colspan: positiveInt(attrs.colspan, 50) ?? 1,
        rowspan: positiveInt(attrs.rowspan, 500) ?? 1,
        colwidth: null,
      };
      break;
    case 'image': {
      if (!isPortalMediaSrc(attrs.src)) {
        issues.push({ path: [...path, 'attrs', 'src'], message: 'richText.error.imageSource' });
      }
      const alt = typeof attrs.alt === 'string' ? attrs.alt.trim() : '';
      if (alt.length === 0) {
        issues.push({ path: [...path, 'attrs', 'alt'], message: 'richText.error.imageAlt' });
      } else if (alt.length > 300) {
        issues.push({ path: [...path, 'attrs', 'alt'], message: 'richText.error.altLength' });
      }
      out.attrs = {
        src: attrs.src,
        alt,
        title:
          typeof attrs.title === 'string' && attrs.title.trim()
            ? attrs.title.trim().slice(0, 300)
            : null,
      };
      break;
    }
    case 'text':
      if (typeof node.text !== 'string' || node.text.length === 0) {
        issues.push({ path, message: 'richText.error.invalid' });
      }
      out.text = node.text ?? '';
      break;
  }
  if (node.marks?.length) {
    if (node.type !== 'text')
      issues.push({ path: [...path, 'marks'], message: 'richText.error.invalid' });
    out.marks = node.marks.map((mark, index) => {
      if (mark.type !== 'link') return { type: mark.type };
      const href = mark.attrs?.href;
      if (!isSafeLinkHref(href)) {
        issues.push({
          path: [...path, 'marks', index, 'attrs', 'href'],
          message: 'richText.error.linkProtocol',
        });
      }
      return { type: 'link', attrs: { href } };
    });
  }
  if (node.content) {
    if (node.type === 'text') issues.push({ path, message: 'richText.error.invalid' });
    out.content = node.content.map((child, index) =>
      normaliseNode(child, [...path, 'content', index], issues, depth + 1, count),
    );
  }
  return out;
}

/** Rich text as it is stored: a validated, normalised ProseMirror document. */
export const richTextDocumentSchema = documentShape.transform((doc, context): RichTextDocument => {
  const issues: Issue[] = [];
  const count = { n: 0 };
  const content = doc.content.map((node, index) =>
    normaliseNode(node, ['content', index], issues, 1, count),
  );
  if (count.n > maxNodes) issues.push({ path: [], message: 'richText.error.tooLong' });
  for (const issue of issues)
    context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return { type: 'doc', content };
});

/** An empty document, the default body of a new item. */
export function emptyRichTextDocument(): RichTextDocument {
  return { type: 'doc', content: [] };
}

/** The plain text of a document (for summaries, feeds and search), blocks separated by blank lines. */
export function richTextToPlainText(doc: RichTextNode): string {
  const blocks: string[] = [];
  const inline = (node: RichTextNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    return (node.content ?? []).map(inline).join('');
  };
  const walk = (node: RichTextNode) => {
    if (['paragraph', 'heading', 'codeBlock', 'tableHeader', 'tableCell'].includes(node.type)) {
      const text = inline(node).trim();
      if (text) blocks.push(text);
    } else if (node.type === 'image') {
      const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
      if (alt) blocks.push(alt);
    } else (node.content ?? []).forEach(walk);
  };
  walk(doc);
  return blocks.join('\n\n');
}
