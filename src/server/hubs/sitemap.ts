import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** Every hub page (all hubs are public). */
export const sitemapSource = sqlSitemapSource(
  'hubs',
  `select '/hubs/' || slug as path, updated_at as "lastModified" from public.hubs`,
);
