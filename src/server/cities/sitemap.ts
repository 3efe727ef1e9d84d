import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** Every city page (all cities are public). */
export const sitemapSource = sqlSitemapSource(
  'cities',
  `select '/cities/' || slug as path, updated_at as "lastModified" from public.cities`,
);
