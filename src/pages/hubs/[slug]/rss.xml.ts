import type { APIRoute } from 'astro';
import { slugSchema } from '../../../lib/slug';
import { findHub } from '../../../server/hubs/queries';
import { listNewsForFeed } from '../../../server/news/queries';
import { buildRssFeed } from '../../../server/news/rss';

/** RSS 2.0 feed of one hub's published news. */
export const GET: APIRoute = async ({ params, locals, url }) => {
  const slug = slugSchema.safeParse(params.slug);
  const hub = slug.success ? await findHub(locals.db, slug.data) : null;
  if (!hub) return new Response(null, { status: 404 });
  const items = await listNewsForFeed(locals.db, hub.id);
  const xml = buildRssFeed(
    {
      title: `${hub.name} · ${locals.i18n.t('news.title')}`,
      description: hub.summary || hub.name,
      link: `${url.origin}/hubs/${hub.slug}`,
      self: `${url.origin}/hubs/${hub.slug}/rss.xml`,
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
