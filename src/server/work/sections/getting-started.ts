import { organizationRegistrationHref } from '../../../lib/navigation';
import { defineWorkSource } from '../work-section';

/**
 * Members without any role: nothing waits for them, so the page says how
 * people get a role, with a link for each way, instead of an empty page.
 */
export default defineWorkSource({
  id: 'getting-started',
  order: 90,
  async load({ roles, i18n }) {
    if (roles.length > 0) return [];
    const { t } = i18n;
    return [
      {
        id: 'getting-started',
        title: t('work.start.title'),
        lead: t('work.start.lead'),
        waiting: [],
        groups: [
          {
            total: 3,
            items: [
              { label: t('work.start.cityLink'), href: '/hubs', detail: t('work.start.city') },
              {
                label: t('work.start.organizationLink'),
                href: organizationRegistrationHref,
                detail: t('work.start.organization'),
              },
              { label: t('work.start.hubLink'), href: '/hubs', detail: t('work.start.hub') },
            ],
          },
        ],
        actions: [
          { label: t('work.registrations.browse'), href: '/events' },
          { label: t('auth.menu.account'), href: '/account' },
        ],
      },
    ];
  },
});
