import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { richTextDocumentSchema } from '../../lib/rich-text/document-schema';
import type { Queryable } from '../db/types';
import { wallTimeToInstant } from '../../lib/time-zone';
import { demoUserId } from './seed-demo';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** `supabase/seed/demo-news-events.json`: invented news and events, dated relative to the seed run. */
export const demoNewsEventsSchema = z.object({
  about: z.string(),
  news: z.array(
    z.object({
      slug,
      hub: slug,
      author: slug,
      title: z.string().min(3),
      summary: z.string(),
      publishedDaysAgo: z.number().int().nullable(),
      body: richTextDocumentSchema,
    }),
  ),
  events: z.array(
    z.object({
      slug,
      hub: slug,
      author: slug,
      title: z.string().min(3),
      summary: z.string(),
      startsInDays: z.number().int(),
      startTime: z.string().regex(/^\d{2}:\d{2}$/),
      durationHours: z.number().positive(),
      timeZone: z.string(),
      venueName: z.string().nullable(),
      venueAddress: z.string().nullable(),
      onlineUrl: z.url().nullable(),
      registrationMode: z.enum(['none', 'external', 'internal']),
      registrationUrl: z.url().nullable(),
      capacity: z.number().int().positive().nullable(),
      description: richTextDocumentSchema,
    }),
  ),
});
export type DemoNewsEvents = z.infer<typeof demoNewsEventsSchema>;

/**
 * Loads the demo news and events (is_demo = true) from
 * `<seedDir>/demo-news-events.json` for hubs already seeded. Upserts by slug;
 * re-running keeps publication dates of existing news (so no revision churn)
 * and moves demo events to their relative dates again.
 */
export async function seedNewsAndEvents(
  db: Queryable,
  seedDir: string,
): Promise<{ news: number; events: number }> {
  const demo = demoNewsEventsSchema.parse(
    JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-news-events.json'), 'utf8')),
  );
  const hubRows = await db.query<{ slug: string; id: string }>('select slug, id from public.hubs');
  const hubIds = new Map(hubRows.map((row) => [row.slug, row.id]));
  const hub = (key: string) => {
    const id = hubIds.get(key);
    if (!id) throw new Error(`Demo news/event names unknown hub ${key}`);
    return id;
  };
  const day = 24 * 3600 * 1000;
  for (const item of demo.news) {
    const publishedAt =
      item.publishedDaysAgo === null ? null : new Date(Date.now() - item.publishedDaysAgo * day);
    await db.query(
      `insert into public.news_items (hub_id, slug, title, summary, body, published_at, author_id, updated_by, is_demo)
       values ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $7, true)
       on conflict (slug) do update set title = excluded.title, summary = excluded.summary, body = excluded.body, is_demo = true`,
      [
        hub(item.hub),
        item.slug,
        item.title,
        item.summary,
        JSON.stringify(item.body),
        publishedAt,
        demoUserId(item.author),
      ],
    );
  }
  for (const event of demo.events) {
    const date = new Date(Date.now() + event.startsInDays * day).toISOString().slice(0, 10);
    const startsAt = wallTimeToInstant(`${date}T${event.startTime}`, event.timeZone);
    if (!startsAt) throw new Error(`Demo event ${event.slug} has an invalid time or time zone`);
    const endsAt = new Date(startsAt.getTime() + event.durationHours * 3600 * 1000);
    await db.query(
      `insert into public.events (hub_id, slug, title, summary, description, starts_at, ends_at, time_zone, online_url,
         venue_name, venue_address, registration_mode, registration_url, capacity, published_at, created_by, updated_by, is_demo)
       values ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, now() - interval '60 days', $15, $15, true)
       on conflict (slug) do update set title = excluded.title, summary = excluded.summary, description = excluded.description,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at, time_zone = excluded.time_zone,
         online_url = excluded.online_url, venue_name = excluded.venue_name, venue_address = excluded.venue_address,
         registration_mode = excluded.registration_mode, registration_url = excluded.registration_url,
         capacity = excluded.capacity, is_demo = true`,
      [
        hub(event.hub),
        event.slug,
        event.title,
        event.summary,
        JSON.stringify(event.description),
        startsAt,
        endsAt,
        event.timeZone,
        event.onlineUrl,
        event.venueName,
        event.venueAddress,
        event.registrationMode,
        event.registrationUrl,
        event.capacity,
        demoUserId(event.author),
      ],
    );
  }
  return { news: demo.news.length, events: demo.events.length };
}
