import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** The page of each U4SSC KPI. */
export const sitemapSource = sqlSitemapSource(
  'kpis',
  `select '/kpis/' || slug as path, updated_at as "lastModified" from public.kpis`,
);
