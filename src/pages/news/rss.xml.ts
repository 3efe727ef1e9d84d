import type { APIRoute } from 'astro';
import { buildRssFeed } from '../../server/news/rss';
import { listNewsForFeed } from '../../server/news/queries';

/** RSS 2.0 feed of all hubs' published news. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { t } = locals.i18n;
  const items = await listNewsForFeed(locals.db, null);
  const xml = buildRssFeed(
    {
      title: `${t('news.title')} · ${t('site.name')}`,
      description: t('news.lead'),
      link: `${url.origin}/news`,
      self: `${url.origin}/news/rss.xml`,
      origin: url.origin,
      language: locals.i18n.locale,
    },
    items,
  );
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
