import { sqlSitemapSource } from '../sitemap/sitemap-source';

/** The pages of verified organizations, the only public ones (RLS: "Verified organizations are visible to visitors"). */
export const sitemapSource = sqlSitemapSource(
  'organizations',
  `select '/directory/' || slug as path, updated_at as "lastModified"
     from public.organizations where status = 'verified'`,
);
