import type { MessageKey } from '../../../lib/i18n';
import { can } from '../../../lib/permissions';
import { listAuditEntries } from '../../admin/queries';
import { defineWorkSource } from '../work-section';

/** Platform admins: the administration pages and the latest changes to accounts and roles. */
export default defineWorkSource({
  id: 'admin',
  order: 10,
  async load({ db, roles, i18n }) {
    if (!can(roles, 'admin.access')) return [];
    const { t, formatDate } = i18n;
    const entries = await listAuditEntries(db, 5);
    const auditLabel = (action: string) => {
      const key = `audit.${action}` as MessageKey;
      const text = t(key);
      return text === key ? action : text;
    };
    return [
      {
        id: 'admin',
        title: t('work.admin.title'),
        lead: t('work.admin.lead'),
        waiting: [],
        groups: [
          {
            heading: t('work.admin.recent'),
            total: entries.length,
            empty: t('work.admin.recentEmpty'),
            items: entries.map((entry) => ({
              label: [auditLabel(entry.action), entry.targetEmail].filter(Boolean).join(': '),
              detail: t('work.admin.entry', {
                who: entry.actorEmail ?? t('work.admin.someone'),
                when: formatDate(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
              }),
            })),
          },
        ],
        actions: [{ label: t('work.admin.members'), href: '/admin/members' }],
      },
    ];
  },
});
