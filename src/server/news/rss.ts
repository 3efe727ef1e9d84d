import { createHash } from 'node:crypto';
import { absolutizeMediaUrls, renderRichText } from '../rich-text/render-rich-text';
import type { FeedNewsItem } from './queries';
import { escapeXml } from '../../lib/feeds/xml';

export { escapeXml };

export interface RssChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel=self). */
  self: string;
  origin: string;
  language: string;
}

const renderedBodies = new Map<string, string>();

/**
 * An item's body as sanitised HTML, rendered once per content: rendering rich
 * text is the costly part of a feed, and a feed shows the same items request
 * after request. Keyed by a digest of the stored document itself (rendering
 * is a pure function of it), not by `updated_at`, whose milliseconds two quick
 * edits can share.
 */
function renderedBody(item: FeedNewsItem): string {
  const key = createHash('sha256')
    .update(JSON.stringify(item.body ?? null))
    .digest('base64');
  let html = renderedBodies.get(key);
  if (html === undefined) {
    if (renderedBodies.size >= 500) renderedBodies.clear();
    html = renderRichText(item.body);
    renderedBodies.set(key, html);
  }
  return html;
}

/**
 * Builds an RSS 2.0 document for published news. Each item carries the
 * sanitised HTML body (escaped, with absolute image URLs) as its description,
 * a permanent guid and the RFC 822 publication date.
 */
export function buildRssFeed(channel: RssChannel, items: readonly FeedNewsItem[]): string {
  const lastBuild = items[0]?.publishedAt ?? new Date(0);
  const entries = items.map((item) => {
    const url = `${channel.origin}/news/${item.slug}`;
    const body = absolutizeMediaUrls(renderedBody(item), channel.origin);
    const description = item.summary ? `<p>${escapeXml(item.summary)}</p>${body}` : body;
    return [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `      <pubDate>${(item.publishedAt ?? new Date()).toUTCString()}</pubDate>`,
      `      <category>${escapeXml(item.hubName)}</category>`,
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
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
