import { z } from 'zod';
import { isMultiLineText, isSingleLineText } from '../text/control-characters';
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

// A node sits two JSON levels below its parent (node → content array → node);
// attributes and marks add a few more. Beyond these, a document is refused
// before anything walks it recursively.
const maxJsonDepth = maxDepth * 2 + 8;
const maxJsonValues = maxNodes * 12;

/**
 * Measures how deep and how large a JSON value is with an explicit stack,
 * never recursion: a document nested 10,000 levels deep overflowed the call
 * stack of the schema (and of the renderer) before any depth rule ran.
 */
export function measureJson(value: unknown): 'ok' | 'tooDeep' | 'tooLarge' {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > maxJsonDepth) return 'tooDeep';
    seen += 1;
    if (seen > maxJsonValues) return 'tooLarge';
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, depth + 1]);
    } else if (current !== null && typeof current === 'object') {
      for (const item of Object.values(current)) stack.push([item, depth + 1]);
    }
  }
  return 'ok';
}

/** Refuses (with the reason) values too deep or too large to walk, before the recursive schema sees them. */
const boundedJson = z.unknown().check((context) => {
  const measured = measureJson(context.value);
  if (measured !== 'ok') {
    context.issues.push({
      code: 'custom',
      message: measured === 'tooDeep' ? 'richText.error.nesting' : 'richText.error.tooLong',
      input: context.value,
      continue: false,
    });
  }
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
  // What is kept must be storable: Postgres refuses NUL in jsonb, and no
  // other control character belongs in text or attributes either.
  if (
    (out.text !== undefined && !isMultiLineText(out.text)) ||
    Object.values(out.attrs ?? {}).some((v) => typeof v === 'string' && !isSingleLineText(v))
  ) {
    issues.push({ path, message: 'richText.error.controlCharacters' });
  }
  if (node.marks?.length) {
    if (node.type !== 'text')
      issues.push({ path: [...path, 'marks'], message: 'richText.error.invalid' });
    out.marks = node.marks.map((mark, index) => {
      if (mark.type !== 'link') return { type: mark.type };
      const href = mark.attrs?.href;
      // A link with control characters (a tab inside "javascript:") is no link.
      if (!isSafeLinkHref(href) || (typeof href === 'string' && !isSingleLineText(href))) {
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
export const richTextDocumentSchema = boundedJson.pipe(
  documentShape.transform((doc, context): RichTextDocument => {
    const issues: Issue[] = [];
    const count = { n: 0 };
    const content = doc.content.map((node, index) =>
      normaliseNode(node, ['content', index], issues, 1, count),
    );
    if (count.n > maxNodes) issues.push({ path: [], message: 'richText.error.tooLong' });
    for (const issue of issues)
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return { type: 'doc', content };
  }),
);

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
