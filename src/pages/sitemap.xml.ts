import type { APIRoute } from 'astro';
import { getConfig } from '../server/config';
import { buildSitemap } from '../server/sitemap/build-sitemap';
import { listSitemapSources } from '../server/sitemap/registry';

/** Every public page, from the sitemap's per-domain sources (docs/public-pages.md). */
export const GET: APIRoute = async ({ locals }) => {
  const xml = await buildSitemap(locals.db, listSitemapSources(), {
    siteUrl: getConfig().server.siteUrl,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
