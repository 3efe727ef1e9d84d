import type { Translator } from '../../../lib/i18n';
import { anyTarget, can } from '../../../lib/permissions';
import { listEventsToRun, listMyRegistrations, type EventToRun } from '../../events/queries';
import { coordinatedHubIds } from '../held-roles';
import { defineWorkSource, type WorkItem, type WorkSection } from '../work-section';

/**
 * Hub coordinators: their hubs' events coming up, with registrations, and
 * those not published yet. Every member: the events they registered for.
 */
export default defineWorkSource({
  id: 'events',
  order: 40,
  async load({ db, claims, roles, i18n }) {
    const { t, tp } = i18n;
    const sections: WorkSection[] = [];
    const hubIds = coordinatedHubIds(roles).filter((hubId) =>
      can(roles, 'event.publish', { hubId }),
    );
    if (hubIds.length > 0 && can(roles, 'event.publish', anyTarget)) {
      const { upcoming, unpublished } = await listEventsToRun(db, hubIds);
      const all = { label: t('events.manage'), href: '/events/manage' };
      sections.push({
        id: 'events',
        title: t('work.events.title'),
        lead: t('work.events.lead'),
        waiting:
          unpublished.total > 0
            ? [
                {
                  label: tp('work.events.unpublishedCount', unpublished.total),
                  count: unpublished.total,
                  href: all.href,
                },
              ]
            : [],
        groups: [
          {
            heading: t('work.events.upcoming'),
            total: upcoming.total,
            items: upcoming.items.map((event) => eventItem(i18n, event)),
            more: { label: t('work.more', { count: upcoming.total }), href: all.href },
          },
          {
            heading: t('work.events.unpublished'),
            total: unpublished.total,
            items: unpublished.items.map((event) => eventItem(i18n, event)),
            more: { label: t('work.more', { count: unpublished.total }), href: all.href },
          },
        ],
        empty: t('work.events.empty'),
        actions: [{ label: t('events.new'), href: '/events/new' }, all],
      });
    }
    const registrations = await listMyRegistrations(db, claims.sub);
    if (registrations.length > 0) {
      sections.push({
        id: 'registrations',
        title: t('work.registrations.title'),
        lead: t('work.registrations.lead'),
        waiting: [],
        groups: [
          {
            total: registrations.length,
            items: registrations.map((event) => ({
              label: event.title,
              href: `/events/${event.slug}`,
              badge:
                event.status === 'confirmed'
                  ? { status: 'verified', label: t('work.registrations.confirmed') }
                  : { status: 'pending', label: t('work.registrations.waitlisted') },
              detail: `${event.hubName} · ${when(i18n, event.startsAt, event.timeZone)}`,
            })),
          },
        ],
        actions: [{ label: t('work.registrations.browse'), href: '/events' }],
      });
    }
    return sections;
  },
});

function when(i18n: Translator, date: Date, timeZone: string): string {
  return `${i18n.formatDate(date, { dateStyle: 'medium', timeStyle: 'short', timeZone })} (${timeZone})`;
}

function eventItem(i18n: Translator, event: EventToRun): WorkItem {
  const { t, tp } = i18n;
  const parts = [event.hubName, when(i18n, event.startsAt, event.timeZone)];
  if (event.registrationMode === 'internal' && event.capacity !== null) {
    parts.push(t('work.events.places', { taken: event.confirmed, capacity: event.capacity }));
    if (event.waitlisted > 0) parts.push(tp('work.events.waiting', event.waitlisted));
  }
  return {
    label: event.title,
    // Published: its page, where coordinators see who registered; otherwise its editor.
    href: event.state === 'published' ? `/events/${event.slug}` : `/events/${event.slug}/edit`,
    badge:
      event.state === 'published'
        ? undefined
        : {
            status: event.state === 'draft' ? 'draft' : 'info',
            label: t(`publish.state.${event.state}`),
          },
    detail: parts.join(' · '),
  };
}
