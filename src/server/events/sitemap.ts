import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** Published events, past ones included (RLS: "Published events are visible to visitors"). */
export const sitemapSource = sqlSitemapSource(
  'events',
  `select '/events/' || slug as path, updated_at as "lastModified"
     from public.events where published_at <= now()`,
);
