import type { APIRoute } from 'astro';
import { getConfig } from '../../server/config';
import { buildSitemapFile } from '../../server/sitemap/build-sitemap';
import { listSitemapSources } from '../../server/sitemap/registry';

/** One file of the sitemap index (`/sitemaps/news-2.xml`), once the site outgrows one sitemap. */
export const GET: APIRoute = async ({ locals, params }) => {
  const xml = await buildSitemapFile(locals.db, listSitemapSources(), params.file ?? '', {
    siteUrl: getConfig().server.siteUrl,
  });
  if (xml === null) return new Response(null, { status: 404 });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
