import { sqlSitemapSource } from '../sitemap/sitemap-source';

/**
 * The directory's public pages: the page of each verified organization (the
 * only public ones, as RLS says: "Verified organizations are visible to
 * visitors"), partner matching and the start of an organization's
 * registration (which explains it to visitors). Contact forms, management
 * and the registration's steps are for signed-in people and say `noindex`.
 */
export const sitemapSource = sqlSitemapSource(
  'organizations',
  `select '/directory/' || slug as path, updated_at as "lastModified"
     from public.organizations where status = 'verified'
   union all
   select fixed.path, null::timestamptz from (values ('/directory/match'), ('/register/organization')) as fixed (path)`,
);
