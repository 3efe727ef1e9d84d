import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, formatIcsUtc } from '../../src/server/events/icalendar';
import { instantToWallTime, wallTimeToInstant } from '../../src/lib/time-zone';
import { escapeXml } from '../../src/server/news/rss';

describe('feed formatting', () => {
  it('escapes iCalendar TEXT values (RFC 5545 §3.3.11)', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    for (const line of [`SUMMARY:${'ö'.repeat(100)}`, `SUMMARY:${'aö€😀'.repeat(40)}`]) {
      const folded = foldIcsLine(line).split('\r\n');
      for (const part of folded)
        expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      // Full lines: no fold leaves room for the next character.
      expect(new TextEncoder().encode(folded[0]!).length).toBeGreaterThan(71);
      expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
      expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    }
  });

  it('writes UTC date-times', () => {
    expect(formatIcsUtc(new Date('2031-06-15T07:00:00.123Z'))).toBe('20310615T070000Z');
  });

  it('escapes XML and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('converts wall-clock times in named zones both ways, across DST', () => {
    // 02:30 happens twice when Vienna falls back: the second (standard-time) one is chosen.
    expect(wallTimeToInstant('2031-10-26T02:30', 'Europe/Vienna')?.toISOString()).toBe(
      '2031-10-26T01:30:00.000Z',
    );
    expect(wallTimeToInstant('2031-03-30T03:30', 'Europe/Vienna')?.toISOString()).toBe(
      '2031-03-30T01:30:00.000Z',
    );
    expect(wallTimeToInstant('2031-07-01T12:00:30', 'America/Lima')?.toISOString()).toBe(
      '2031-07-01T17:00:30.000Z',
    );
    expect(instantToWallTime(new Date('2031-07-01T10:00:00Z'), 'Europe/Vienna')).toBe(
      '2031-07-01T12:00:00',
    );
    expect(wallTimeToInstant('not a time', 'UTC')).toBeNull();
    expect(wallTimeToInstant('2031-07-01T12:00', 'Nowhere/City')).toBeNull();
  });
});
