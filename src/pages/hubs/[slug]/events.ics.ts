import type { APIRoute } from 'astro';
import { slugSchema } from '../../../lib/slug';
import { buildICalendar } from '../../../server/events/icalendar';
import { listEventsForCalendar } from '../../../server/events/queries';
import { findHub } from '../../../server/hubs/queries';

/** iCalendar feed of one hub's published events. */
export const GET: APIRoute = async ({ params, locals, url }) => {
  const slug = slugSchema.safeParse(params.slug);
  const hub = slug.success ? await findHub(locals.db, slug.data) : null;
  if (!hub) return new Response(null, { status: 404 });
  const events = await listEventsForCalendar(locals.db, hub.id);
  const body = buildICalendar(
    { name: hub.name, origin: url.origin, uidDomain: url.hostname },
    events,
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
};
