import type { APIRoute } from 'astro';
import { getConfig } from '../server/config';

/**
 * What crawlers may visit: every public page, not the account, admin,
 * development and API routes, nor search results (a page per query would
 * flood an index). Pages for signed-in people also say `noindex` themselves.
 */
export const GET: APIRoute = () => {
  const site = getConfig().server.siteUrl.replace(/\/+$/, '');
  const body = [
    'User-agent: *',
    'Disallow: /account',
    'Disallow: /admin',
    'Disallow: /dev/',
    'Disallow: /api/',
    'Disallow: /search',
    '',
    `Sitemap: ${site}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
