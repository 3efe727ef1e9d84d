import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sendNotices, type NoticeWording } from '../mail/notices';
import { insertWithUniqueSlug } from '../db/insert-with-unique-slug';
import type { EventInput } from './event-form';

export type SaveEventOutcome =
  { ok: true; slug: string; id: string } | { ok: false; errors: FieldError[] };

function values(event: EventInput) {
  return [
    event.title,
    event.summary,
    JSON.stringify(event.description),
    event.startsAt,
    event.endsAt,
    event.timeZone,
    event.onlineUrl,
    event.venueName,
    event.venueAddress,
    event.registrationMode,
    event.registrationUrl,
    event.capacity,
  ];
}

/**
 * Creates an event for a hub (draft, published now or scheduled). RLS
 * decides whether the caller may; a refusal is reported on the hub field.
 */
export async function createEvent(
  db: RequestDb,
  input: { hubId: string; userId: string; event: EventInput; publishedAt: Date | null | 'now' },
): Promise<SaveEventOutcome> {
  try {
    const row = await insertWithUniqueSlug(db, input.event.title, async (tx, slug) => {
      const [inserted] = await tx.query<{ id: string; slug: string }>(
        `insert into public.events (title, summary, description, starts_at, ends_at, time_zone, online_url, venue_name,
           venue_address, registration_mode, registration_url, capacity, hub_id, slug, created_by, published_at)
         values ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                 case when $16::boolean then now() else $17::timestamptz end)
         returning id, slug`,
        [
          ...values(input.event),
          input.hubId,
          slug,
          input.userId,
          input.publishedAt === 'now',
          input.publishedAt === 'now' ? null : input.publishedAt,
        ],
      );
      return inserted!;
    });
    return { ok: true, slug: row.slug, id: row.id };
  } catch (error) {
    if ((error as { code?: string }).code === '42501') {
      return { ok: false, errors: [{ field: 'hub', message: 'events.form.error.hubForbidden' }] };
    }
    return refusedByDatabase(error);
  }
}

/**
 * The database's own refusal of a value the form accepted (the trigger knows
 * the time zones Postgres has, which can differ from the runtime's list), as
 * a field error; anything else is rethrown.
 */
function refusedByDatabase(error: unknown): SaveEventOutcome {
  const { code, message } = error as { code?: string; message?: string };
  if (code === '22023' && message?.includes('time zone'))
    return { ok: false, errors: [{ field: 'time_zone', message: 'events.form.error.timeZone' }] };
  throw error;
}

/**
 * Saves changes to an event; RLS limits it to the hub's coordinators and
 * admins. More places move people up from the waiting list (a trigger), who
 * are told by mail.
 */
export async function updateEvent(
  db: RequestDb,
  input: { id: string; event: EventInput; publishedAt: Date | null | 'now' },
  wording: NoticeWording,
): Promise<SaveEventOutcome> {
  let rows: { id: string; slug: string }[];
  try {
    rows = await db.savepoint((tx) =>
      tx.query<{ id: string; slug: string }>(
        `update public.events set title = $1, summary = $2, description = $3::text::jsonb, starts_at = $4, ends_at = $5,
            time_zone = $6, online_url = $7, venue_name = $8, venue_address = $9, registration_mode = $10,
            registration_url = $11, capacity = $12,
            published_at = case when $14::boolean then now() else $15::timestamptz end
      where id = $13 returning id, slug`,
        [
          ...values(input.event),
          input.id,
          input.publishedAt === 'now',
          input.publishedAt === 'now' ? null : input.publishedAt,
        ],
      ),
    );
  } catch (error) {
    return refusedByDatabase(error);
  }
  if (rows.length === 0)
    return { ok: false, errors: [{ field: 'form', message: 'events.form.error.forbidden' }] };
  await sendNotices(db, wording);
  return { ok: true, slug: rows[0]!.slug, id: rows[0]!.id };
}
