import { mainNavigation } from '../../lib/navigation';
import { staticSitemapSource } from './sitemap-source';

/**
 * The public pages that exist once, whatever the data: the home page, every
 * section of the main navigation (so a new section is listed when it joins
 * the menu) and the pages linked from the footer.
 */
export const staticPagesSitemapSource = staticSitemapSource('pages', [
  '/',
  ...mainNavigation.map((item) => item.href),
  '/accessibility',
  '/privacy',
  '/terms',
  '/contact',
]);
