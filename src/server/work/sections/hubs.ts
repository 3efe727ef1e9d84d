import { can } from '../../../lib/permissions';
import { listHubsWithRequests, listPendingRequests } from '../../hubs/queries';
import { defineWorkSource, type WorkLink, type WorkSection } from '../work-section';
import { coordinatedHubIds } from '../held-roles';

/**
 * Hub coordinators: one block per hub they coordinate, with the membership
 * requests waiting for a decision and the hub's tools.
 */
export default defineWorkSource({
  id: 'hubs',
  order: 20,
  async load({ db, roles, i18n }) {
    const { t, tp, formatDate } = i18n;
    const hubIds = coordinatedHubIds(roles);
    const hubs = await listHubsWithRequests(db, hubIds);
    const requests = await listPendingRequests(
      db,
      hubs.filter((hub) => hub.pendingRequests > 0).map((hub) => hub.id),
    );
    return hubs.map((hub): WorkSection => {
      const target = { hubId: hub.id };
      const requestsHref = `/hubs/${hub.slug}/applications`;
      const actions: WorkLink[] = [];
      if (can(roles, 'news.publish', target)) {
        actions.push({ label: t('hubs.manage.writeNews'), href: `/news/new?hub=${hub.slug}` });
      }
      if (can(roles, 'event.publish', target)) {
        actions.push({ label: t('hubs.manage.createEvent'), href: `/events/new?hub=${hub.slug}` });
      }
      if (can(roles, 'hub.decideApplications', target)) {
        actions.push({ label: t('hubs.manage.applications'), href: requestsHref });
      }
      if (can(roles, 'hub.update', target)) {
        actions.push({ label: t('work.hub.edit'), href: `/hubs/${hub.slug}/edit` });
      }
      return {
        id: `hub-${hub.slug}`,
        title: hub.name,
        href: `/hubs/${hub.slug}`,
        lead: t('work.hub.lead'),
        waiting:
          hub.pendingRequests > 0
            ? [
                {
                  label: tp('work.hub.requests', hub.pendingRequests, { hub: hub.name }),
                  count: hub.pendingRequests,
                  href: requestsHref,
                },
              ]
            : [],
        groups: [
          {
            heading: t('work.hub.requestsHeading'),
            total: hub.pendingRequests,
            empty: t('work.hub.requestsEmpty'),
            items: requests
              .filter((request) => request.hubId === hub.id)
              .map((request) => ({
                label: request.applicantName,
                href: requestsHref,
                detail: t('work.hub.requestDetail', {
                  kind: t(`work.hub.kind.${request.applicantKind}`),
                  date: formatDate(request.createdAt, { dateStyle: 'medium' }),
                }),
              })),
            more: { label: t('work.more', { count: hub.pendingRequests }), href: requestsHref },
          },
        ],
        actions,
      };
    });
  },
});
