import { listRegistrationsWaiting } from '../../organizations/queries';
import { coordinatedHubIds } from '../held-roles';
import { defineWorkSource } from '../work-section';

/**
 * Hub coordinators and platform admins: organizations that registered and
 * wait for their review (those that chose a hub they coordinate).
 */
export default defineWorkSource({
  id: 'organization-reviews',
  order: 65,
  async load({ db, roles, i18n }) {
    const { t, tp, formatDate } = i18n;
    const reviews =
      coordinatedHubIds(roles).length > 0 || roles.some((role) => role.role === 'platform_admin');
    if (!reviews) return [];
    const { total, items } = await listRegistrationsWaiting(db, 5);
    const queue = '/organizations/review';
    return [
      {
        id: 'organization-reviews',
        title: t('work.reviews.title'),
        href: queue,
        lead: t('work.reviews.lead'),
        waiting:
          total > 0
            ? [{ label: tp('work.reviews.waiting', total), count: total, href: queue }]
            : [],
        groups: [
          {
            total,
            empty: t('work.reviews.empty'),
            items: items.map((item) => ({
              label: item.name,
              href: `/directory/${item.slug}`,
              badge: item.isDemo ? { status: 'demo' as const, label: t('badge.demo') } : undefined,
              detail: item.submittedAt
                ? t('work.reviews.submitted', {
                    date: formatDate(item.submittedAt, { dateStyle: 'medium' }),
                  })
                : undefined,
            })),
            more: { label: t('work.more', { count: total }), href: queue },
          },
        ],
        actions: [{ label: t('review.title'), href: queue }],
      },
    ];
  },
});
