import type { APIRoute } from 'astro';
import { slugSchema } from '../../../lib/slug';
import { buildICalendar } from '../../../server/events/icalendar';
import { findEvent } from '../../../server/events/queries';

/** "Add to calendar": one published event as an iCalendar file. */
export const GET: APIRoute = async ({ params, locals, url }) => {
  const slug = slugSchema.safeParse(params.slug);
  const event = slug.success ? await findEvent(locals.db, slug.data) : null;
  if (!event || event.state !== 'published') return new Response(null, { status: 404 });
  const body = buildICalendar({ name: event.title, origin: url.origin, uidDomain: url.hostname }, [
    event,
  ]);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}.ics"`,
    },
  });
};
