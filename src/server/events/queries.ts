import type { Queryable } from '../db/types';
import { publicationState, type PublicationState } from '../publishing/publication';
import { hubFacetLimit, listingCountCap } from '../../lib/listing/facets';

export type RegistrationMode = 'none' | 'external' | 'internal';

export interface EventSummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  onlineUrl: string | null;
  venueName: string | null;
  isDemo: boolean;
  hubSlug: string;
  hubName: string;
  publishedAt: Date | null;
  registrationMode: RegistrationMode;
  capacity: number | null;
  /** Confirmed registrations, for events with places on the portal (cards say how many are left); else null. */
  confirmedCount: number | null;
}

export interface EventDetail extends EventSummary {
  hubId: string;
  description: unknown;
  venueAddress: string | null;
  registrationMode: RegistrationMode;
  registrationUrl: string | null;
  capacity: number | null;
  updatedAt: Date;
  state: PublicationState;
}

const summaryColumns = `e.id, e.slug, e.title, e.summary, e.starts_at as "startsAt", e.ends_at as "endsAt",
  e.time_zone as "timeZone", e.online_url as "onlineUrl", e.venue_name as "venueName", e.is_demo as "isDemo",
  h.slug as "hubSlug", h.name as "hubName", e.published_at as "publishedAt",
  e.registration_mode as "registrationMode", e.capacity,
  case when e.registration_mode = 'internal' and e.capacity is not null
    then (select c.confirmed from public.event_registration_counts(e.id) c) end as "confirmedCount"`;
const detailColumns = `${summaryColumns}, e.hub_id as "hubId", e.description, e.venue_address as "venueAddress",
  e.registration_url as "registrationUrl", e.updated_at as "updatedAt"`;
const from = 'from public.events e join public.hubs h on h.id = e.hub_id';
const published = 'e.published_at <= now()';

export const eventPageSize = 12;
export type EventWhen = 'upcoming' | 'past';

