import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/search/record-schema';
import { algoliaFilters, quoteFilterValue } from '../../src/server/search/algolia/algolia-engine';
import {
  backoffDelay,
  planWrites,
  withRetries,
} from '../../src/server/search/algolia/index-writer';
import {
  maxAlgoliaRecordBytes,
  splitText,
  toAlgoliaObjects,
} from '../../src/server/search/algolia/records';

const record = (overrides: Partial<SearchRecord> = {}): SearchRecord => ({
  id: 'deliverable:abc',
  type: 'deliverable',
  title: 'Key performance indicators',
  summary: 'Summary',
  text: '',
  url: '/deliverables/kpis',
  code: 'ITU-T Y.4903',
  subtype: 'recommendation',
  hubs: [],
  country: null,
  region: null,
  sdgs: [11],
  themes: ['kpis'],
  kpi_codes: [],
  links: [],
  is_demo: false,
  date: '2016-01-01T00:00:00.000Z',
  visible_from: null,
  content_hash: 'h1',
  ...overrides,
});

describe('Algolia records', () => {
  it('keeps a short record in one object', () => {
    const [object, ...rest] = toAlgoliaObjects(record({ text: 'Short text.' }));
    expect(rest).toEqual([]);
    expect(object).toMatchObject({
      objectID: 'deliverable:abc#0',
      document_id: 'deliverable:abc',
      chunk: 0,
      chunk_count: 1,
      text: 'Short text.',
    });
    expect(object!.date_ts).toBe(Date.UTC(2016, 0, 1) / 1000);
  });

  it('splits a long text into chunks under the size limit, losing no words', () => {
    const text = Array.from(
      { length: 4000 },
      (_, i) => `word${i}${i % 40 === 0 ? '.\n\n' : ''}`,
    ).join(' ');
    const objects = toAlgoliaObjects(record({ text }));
    expect(objects.length).toBeGreaterThan(3);
    for (const object of objects) {
      expect(Buffer.byteLength(JSON.stringify(object))).toBeLessThanOrEqual(maxAlgoliaRecordBytes);
      expect(object.chunk_count).toBe(objects.length);
    }
    const words = objects.flatMap((object) => object.text.split(/\s+/).filter(Boolean));
    expect(words.join(' ').replace(/\.\s*/g, ' ').split(/\s+/).filter(Boolean)).toHaveLength(4000);
  });

  it('measures bytes, not characters, when splitting', () => {
    const pieces = splitText('ø'.repeat(3000), 1000);
    expect(pieces.every((piece) => Buffer.byteLength(JSON.stringify(piece)) <= 1000)).toBe(true);
    expect(pieces.join('')).toBe('ø'.repeat(3000));
  });

  it('deletes chunks a record no longer has, and every chunk of a removed record', () => {
    const known = new Map([
      ['deliverable:abc', { documentId: 'deliverable:abc', chunkCount: 3, contentHash: 'old' }],
      ['city:gone', { documentId: 'city:gone', chunkCount: 2, contentHash: 'x' }],
    ]);
    const plan = planWrites([record({ text: 'now short' })], ['city:gone'], known);
    expect(plan.requests.map((r) => `${r.action} ${String(r.body.objectID)}`)).toEqual([
      'addObject deliverable:abc#0',
      'deleteObject deliverable:abc#1',
      'deleteObject deliverable:abc#2',
      'deleteObject city:gone#0',
      'deleteObject city:gone#1',
    ]);
    expect(plan.states).toEqual([
      { documentId: 'deliverable:abc', chunkCount: 1, contentHash: 'h1' },
    ]);
  });
});

describe('Algolia queries and retries', () => {
  it('builds filters with quoted values and hides scheduled records', () => {
    const params = {
      q: '',
      type: 'city' as const,
      hub: 'demo-nordic-hub',
      country: 'Côte "d" Ivoire',
      sdg: 11,
      page: 1,
      pageSize: 20,
    };
    expect(algoliaFilters(params, 1000)).toBe(
      'visible_from_ts <= 1000 AND type:"city" AND hubs:"demo-nordic-hub" AND country:"Côte \\"d\\" Ivoire" AND sdgs = 11',
    );
    expect(algoliaFilters(params, 1000, 'type')).not.toContain('type:');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
  });

  it('backs off exponentially with jitter, up to the ceiling', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });

  it('retries transient failures but not a refused request', async () => {
    const waits: number[] = [];
    const policy = {
      attempts: 4,
      baseDelayMs: 10,
      maxDelayMs: 100,
      sleep: async (ms: number) => void waits.push(ms),
    };
    let calls = 0;
    await expect(
      withRetries(async () => {
        calls += 1;
        if (calls < 3) throw Object.assign(new Error('unavailable'), { status: 503 });
        return 'ok';
      }, policy),
    ).resolves.toBe('ok');
    expect(waits).toHaveLength(2);
    calls = 0;
    await expect(
      withRetries(async () => {
        calls += 1;
        throw Object.assign(new Error('bad request'), { status: 400 });
      }, policy),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });
});
