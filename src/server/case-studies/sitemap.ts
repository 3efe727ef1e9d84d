import { sqlSitemapSource } from '../sitemap/sitemap-source';

/**
 * The case studies' public pages: each published case study (the only
 * state visitors may read, as RLS says: "Published case studies are visible
 * to visitors") and `/peers`. The listing is in the main navigation; the
 * editor, review, history and manage pages are for their editors and
 * reviewers only.
 */
export const sitemapSource = sqlSitemapSource(
  'case-studies',
  `select '/case-studies/' || slug as path, updated_at as "lastModified"
     from public.case_studies where status = 'published'
   union all
   select '/peers', null::timestamptz`,
);
