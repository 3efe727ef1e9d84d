import { can } from '../../../lib/permissions';
import { findOrganization, listPartnerHubs } from '../../directory/queries';
import { listRequestsFor } from '../../hubs/queries';
import { memberOrganizations } from '../held-roles';
import { requestGroup } from '../request-group';
import { defineWorkSource, type WorkLink, type WorkSection } from '../work-section';

/**
 * Organization members: each organization they belong to, whether it is
 * verified (listed) yet, the hubs it is a partner of and its requests to
 * join hubs.
 */
export default defineWorkSource({
  id: 'organizations',
  order: 60,
  async load({ db, roles, i18n }) {
    const { t } = i18n;
    const held = memberOrganizations(roles).slice(0, 20);
    if (held.length === 0) return [];
    const requests = await listRequestsFor(db, {
      cityIds: [],
      organizationIds: held.map((role) => role.organizationId!),
    });
    const sections: WorkSection[] = [];
    for (const role of held) {
      const organization = await findOrganization(db, role.targetSlug!);
      if (!organization) continue;
      const verified = organization.status === 'verified';
      const hubs = (await listPartnerHubs(db, organization.id)).map((hub) => ({
        label: hub.name,
        href: `/hubs/${hub.slug}`,
      }));
      const actions: WorkLink[] = [];
      if (verified) {
        if (can(roles, 'hub.apply', { organizationId: organization.id })) {
          actions.push({
            label: t('work.requests.ask', { name: organization.name }),
            href: '/hubs',
          });
        }
      }
      sections.push({
        id: `organization-${organization.slug}`,
        title: organization.name,
        href: verified ? `/directory/${organization.slug}` : undefined,
        lead: t(
          verified
            ? 'work.organization.lead.verified'
            : organization.status === 'pending'
              ? 'work.organization.lead.pending'
              : 'work.organization.lead.rejected',
        ),
        waiting: [],
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
