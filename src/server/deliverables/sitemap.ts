import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** Published deliverables (RLS: "Published deliverables are visible to visitors"). */
export const sitemapSource = sqlSitemapSource(
  'deliverables',
  `select '/deliverables/' || slug as path, updated_at as "lastModified"
     from public.deliverables where published`,
);
