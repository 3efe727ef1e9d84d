import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import type { NoticeWording } from '../mail/notices';
import { publicationFieldsSchema, resolvePublishedAt } from '../publishing/publication';
import { parseEventForm } from './event-form';
import { createEvent, updateEvent, type SaveEventOutcome } from './save-event';
import { instantToWallTime } from '../../lib/time-zone';
import type { EventDetail } from './queries';

/**
 * The publication fields of the event form. The event has one time zone, the
 * one its start and end are in: a scheduled publication time is read in it
 * too, so the form shows one "Time zone" select, not two.
 */
function publicationFields(fields: Record<string, string>) {
  return publicationFieldsSchema.parse({ ...fields, publish_tz: fields.time_zone ?? 'UTC' });
}

/** Validates and creates an event from the "create an event" form. */
export async function submitNewEvent(input: {
  db: RequestDb;
  userId: string;
  fields: Record<string, string>;
  allowedHubIds: readonly string[];
}): Promise<SaveEventOutcome> {
  const errors: FieldError[] = [];
  const hubId = input.fields.hub ?? '';
  if (!input.allowedHubIds.includes(hubId))
    errors.push({ field: 'hub', message: 'news.form.error.hub' });
  const parsed = parseEventForm(input.fields);
  if (!parsed.ok) errors.push(...parsed.errors);
  const publication = resolvePublishedAt(publicationFields(input.fields), null);
  if (!publication.ok) errors.push({ field: publication.field, message: publication.message });
  if (errors.length > 0 || !parsed.ok || !publication.ok) return { ok: false, errors };
  return createEvent(input.db, {
    hubId,
    userId: input.userId,
    event: parsed.input,
    publishedAt: publication.publishedAt,
  });
}

/** Validates and saves the edit form of an existing event. */
export async function submitEventChanges(input: {
  db: RequestDb;
  fields: Record<string, string>;
  event: Pick<EventDetail, 'id' | 'publishedAt'>;
  wording: NoticeWording;
}): Promise<SaveEventOutcome> {
  const errors: FieldError[] = [];
  const parsed = parseEventForm(input.fields);
  if (!parsed.ok) errors.push(...parsed.errors);
  const publication = resolvePublishedAt(publicationFields(input.fields), input.event.publishedAt);
  if (!publication.ok) errors.push({ field: publication.field, message: publication.message });
  if (errors.length > 0 || !parsed.ok || !publication.ok) return { ok: false, errors };
  return updateEvent(
    input.db,
    { id: input.event.id, event: parsed.input, publishedAt: publication.publishedAt },
    input.wording,
  );
}

/** The form values that show a stored event in the edit form. */
export function eventFormValues(event: EventDetail): Record<string, string> {
  return {
    title: event.title,
    summary: event.summary,
    time_zone: event.timeZone,
    starts_at: instantToWallTime(event.startsAt, event.timeZone).slice(0, 16),
    ends_at: instantToWallTime(event.endsAt, event.timeZone).slice(0, 16),
    online_url: event.onlineUrl ?? '',
    venue_name: event.venueName ?? '',
    venue_address: event.venueAddress ?? '',
    registration_mode: event.registrationMode,
    registration_url: event.registrationUrl ?? '',
    capacity: event.capacity ? String(event.capacity) : '',
  };
}
