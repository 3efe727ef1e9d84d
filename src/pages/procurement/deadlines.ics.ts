import type { APIRoute } from 'astro';
import { buildDeadlinesCalendar } from '../../server/procurement/feeds';
import { listNoticeDeadlines } from '../../server/procurement/queries';

/** iCalendar of the deadlines of published notices (subscribe in a calendar app). */
export const GET: APIRoute = async ({ locals, url }) => {
  const { t } = locals.i18n;
  const body = buildDeadlinesCalendar(
    {
      name: `${t('procurement.title')} · ${t('site.name')}`,
      origin: url.origin,
      uidDomain: url.hostname,
      summaryPrefix: t('procurement.notice.deadline'),
    },
    await listNoticeDeadlines(locals.db),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
