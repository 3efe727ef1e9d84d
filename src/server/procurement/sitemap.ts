import { sqlSitemapSource } from '../sitemap/sitemap-source';

/**
 * Procurement's public pages: each published process (its timeline; RLS:
 * "Published procurement processes are visible to visitors") and the page
 * about the open contracting data. The listing is in the main navigation;
 * the editor's pages and the dashboards are for signed-in people
 * (`noindex`); the feeds and the OCDS endpoints are not pages.
 */
export const sitemapSource = sqlSitemapSource(
  'procurement',
  `select '/procurement/' || id as path, updated_at as "lastModified"
     from public.procurement_processes where published_at is not null
   union all
   select '/procurement/about-the-data', null::timestamptz`,
);
