import { describe, expect, it } from 'vitest';
import {
  richTextDocumentSchema,
  richTextToPlainText,
  type RichTextNode,
} from '../../src/lib/rich-text/document-schema';
import { richTextFieldSchema } from '../../src/lib/rich-text/rich-text-field';
import { xssCorpus } from '../fixtures/xss-corpus';

const mediaSrc = '/media/11111111-2222-4333-8444-555555555555.png';
const paragraph = (text: string, marks?: unknown[]) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.message);

describe('richTextDocumentSchema (save-time validation)', () => {
  it('accepts a document with every supported block and keeps known attributes only', () => {
    const parsed = richTextDocumentSchema.parse({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, id: 'x', onclick: 'alert(1)' },
          content: [{ type: 'text', text: 'T' }],
        },
        paragraph('link', [
          {
            type: 'link',
            attrs: { href: 'mailto:a@example.org', target: '_blank', class: 'evil' },
          },
        ]),
        { type: 'image', attrs: { src: mediaSrc, alt: ' A chart ', onerror: 'alert(1)' } },
        { type: 'blockquote', content: [paragraph('q')] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', attrs: { colspan: 2, style: 'x' }, content: [paragraph('c')] },
              ],
            },
          ],
        },
      ],
    });
    expect(parsed.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: 'T' }],
    });
    expect(parsed.content[1]!.content![0]!.marks).toEqual([
      { type: 'link', attrs: { href: 'mailto:a@example.org' } },
    ]);
    expect(parsed.content[2]).toEqual({
      type: 'image',
      attrs: { src: mediaSrc, alt: 'A chart', title: null },
    });
  });

  it('requires alt text on every image', () => {
    const result = richTextDocumentSchema.safeParse({
      type: 'doc',
      content: [{ type: 'image', attrs: { src: mediaSrc, alt: '  ' } }],
    });
    expect(messages(result)).toEqual(['richText.error.imageAlt']);
  });

  it('refuses images that are not in portal storage', () => {
    const result = richTextDocumentSchema.safeParse({
      type: 'doc',
      content: [{ type: 'image', attrs: { src: 'https://example.org/cat.png', alt: 'cat' } }],
    });
    expect(messages(result)).toEqual(['richText.error.imageSource']);
  });

  it.each(xssCorpus.map((entry) => [entry.class, entry.payload]))(
    'refuses a %s payload as a link href: %j',
    (_class, payload) => {
      const result = richTextDocumentSchema.safeParse({
        type: 'doc',
        content: [paragraph('x', [{ type: 'link', attrs: { href: payload } }])],
      });
      expect(messages(result)).toContain('richText.error.linkProtocol');
    },
  );

  it.each(xssCorpus.map((entry) => [entry.class, entry.payload]))(
    'refuses a %s payload as an image source: %j',
    (_class, payload) => {
      const result = richTextDocumentSchema.safeParse({
        type: 'doc',
        content: [{ type: 'image', attrs: { src: payload, alt: 'x' } }],
      });
      expect(messages(result)).toContain('richText.error.imageSource');
    },
  );

  it('keeps payloads in text as plain text (escaped when rendered)', () => {
    const parsed = richTextDocumentSchema.parse({
      type: 'doc',
      content: [paragraph('<script>alert(1)</script>')],
    });
    expect(parsed.content[0]!.content![0]!.text).toBe('<script>alert(1)</script>');
  });

  it('refuses unknown node and mark types and malformed shapes', () => {
    expect(
      richTextDocumentSchema.safeParse({
        type: 'doc',
        content: [{ type: 'iframe', attrs: { src: 'x' } }],
      }).success,
    ).toBe(false);
    expect(
      richTextDocumentSchema.safeParse({
        type: 'doc',
        content: [paragraph('x', [{ type: 'script' }])],
      }).success,
    ).toBe(false);
    expect(richTextDocumentSchema.safeParse({ type: 'html', content: [] }).success).toBe(false);
    expect(richTextDocumentSchema.safeParse('<p>x</p>').success).toBe(false);
  });

  it('refuses documents nested too deeply', () => {
    let node: Record<string, unknown> = paragraph('deep');
    for (let i = 0; i < 30; i += 1) node = { type: 'blockquote', content: [node] };
    expect(messages(richTextDocumentSchema.safeParse({ type: 'doc', content: [node] }))).toContain(
      'richText.error.nesting',
    );
  });

  it('parses the hidden form field (JSON text) and reports unreadable JSON', () => {
    expect(richTextFieldSchema.parse('')).toEqual({ type: 'doc', content: [] });
    expect(messages(richTextFieldSchema.safeParse('{not json'))).toEqual([
      'richText.error.invalid',
    ]);
  });

  it('extracts plain text for feeds and calendars', () => {
    expect(
      richTextToPlainText({
        type: 'doc',
        content: [
          paragraph('One'),
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Two')] }] },
        ],
      } as RichTextNode),
    ).toBe('One\n\nTwo');
  });
});
