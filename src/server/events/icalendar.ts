import { richTextToPlainText } from '../../lib/rich-text/document-schema';
import type { RichTextNode } from '../../lib/rich-text/document-schema';
import type { EventDetail } from './queries';
import { escapeIcsText, foldIcsLine, formatIcsUtc } from '../../lib/feeds/icalendar-text';

export { escapeIcsText, foldIcsLine, formatIcsUtc };

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
