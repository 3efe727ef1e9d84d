import { can } from '../../../lib/permissions';
import { listRequestsFor } from '../../hubs/queries';
import {
  findOrganization,
  listOrganizationWaiting,
  listPartnerHubs,
} from '../../organizations/queries';
import { memberOrganizations } from '../held-roles';
import { requestGroup } from '../request-group';
import {
  defineWorkSource,
  type WorkLink,
  type WorkSection,
  type WorkWaiting,
} from '../work-section';

/**
 * Organization members: each organization they belong to, its review status,
 * what waits for its admins (contact requests, requests to join), the hubs
 * it is a partner of, its requests to join hubs, and the dashboard's pages.
 */
export default defineWorkSource({
  id: 'organizations',
  order: 60,
  async load({ db, roles, i18n }) {
    const { t, tp } = i18n;
    const held = memberOrganizations(roles).slice(0, 20);
    if (held.length === 0) return [];
    const organizationIds = held.map((role) => role.organizationId!);
    const [requests, waiting] = await Promise.all([
      listRequestsFor(db, { cityIds: [], organizationIds }),
      listOrganizationWaiting(db, organizationIds),
    ]);
    const sections: WorkSection[] = [];
    for (const role of held) {
      const organization = await findOrganization(db, role.targetSlug!);
      if (!organization) continue;
      const target = { organizationId: organization.id };
      const verified = organization.status === 'verified';
      const dashboard = `/organizations/${organization.slug}`;
      const hubs = (await listPartnerHubs(db, organization.id)).map((hub) => ({
        label: hub.name,
        href: `/hubs/${hub.slug}`,
      }));
      const counts = waiting.find((row) => row.organizationId === organization.id);
      const waits: WorkWaiting[] = [];
      if (counts && counts.openRequests > 0)
        waits.push({
          label: tp('work.organization.openRequests', counts.openRequests, {
            name: organization.name,
          }),
          count: counts.openRequests,
          href: `${dashboard}/requests`,
        });
      if (counts && counts.pendingJoins > 0)
        waits.push({
          label: tp('work.organization.pendingJoins', counts.pendingJoins, {
            name: organization.name,
          }),
          count: counts.pendingJoins,
          href: `${dashboard}/team`,
        });
      const actions: WorkLink[] = [{ label: t('work.organization.dashboard'), href: dashboard }];
      if (can(roles, 'organization.update', target)) {
        actions.push({ label: t('dashboard.nav.edit'), href: `${dashboard}/edit` });
        actions.push({ label: t('dashboard.nav.offerings'), href: `${dashboard}/offerings` });
      }
      actions.push({ label: t('dashboard.nav.team'), href: `${dashboard}/team` });
      if (verified && can(roles, 'hub.apply', target)) {
        actions.push({
          label: t('work.requests.ask', { name: organization.name }),
          href: '/hubs',
        });
      }
      sections.push({
        id: `organization-${organization.slug}`,
        title: organization.name,
        href: dashboard,
        lead: t(
          verified
            ? 'work.organization.lead.verified'
            : organization.status === 'pending'
              ? 'work.organization.lead.pending'
              : 'work.organization.lead.declined',
        ),
        waiting: waits,
        groups: [
          {
            heading: t('work.organization.hubs'),
            total: hubs.length,
            items: hubs,
            empty: verified ? t('work.organization.noHub') : undefined,
          },
          requestGroup(i18n, requests, organization.id),
        ],
        actions,
      });
    }
    return sections;
  },
});
