import type { APIRoute } from 'astro';
import { buildNoticesRss } from '../../server/procurement/feeds';
import { listOpenNotices } from '../../server/procurement/queries';

/** RSS 2.0 feed of the market-engagement notices open now. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { t, formatDate } = locals.i18n;
  const notices = await listOpenNotices(locals.db, 100);
  const xml = buildNoticesRss(
    {
      title: `${t('procurement.title')} · ${t('site.name')}`,
      description: t('procurement.lead'),
      link: `${url.origin}/procurement?open=1`,
      self: `${url.origin}/procurement/rss.xml`,
      origin: url.origin,
      language: locals.i18n.locale,
    },
    notices,
    (notice) =>
      t('procurement.card.deadline', {
        date: `${formatDate(notice.deadline, { dateStyle: 'long', timeStyle: 'short' })} UTC`,
      }),
  );
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
