import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

/** Validates an RSS 2.0 document the way a feed reader would need it. */
export function parseRss(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(
    xml,
  );
  expect(doc.rss['@_version']).toBe('2.0');
  const channel = doc.rss.channel;
  for (const field of ['title', 'link', 'description'])
    expect(channel[field], `channel.${field}`).toBeTruthy();
  const items = (channel.item ?? []) as Record<string, string | { '#text': string }>[];
  for (const item of items) {
    expect(item.title).toBeTruthy();
    expect(String(item.link)).toMatch(/^https?:\/\//);
    expect(new Date(String(item.pubDate)).toString()).not.toBe('Invalid Date');
    expect(String(item.pubDate)).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
  }
  return { channel, items };
}
