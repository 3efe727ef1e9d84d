import { can } from '../../../lib/permissions';
import { listManagedProcesses, listOpenNotices } from '../../procurement/queries';
import { editedCities, memberOrganizations } from '../held-roles';
import { defineWorkSource, type WorkSection } from '../work-section';

/**
 * Procurement: for city editors, their cities' processes and the questions
 * waiting for an answer; for organization members, the notices open now and
 * their dashboard of opportunities.
 */
export default defineWorkSource({
  id: 'procurement',
  order: 48,
  async load({ db, roles, i18n }) {
    const { t, tp } = i18n;
    const sections: WorkSection[] = [];
    if (editedCities(roles).length > 0) {
      const processes = await listManagedProcesses(db);
      const questions = processes.reduce((sum, p) => sum + p.openQuestions, 0);
      sections.push({
        id: 'procurement',
        title: t('work.procurement.title'),
        href: '/procurement/manage',
        lead: t('work.procurement.lead'),
        waiting:
          questions > 0
            ? [
                {
                  label: tp('procurement.manage.questions', questions),
                  count: questions,
                  href: '/procurement/manage',
                },
              ]
            : [],
        groups: [
          {
            total: processes.length,
            items: processes.slice(0, 5).map((p) => ({
              label: p.title,
              href: `/procurement/${p.id}`,
              detail: `${p.cityName} · ${t(`procurement.stage.${p.stage}`)}`,
              badge: p.published
                ? undefined
                : { status: 'draft' as const, label: t('procurement.manage.draft') },
            })),
            more: {
              label: t('work.more', { count: processes.length }),
              href: '/procurement/manage',
            },
            empty: t('procurement.manage.none'),
          },
        ],
        actions: can(roles, 'procurement.manage', 'any')
          ? [{ label: t('procurement.new'), href: '/procurement/new' }]
          : [],
      });
    }
    if (memberOrganizations(roles).length > 0) {
      const notices = await listOpenNotices(db, 200);
      sections.push({
        id: 'procurement-opportunities',
        title: t('procurement.opportunities.title'),
        href: '/procurement/opportunities',
        lead: t('work.procurement.opportunitiesLead'),
        waiting: [],
        groups: [
          {
            total: notices.length,
            items: notices.slice(0, 5).map((n) => ({
              label: n.title,
              href: `/procurement/${n.id}`,
              detail: `${n.cityName} · ${t('procurement.card.deadline', { date: i18n.formatDate(n.deadline) })}`,
            })),
            more: {
              label: t('work.more', { count: notices.length }),
              href: '/procurement/opportunities',
            },
            empty: t('procurement.opportunities.otherNone'),
          },
        ],
        actions: [
          { label: t('work.procurement.opportunitiesLink'), href: '/procurement/opportunities' },
        ],
      });
    }
    return sections;
  },
});
