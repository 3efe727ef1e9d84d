import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverableFrontmatterSchema } from '../../src/lib/deliverables/deliverable-schema';
import { readDeliverableContent } from '../../src/server/deliverables/read-content-files';
import { workingNotePhrasesIn } from '../support/working-note-phrases';

/**
 * The reference research's working notes ("title and year come from
 * memory…") never reach readers (issue 11, item 7): every text the site shows
 * from content/deliverables and the reference seed is written for readers,
 * and what is uncertain is said in the entry's `unconfirmed` sentence.
 * tests/e2e/visitor-reads-public-service-pages.test.ts checks the rendered pages too.
 */
const root = path.resolve(import.meta.dirname, '../..');
const reference = JSON.parse(
  fs.readFileSync(path.join(root, 'supabase/seed/reference.json'), 'utf8'),
) as {
  hubs: Record<string, unknown>[];
  cities: Record<string, unknown>[];
};

describe('research notes stay out of what readers see', () => {
  const deliverables = readDeliverableContent(path.join(root, 'content'));

  it.each(deliverables.map((item) => [item.slug, item] as const))(
    'deliverable %s shows reader text only',
    (_slug, item) => {
      const shown = [
        item.title,
        item.summary,
        item.body,
        item.unconfirmed ?? '',
        ...item.sources,
      ].join('\n');
      expect(workingNotePhrasesIn(shown)).toEqual([]);
    },
  );

  it('says what is unconfirmed exactly on the uncertain entries', () => {
    for (const item of deliverables) {
      expect(Boolean(item.unconfirmed), item.slug).toBe(item.uncertain);
    }
    // The phrase list is not empty-handed: the working notes it guards against are still kept, for maintainers.
    const notes = deliverables.map((item) => item.researchNote ?? '').join('\n');
    expect(workingNotePhrasesIn(notes).length).toBeGreaterThan(2);
  });

  it('refuses an uncertain entry without a sentence for readers, and the reverse', () => {
    const base = {
      kind: 'publication',
      title: 'A title',
      year: 2020,
      summary: 'A summary for readers.',
      sources: ['https://www.itu.int/'],
    };
    expect(deliverableFrontmatterSchema.safeParse({ ...base, uncertain: true }).success).toBe(
      false,
    );
    expect(
      deliverableFrontmatterSchema.safeParse({
        ...base,
        unconfirmed: 'The year has not been confirmed.',
      }).success,
    ).toBe(false);
    expect(
      deliverableFrontmatterSchema.safeParse({ ...base, sources: [] }).success,
      'a confirmed entry names a source',
    ).toBe(false);
    expect(
      deliverableFrontmatterSchema.safeParse({
        ...base,
        uncertain: true,
        unconfirmed: 'The year has not been confirmed.',
        sources: [],
        researchNote: 'year from memory',
      }).success,
    ).toBe(true);
    expect(
      deliverableFrontmatterSchema.safeParse({ ...base, note: 'the old field' }).success,
      'the old `note` field, which the page rendered, is gone',
    ).toBe(false);
  });

  it('shows reader text for the seeded hubs and cities', () => {
    for (const record of [...reference.hubs, ...reference.cities]) {
      const shown = ['name', 'summary', 'sinceLabel', 'source', 'uncertainNote', 'hostName']
        .map((key) => (typeof record[key] === 'string' ? (record[key] as string) : ''))
        .join('\n');
      expect(workingNotePhrasesIn(shown), String(record.slug)).toEqual([]);
    }
  });
});
