import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** Published news, scheduled items once their time has come (RLS: "Published news is visible to visitors"). */
export const sitemapSource = sqlSitemapSource(
  'news',
  `select '/news/' || slug as path, updated_at as "lastModified"
     from public.news_items where published_at <= now()`,
);
