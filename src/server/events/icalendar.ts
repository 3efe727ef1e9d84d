import { richTextToPlainText } from '../../lib/rich-text/document-schema';
import type { RichTextNode } from '../../lib/rich-text/document-schema';
import type { EventDetail } from './queries';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeIcsText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start
 * with one space, and a multi-byte UTF-8 character is never split.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    // The character's UTF-8 length from its code point (encoding each one
    // allocated an array per character: most of a 200-event feed's time).
    const size = utf8Length(char.codePointAt(0)!);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** A UTC DATE-TIME value: 20261129T093000Z. */
export function formatIcsUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function uri(value: string): string {
  return value.replace(/[\r\n]/g, '');
}

export interface CalendarOptions {
  /** Calendar name shown by calendar apps. */
  name: string;
  origin: string;
  /** Host name used in UIDs so they stay globally unique. */
  uidDomain: string;
}

/**
 * Builds an iCalendar (RFC 5545) document for events: CRLF line ends, folded
 * lines, escaped text, times in UTC (the event's own time zone is named in
 * the description and in X-PORTAL-TZID, since TZID would need a VTIMEZONE).
 */
export function buildICalendar(options: CalendarOptions, events: readonly EventDetail[]): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//U4SSC Hub Portal//Hub events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
  ];
  for (const event of events) {
    const url = `${options.origin}/events/${event.slug}`;
    const location =
      [event.venueName, event.venueAddress].filter(Boolean).join(', ') || event.onlineUrl || '';
    const description = [
      event.summary,
      richTextToPlainText((event.description ?? { type: 'doc' }) as RichTextNode),
      event.onlineUrl ? `Online: ${event.onlineUrl}` : '',
      event.registrationMode === 'external' && event.registrationUrl
        ? `Registration: ${event.registrationUrl}`
        : '',
      `Time zone: ${event.timeZone}`,
      url,
    ]
      .filter(Boolean)
      .join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${options.uidDomain}`,
      `DTSTAMP:${formatIcsUtc(event.updatedAt)}`,
      `LAST-MODIFIED:${formatIcsUtc(event.updatedAt)}`,
      `DTSTART:${formatIcsUtc(event.startsAt)}`,
      `DTEND:${formatIcsUtc(event.endsAt.getTime() > event.startsAt.getTime() ? event.endsAt : new Date(event.startsAt.getTime() + 3600_000))}`,
      `SUMMARY:${escapeIcsText(event.title)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      ...(location ? [`LOCATION:${escapeIcsText(location)}`] : []),
      `URL:${uri(url)}`,
      `CATEGORIES:${escapeIcsText(event.hubName)}`,
      `X-PORTAL-TZID:${escapeIcsText(event.timeZone)}`,
      'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
