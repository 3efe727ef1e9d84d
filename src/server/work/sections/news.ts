import { anyTarget, can } from '../../../lib/permissions';
import { listUnpublishedNews } from '../../news/queries';
import { coordinatedHubIds } from '../held-roles';
import { defineWorkSource } from '../work-section';

/** Hub coordinators: the news drafts and scheduled items of their hubs. */
export default defineWorkSource({
  id: 'news',
  order: 30,
  async load({ db, roles, i18n }) {
    const { t, tp, formatDate } = i18n;
    const hubIds = coordinatedHubIds(roles).filter((hubId) =>
      can(roles, 'news.publish', { hubId }),
    );
    if (hubIds.length === 0 || !can(roles, 'news.publish', anyTarget)) return [];
    const { drafts, scheduled } = await listUnpublishedNews(db, hubIds);
    const when = (date: Date) => formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
    const all = { label: t('news.manage'), href: '/news/manage' };
    return [
      {
        id: 'news',
        title: t('work.news.title'),
        lead: t('work.news.lead'),
        waiting:
          drafts.total > 0
            ? [
                {
                  label: tp('work.news.draftCount', drafts.total),
                  count: drafts.total,
                  href: all.href,
                },
              ]
            : [],
        groups: [
          {
            heading: t('work.news.drafts'),
            total: drafts.total,
            items: drafts.items.map((item) => ({
              label: item.title,
              href: `/news/${item.slug}/edit`,
              badge: { status: 'draft', label: t('publish.state.draft') },
              detail: t('work.news.lastEdited', { hub: item.hubName, date: when(item.updatedAt) }),
            })),
            more: { label: t('work.more', { count: drafts.total }), href: all.href },
          },
          {
            heading: t('work.news.scheduled'),
            total: scheduled.total,
            items: scheduled.items.map((item) => ({
              label: item.title,
              href: `/news/${item.slug}/edit`,
              badge: { status: 'info', label: t('publish.state.scheduled') },
              detail: t('work.news.scheduledFor', {
                hub: item.hubName,
                date: when(item.publishedAt!),
              }),
            })),
            more: { label: t('work.more', { count: scheduled.total }), href: all.href },
          },
        ],
        empty: t('work.news.empty'),
        actions: [{ label: t('news.new'), href: '/news/new' }, all],
      },
    ];
  },
});
