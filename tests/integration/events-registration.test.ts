import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { parseEventForm } from '../../src/server/events/event-form';
import { buildICalendar } from '../../src/server/events/icalendar';
import {
  findEvent,
  getRegistrationSummary,
  listEvents,
  listEventsForCalendar,
  listUpcomingEvents,
} from '../../src/server/events/queries';
import {
  cancelEventRegistration,
  registerForEvent,
} from '../../src/server/events/register-for-event';
import { createEvent, updateEvent } from '../../src/server/events/save-event';
import { testTargets } from '../support/databases';
import { parseICalendar } from '../support/icalendar-check';
import { mailTo, testWording } from '../support/mail';
import { demoEmails } from '../support/sign-in';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

function eventInput(overrides: Record<string, string> = {}) {
  const parsed = parseEventForm({
    title:
      'Workshop; with, “special” \\ characters and a very long title that needs folding in iCalendar output',
    summary: 'Line one\nLine two',
    time_zone: 'Europe/Vienna',
    starts_at: '2031-03-30T01:30',
    ends_at: '2031-03-30T04:00',
    venue_name: 'Rathaus, Wien',
    registration_mode: 'internal',
    capacity: '2',
    description: JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Programme' }] }],
    }),
    ...overrides,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

describe.each(testTargets())('events on $name', (target) => {
  let db: Database;
  let austria: string;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);

  beforeAll(async () => {
    db = await target.open();
    [{ id: austria }] = (await db.query<{ id: string }>(
      `select id from public.hubs where slug = 'austria'`,
    )) as [{ id: string }];
  });
  afterAll(() => db.close());

  it('converts the wall-clock time in the event’s zone (across a DST change) and validates the form', () => {
    const input = eventInput();
    // 30 March 2031: Vienna switches to summer time at 02:00; 01:30 is still CET (UTC+1).
    expect(input.startsAt.toISOString()).toBe('2031-03-30T00:30:00.000Z');
    expect(input.endsAt.toISOString()).toBe('2031-03-30T02:00:00.000Z');
    const bad = parseEventForm({
      title: 'x',
      time_zone: 'Mars/Olympus',
      starts_at: '',
      ends_at: '',
      registration_mode: 'internal',
      online_url: 'javascript:alert(1)',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((error) => error.field).sort()).toEqual([
        'ends_at',
        'online_url',
        'starts_at',
        'time_zone',
        'title',
      ]);
    }
    const ends = parseEventForm({
      title: 'Valid',
      time_zone: 'UTC',
      starts_at: '2031-01-02T10:00',
      ends_at: '2031-01-01T10:00',
      registration_mode: 'internal',
    });
    expect(ends.ok ? [] : ends.errors.map((error) => error.message).sort()).toEqual([
      'events.form.error.capacity',
      'events.form.error.endsBeforeStart',
      'events.form.error.where',
    ]);
  });

  it('fills places, keeps a waiting list and moves people up when someone cancels', async () => {
    const created = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput(),
        publishedAt: 'now',
      }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const register = (persona: Exclude<Persona, 'anon'>) =>
      as(persona, (rdb) =>
        registerForEvent(rdb, { eventId: created.id, userId: userIdOf(persona) }, testWording),
      );
    expect(await register('member')).toEqual({ ok: true, status: 'confirmed' });
    expect(await register('orgMember')).toEqual({ ok: true, status: 'confirmed' });
    expect(await register('cityEditor')).toEqual({ ok: true, status: 'waitlisted' });
    expect(await register('otherCoordinator')).toEqual({ ok: true, status: 'waitlisted' });
    expect(await register('member')).toEqual({ ok: false, reason: 'already' });
    expect(await as('anon', (rdb) => getRegistrationSummary(rdb, created.id, null))).toEqual({
      confirmed: 2,
      waitlisted: 2,
      mine: null,
    });

    expect(
      await as('member', (rdb) =>
        cancelEventRegistration(
          rdb,
          { eventId: created.id, userId: userIdOf('member') },
          testWording,
        ),
      ),
    ).toBe(true);
    expect(
      await as('cityEditor', (rdb) =>
        getRegistrationSummary(rdb, created.id, userIdOf('cityEditor')),
      ),
    ).toEqual({
      confirmed: 2,
      waitlisted: 1,
      mine: 'confirmed',
    });
    // More places move the rest of the waiting list up.
    await as('coordinator', (rdb) =>
      updateEvent(
        rdb,
        { id: created.id, event: eventInput({ capacity: '10' }), publishedAt: new Date(0) },
        testWording,
      ),
    );
    expect(
      await as('otherCoordinator', (rdb) =>
        getRegistrationSummary(rdb, created.id, userIdOf('otherCoordinator')),
      ),
    ).toMatchObject({
      confirmed: 3,
      waitlisted: 0,
      mine: 'confirmed',
    });
  });

  it('tells each person by mail where they stand: a place, the waiting list, moving up', async () => {
    const title = `Mail check ${Date.now()}`;
    const created = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput({ title, capacity: '1' }),
        publishedAt: 'now',
      }),
    );
    if (!created.ok) throw new Error('setup failed');
    const register = (persona: Exclude<Persona, 'anon'>) =>
      as(persona, (rdb) =>
        registerForEvent(rdb, { eventId: created.id, userId: userIdOf(persona) }, testWording),
      );
    const mailAbout = async (email: string, kind: string) =>
      (await mailTo(db, email, kind)).filter((mail) => mail.subject.includes(title));
    await register('member');
    await register('cityEditor');
    const [confirmed] = await mailAbout(demoEmails.member, 'events.registration_confirmed');
    expect(confirmed?.subject).toBe(`You have a place at ${title}`);
    // Its page as an absolute link, and the start in the event's own zone.
    expect(confirmed?.body_text).toContain(`https://portal.test/events/${created.slug}`);
    expect(confirmed?.body_text).toContain('Sunday, March 30, 2031 at 1:30 AM (Europe/Vienna)');
    expect(confirmed?.body_text).toContain('Where: Rathaus, Wien');
    const waiting = await mailAbout(demoEmails.cityEditor, 'events.registration_waitlisted');
    expect(waiting).toHaveLength(1);
    expect(await mailAbout(demoEmails.cityEditor, 'events.waitlist_promoted')).toHaveLength(0);

    // The member cancels: the city editor moves up and is told; the member is not.
    await as('member', (rdb) =>
      cancelEventRegistration(
        rdb,
        { eventId: created.id, userId: userIdOf('member') },
        testWording,
      ),
    );
    const [promoted] = await mailAbout(demoEmails.cityEditor, 'events.waitlist_promoted');
    expect(promoted?.subject).toBe(`A place became free: you are registered for ${title}`);
    expect(await mailAbout(demoEmails.member, 'events.waitlist_promoted')).toHaveLength(0);

    // Places added by the coordinator move the next person up, who is told too.
    await register('orgMember');
    await as('coordinator', (rdb) =>
      updateEvent(
        rdb,
        {
          id: created.id,
          event: eventInput({ title, capacity: '5' }),
          publishedAt: new Date(0),
        },
        testWording,
      ),
    );
    expect(await mailAbout(demoEmails.orgMember, 'events.waitlist_promoted')).toHaveLength(1);
    // Every notice recorded was delivered in its own transaction.
    expect(await db.query('select 1 from private.notices')).toEqual([]);
  });

  it('refuses registration for drafts, past events and events that register elsewhere', async () => {
    const draft = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput(),
        publishedAt: null,
      }),
    );
    const external = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput({
          registration_mode: 'external',
          registration_url: 'https://example.org/register',
        }),
        publishedAt: 'now',
      }),
    );
    const past = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput({ starts_at: '2020-01-01T10:00', ends_at: '2020-01-01T12:00' }),
        publishedAt: 'now',
      }),
    );
    for (const event of [draft, external, past]) {
      if (!event.ok) throw new Error('setup failed');
      expect(
        await as('member', (rdb) =>
          registerForEvent(rdb, { eventId: event.id, userId: userIdOf('member') }, testWording),
        ),
      ).toEqual({
        ok: false,
        reason: 'closed',
      });
    }
    if (!draft.ok || !past.ok) return;
    expect(await as('anon', (rdb) => findEvent(rdb, draft.slug))).toBeNull();
    expect((await as('coordinator', (rdb) => findEvent(rdb, draft.slug)))?.state).toBe('draft');
    const pastList = await as('anon', (rdb) =>
      listEvents(rdb, { when: 'past', hub: 'austria', page: 1 }),
    );
    expect(pastList.items.map((event) => event.slug)).toContain(past.slug);
    const upcoming = await as('anon', (rdb) => listUpcomingEvents(rdb, austria, 50));
    expect(upcoming.map((event) => event.slug)).not.toContain(past.slug);
    expect(upcoming.map((event) => event.slug)).not.toContain(draft.slug);
  });

  it('publishes a valid RFC 5545 calendar of published events, per hub and for all hubs', async () => {
    const created = await as('coordinator', (rdb) =>
      createEvent(rdb, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        event: eventInput({ title: 'Kalender: Wien, Österreich; 日本語 ✓ '.repeat(4).trim() }),
        publishedAt: 'now',
      }),
    );
    if (!created.ok) throw new Error('setup failed');
    for (const hubId of [austria, null]) {
      const events = await as('anon', (rdb) => listEventsForCalendar(rdb, hubId));
      const text = buildICalendar(
        {
          name: 'Events, all; hubs',
          origin: 'https://portal.example',
          uidDomain: 'portal.example',
        },
        events,
      );
      const { calendar, events: parsed } = parseICalendar(text);
      // X- properties are TEXT (escaped) by RFC 5545; ical.js leaves unknown ones raw.
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Events\\, all\\; hubs');
      const mine = parsed.find((event) => event.uid === `${created.id}@portal.example`);
      expect(mine).toBeDefined();
      expect(mine!.summary).toBe('Kalender: Wien, Österreich; 日本語 ✓ '.repeat(4).trim());
      expect(mine!.startDate.toJSDate().toISOString()).toBe('2031-03-30T00:30:00.000Z');
      expect(mine!.startDate.zone.tzid).toBe('UTC');
      expect(mine!.endDate.toJSDate().toISOString()).toBe('2031-03-30T02:00:00.000Z');
      expect(mine!.location).toBe('Rathaus, Wien');
      expect(mine!.description).toContain('Line one\nLine two');
      expect(mine!.description).toContain('Time zone: Europe/Vienna');
    }
  });
});
