import { escapeIcsText, foldIcsLine, formatIcsUtc } from '../../lib/feeds/icalendar-text';
import { escapeXml } from '../../lib/feeds/xml';
import type { OpenNotice } from './queries';

/**
 * The feeds of market-engagement notices: RSS 2.0 of the open ones, and an
 * iCalendar (RFC 5545) of their deadlines, built as the news feed and the
 * events calendar are (`src/lib/feeds`).
 */
export interface FeedChannel {
  title: string;
  description: string;
  link: string;
  self: string;
  origin: string;
  language: string;
}

/** RSS 2.0 of open notices: title, the problem, the city and the deadline, a permanent guid. */
export function buildNoticesRss(
  channel: FeedChannel,
  notices: readonly OpenNotice[],
  deadlineText: (notice: OpenNotice) => string,
): string {
  const lastBuild = notices.reduce<Date>(
    (max, n) => (n.updatedAt > max ? n.updatedAt : max),
    new Date(0),
  );
  const items = notices.map((notice) => {
    const url = `${channel.origin}/procurement/${notice.id}`;
    const description = `<p>${escapeXml(notice.problemStatement)}</p><p>${escapeXml(deadlineText(notice))}</p>`;
    return [
      '    <item>',
      `      <title>${escapeXml(`${notice.cityName}: ${notice.title}`)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <pubDate>${notice.publishedAt.toUTCString()}</pubDate>`,
      `      <category>${escapeXml(notice.cityName)}</category>`,
      `      <description>${escapeXml(description)}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.link)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    `    <language>${escapeXml(channel.language)}</language>`,
    `    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/**
 * An iCalendar of notice deadlines: one all-day-free event per notice, at
 * its deadline (30 minutes), with a reminder a week before.
 */
export function buildDeadlinesCalendar(
  options: { name: string; origin: string; uidDomain: string; summaryPrefix: string },
  notices: readonly OpenNotice[],
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//U4SSC Hub Portal//Procurement deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(options.name)}`,
  ];
  for (const notice of notices) {
    const url = `${options.origin}/procurement/${notice.id}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:procurement-deadline-${notice.id}@${options.uidDomain}`,
      `DTSTAMP:${formatIcsUtc(notice.updatedAt)}`,
      `LAST-MODIFIED:${formatIcsUtc(notice.updatedAt)}`,
      `DTSTART:${formatIcsUtc(new Date(notice.deadline.getTime() - 30 * 60_000))}`,
      `DTEND:${formatIcsUtc(notice.deadline)}`,
      `SUMMARY:${escapeIcsText(`${options.summaryPrefix}: ${notice.title} (${notice.cityName})`)}`,
      `DESCRIPTION:${escapeIcsText(`${notice.problemStatement}\n\n${url}`)}`,
      `URL:${url.replace(/[\r\n]/g, '')}`,
      `CATEGORIES:${escapeIcsText(notice.cityName)}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:-P7D',
      `DESCRIPTION:${escapeIcsText(notice.title)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