/** Published events, upcoming (soonest first) or past (latest first), optionally for one hub. */
export async function listEvents(
  db: Queryable,
  filters: { when: EventWhen; hub?: string; page: number },
) {
  const params: unknown[] = [];
  let where = `where ${published} and ${filters.when === 'upcoming' ? 'e.ends_at >= now()' : 'e.ends_at < now()'}`;
  if (filters.hub) {
    params.push(filters.hub);
    where += ` and h.slug = $${params.length}`;
  }
  const order = filters.when === 'upcoming' ? 'e.starts_at asc' : 'e.starts_at desc';
  // Pages stop at the count's cap: the offset never walks more rows than that.
  const page = Math.min(filters.page, Math.ceil(listingCountCap / eventPageSize));
  const offset = (page - 1) * eventPageSize;
  const when = filters.when === 'upcoming' ? 'e.ends_at >= now()' : 'e.ends_at < now()';
  const [items, [total], hubFacet] = await Promise.all([
    db.query<EventSummary>(
      `select ${summaryColumns} ${from} ${where} order by ${order}, e.id limit ${eventPageSize} offset ${offset}`,
      params,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from (select 1 ${from} ${where} limit ${listingCountCap}) capped`,
      params,
    ),
    // Per hub, through the (hub_id, starts_at) index, each count capped.
    db.query<{ value: string; label: string; count: number }>(
      `select h.slug as value, h.name as label, c.count
         from public.hubs h
         cross join lateral (
           select count(*)::int as count from (
             select 1 from public.events e where e.hub_id = h.id and ${published} and ${when}
              limit ${listingCountCap}
           ) capped) c
        where c.count > 0
        order by h.is_demo, h.name limit ${hubFacetLimit}`,
    ),
  ]);
  return {
    items,
    total: total?.n ?? 0,
    page,
    pageSize: eventPageSize,
    facets: { hub: hubFacet },
  };
}

/** The next published events of a hub (hub page) or of all hubs (home page, hubId null). */
export function listUpcomingEvents(
  db: Queryable,
  hubId: string | null,
  limit = 3,
): Promise<EventSummary[]> {
  return db.query<EventSummary>(
    `select ${summaryColumns} ${from} where ${published} and e.ends_at >= now() and ($1::uuid is null or e.hub_id = $1::uuid)
      order by e.starts_at, e.id limit ${Math.min(Math.max(limit, 1), 50)}`,
    [hubId],
  );
}

/**
 * Published events for a calendar feed, for all hubs or one: those that ended
 * in the last 90 days and later ones, soonest first, at most 200 (the
 * render cache expires the feed when an event leaves this window:
 * `private.next_event_visibility_change`).
 */
export function listEventsForCalendar(db: Queryable, hubId: string | null): Promise<EventDetail[]> {
  return db
    .query<Omit<EventDetail, 'state'>>(
      `select ${detailColumns} ${from}
        where ${published} and e.ends_at >= now() - interval '90 days' and ($1::uuid is null or e.hub_id = $1::uuid)
        order by e.starts_at, e.id limit 200`,
      [hubId],
    )
    .then((rows) => rows.map((row) => ({ ...row, state: publicationState(row.publishedAt) })));
}

/** The event with this slug as the caller may see it (drafts for their coordinators), or null. */
export async function findEvent(db: Queryable, slug: string): Promise<EventDetail | null> {
  const [row] = await db.query<Omit<EventDetail, 'state'>>(
    `select ${detailColumns} ${from} where e.slug = $1`,
    [slug],
  );
  return row ? { ...row, state: publicationState(row.publishedAt) } : null;
}

export interface ManagedEvent extends EventSummary {
  state: PublicationState;
}

/** Every event of the hubs the caller coordinates, unpublished first. */
export async function listManagedEvents(db: Queryable): Promise<ManagedEvent[]> {
  const rows = await db.query<EventSummary>(
    `select ${summaryColumns} ${from}
      where (select public.is_platform_admin()) or public.is_hub_coordinator(e.hub_id)
      order by (e.published_at is null or e.published_at > now()) desc, e.starts_at desc limit 200`,
  );
  return rows.map((row) => ({ ...row, state: publicationState(row.publishedAt) }));
}

export interface RegistrationSummary {
  confirmed: number;
  waitlisted: number;
  /** The caller's own registration, if any. */
  mine: 'confirmed' | 'waitlisted' | null;
}

/** Places taken and the caller's own status for an event. */
export async function getRegistrationSummary(
  db: Queryable,
  eventId: string,
  userId: string | null,
): Promise<RegistrationSummary> {
  const [counts] = await db.query<{ confirmed: number; waitlisted: number }>(
    'select confirmed, waitlisted /* bounded: one row */ from public.event_registration_counts($1)',
    [eventId],
  );
  const [mine] = userId
    ? await db.query<{ status: 'confirmed' | 'waitlisted' }>(
        'select status /* bounded: one row per event and user */ from public.event_registrations where event_id = $1 and user_id = $2',
        [eventId, userId],
      )
    : [];
  return {
    confirmed: counts?.confirmed ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
    mine: mine?.status ?? null,
  };
}

export interface Registrant {
  displayName: string | null;
  status: 'confirmed' | 'waitlisted';
  createdAt: Date;
}

/** Who registered (RLS: the event's coordinators see everyone, others only themselves). */
export function listRegistrants(db: Queryable, eventId: string): Promise<Registrant[]> {
  return db.query<Registrant>(
    `select p.display_name as "displayName", r.status, r.created_at as "createdAt"
       from public.event_registrations r left join public.profiles p on p.id = r.user_id
      where r.event_id = $1 order by (r.status = 'confirmed') desc, r.created_at limit 2000`,
    [eventId],
  );
}

export interface EventToRun extends EventSummary {
  state: PublicationState;
  registrationMode: RegistrationMode;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
}

export interface EventsToRun {
  /** Drafts and scheduled events that have not ended, soonest first. */
  unpublished: { total: number; items: EventToRun[] };
  /** Published events that have not ended, soonest first, with their registrations. */
  upcoming: { total: number; items: EventToRun[] };
}

/**
 * What the coordinators of these hubs have to run: unpublished events and
 * upcoming published ones with places taken and people waiting, the first
 * `limit` of each and how many there are. For the "Your work" page; RLS
 * shows drafts and registrations to the hub's coordinators.
 */
export async function listEventsToRun(
  db: Queryable,
  hubIds: readonly string[],
  limit = 5,
): Promise<EventsToRun> {
  const result: EventsToRun = {
    unpublished: { total: 0, items: [] },
    upcoming: { total: 0, items: [] },
  };
  if (hubIds.length === 0) return result;
  const rows = await db.query<
    Omit<EventToRun, 'state'> & {
      kind: 'unpublished' | 'upcoming';
      total: number;
      position: number;
    }
  >(
    `select * from (
       select ${summaryColumns}, e.registration_mode as "registrationMode", e.capacity,
              coalesce(r.confirmed, 0) as confirmed, coalesce(r.waitlisted, 0) as waitlisted, s.kind,
              count(*) over (partition by s.kind)::integer as total,
              row_number() over (partition by s.kind order by e.starts_at, e.id) as position
         ${from}
         cross join lateral (
           select case when e.published_at is null or e.published_at > now() then 'unpublished'
                       else 'upcoming' end as kind
         ) s
         left join lateral (
           select count(*) filter (where x.status = 'confirmed')::integer as confirmed,
                  count(*) filter (where x.status = 'waitlisted')::integer as waitlisted
             from public.event_registrations x where x.event_id = e.id
         ) r on true
        where e.hub_id = any($1::uuid[]) and e.ends_at > now()
     ) ranked
     where position <= $2
     order by kind desc, position`,
    [hubIds, limit],
  );
  for (const { kind, total, position: _position, ...item } of rows) {
    const group = result[kind];
    group.total = total;
    group.items.push({ ...item, state: publicationState(item.publishedAt) });
  }
  return result;
}

export interface MyRegistration extends EventSummary {
  status: 'confirmed' | 'waitlisted';
}

/** The caller's registrations for events that have not ended, soonest first (RLS: one's own). */
export function listMyRegistrations(
  db: Queryable,
  userId: string,
  limit = 10,
): Promise<MyRegistration[]> {
  return db.query<MyRegistration>(
    `select ${summaryColumns}, r.status
       from public.event_registrations r
       join public.events e on e.id = r.event_id
       join public.hubs h on h.id = e.hub_id
      where r.user_id = $1 and e.ends_at > now()
      order by e.starts_at, e.id
      limit $2`,
    [userId, limit],
  );
}
