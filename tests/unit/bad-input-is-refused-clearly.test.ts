import { describe, expect, it } from 'vitest';
import { richTextDocumentSchema } from '../../src/lib/rich-text/document-schema';
import { readSearchParamsLenient, readSearchParamsStrict } from '../../src/lib/search/query-schema';
import { hasControlCharacters } from '../../src/lib/text/control-characters';
import { parseEventForm } from '../../src/server/events/event-form';
import { canonicalTimeZone, wallTimeToInstant } from '../../src/lib/time-zone';
import { hubApplicationSchema } from '../../src/server/hubs/apply-to-hub';
import { richTextFieldSchema } from '../../src/lib/rich-text/rich-text-field';
import { renderRichText } from '../../src/server/rich-text/render-rich-text';
import { deeplyNestedRichText } from '../fixtures/hostile-values';

const event = {
  title: 'Smart city day',
  time_zone: 'Europe/Vienna',
  starts_at: '2027-03-14T09:30',
  ends_at: '2027-03-14T17:00',
  venue_name: 'Town hall',
  registration_mode: 'none',
};

describe('time zones', () => {
  it('maps any spelling of a listed zone, and aliases, to the canonical name', () => {
    expect(canonicalTimeZone('europe/vienna')).toBe('Europe/Vienna');
    expect(canonicalTimeZone(' EUROPE/VIENNA ')).toBe('Europe/Vienna');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('america/lima')).toBe('America/Lima');
  });

  it('refuses names that are not time zones', () => {
    for (const zone of [
      'Europe/Nowhere',
      '../../etc/passwd',
      'UTC\u0000',
      '',
      'a'.repeat(80),
      'Vienna',
    ])
      expect(canonicalTimeZone(zone), zone).toBeNull();
  });

  it('stores the canonical name from the event form', () => {
    const parsed = parseEventForm({ ...event, time_zone: 'europe/vienna' });
    expect(parsed.ok && parsed.input.timeZone).toBe('Europe/Vienna');
    const refused = parseEventForm({ ...event, time_zone: 'europe/atlantis' });
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'time_zone', message: 'events.form.error.timeZone' }],
    });
  });
});

describe('dates and times', () => {
  it('refuses dates that do not exist instead of rolling them over', () => {
    for (const value of [
      '2026-13-01T10:00',
      '2026-00-10T10:00',
      '2026-02-29T10:00',
      '2026-04-31T10:00',
      '2026-01-00T10:00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '2026-01-01T10:00:60',
      '0000-01-01T10:00',
      '0099-06-01T10:00',
      '1899-12-31T23:59',
      '2200-01-01T00:00',
      '+02026-01-01T10:00',
      '2026-1-1T1:1',
    ]) {
      expect(wallTimeToInstant(value, 'UTC'), value).toBeNull();
    }
    expect(wallTimeToInstant('2028-02-29T10:00', 'UTC')?.toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
    expect(wallTimeToInstant('2027-03-14T09:30', 'europe/vienna')?.toISOString()).toBe(
      '2027-03-14T08:30:00.000Z',
    );
  });

  it('reports an impossible date on its field', () => {
    expect(parseEventForm({ ...event, starts_at: '2027-13-14T09:30' })).toMatchObject({
      ok: false,
      errors: [{ field: 'starts_at', message: 'events.form.error.startsAt' }],
    });
    expect(parseEventForm({ ...event, ends_at: '0000-03-14T17:00' })).toMatchObject({
      ok: false,
      errors: [{ field: 'ends_at', message: 'events.form.error.endsAt' }],
    });
  });
});

describe('rich text', () => {
  it('refuses a document nested 10,000 levels deep without overflowing the stack', () => {
    const json = deeplyNestedRichText(10_000);
    const parsed = richTextFieldSchema.safeParse(json);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['richText.error.nesting']);
    expect(renderRichText(JSON.parse(json))).toBe('');
  });

  it('accepts the nesting people write, and refuses NUL bytes Postgres cannot store', () => {
    expect(richTextFieldSchema.safeParse(deeplyNestedRichText(12)).success).toBe(true);
    const nul = richTextDocumentSchema.safeParse({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\u0000b' }] }],
    });
    expect(nul.error?.issues.map((issue) => issue.message)).toEqual([
      'richText.error.controlCharacters',
    ]);
  });
});

describe('ids and search parameters', () => {
  it('takes only real UUIDs as applicant ids', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(hubApplicationSchema.safeParse({ applicant: `city:${id}` }).success).toBe(true);
    for (const applicant of [
      `city:${'-'.repeat(36)}`,
      `city:${'0'.repeat(36)}`,
      `organization:${id}:extra`,
      `region:${id}`,
      `city:${id.toUpperCase().replace('F', 'G')}`,
    ])
      expect(hubApplicationSchema.safeParse({ applicant }).success, applicant).toBe(false);
  });

  it('answers a NUL byte in a search parameter as a bad parameter', () => {
    for (const param of ['q', 'country', 'theme', 'hub']) {
      const params = new URLSearchParams({ [param]: 'austria\u0000' });
      const strict = readSearchParamsStrict(params);
      expect(strict.ok, param).toBe(false);
      expect(readSearchParamsLenient(params).invalid, param).toEqual([param]);
    }
  });

  it('knows control characters from text, including lone surrogates', () => {
    expect(hasControlCharacters('Wien 😀 é')).toBe(false);
    expect(
      hasControlCharacters('line\nbreak\tand tab', { allowTab: true, allowLineBreaks: true }),
    ).toBe(false);
    for (const bad of ['a\u0000', 'a\u0007', 'a\u007f', 'a\u0085', 'a\ud800', '\udc00b', 'x\n'])
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
  });
});
