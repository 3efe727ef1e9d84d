import type { APIRoute } from 'astro';
import { buildICalendar } from '../server/events/icalendar';
import { listEventsForCalendar } from '../server/events/queries';

/** iCalendar feed of all hubs' published events (subscribe in a calendar app). */
export const GET: APIRoute = async ({ locals, url }) => {
  const { t } = locals.i18n;
  const events = await listEventsForCalendar(locals.db, null);
  const body = buildICalendar(
    {
      name: `${t('events.title')} · ${t('site.name')}`,
      origin: url.origin,
      uidDomain: url.hostname,
    },
    events,
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
