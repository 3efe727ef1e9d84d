import { assessmentPath, assessmentsPath } from '../../../lib/kpi-assessments/paths';
import { listOpenAssessments } from '../../kpi-assessments/queries';
import { editedCities } from '../held-roles';
import { defineWorkSource } from '../work-section';

/** City editors: their cities' open KPI assessments (not yet verified), and where to open one. */
export default defineWorkSource({
  id: 'kpi-assessments',
  order: 46,
  async load({ db, roles, i18n }) {
    const { t } = i18n;
    const cities = editedCities(roles).slice(0, 20);
    if (cities.length === 0) return [];
    const { total, items } = await listOpenAssessments(
      db,
      cities.map((role) => role.cityId!),
      5,
    );
    return [
      {
        id: 'kpi-assessments',
        title: t('work.kpiAssessments.title'),
        href: '/kpis/assessments',
        lead: t('work.kpiAssessments.lead'),
        waiting: [],
        groups: [
          {
            heading: t('work.kpiAssessments.open'),
            total,
            items: items.map((item) => ({
              label: t('work.kpiAssessments.item', { city: item.cityName, year: item.year }),
              href: assessmentPath(item.citySlug, { year: item.year }),
              detail: t('work.kpiAssessments.answered', { answered: item.answered }),
              badge: { status: 'draft' as const, label: t('kpiAssessments.status.open') },
            })),
            more: { label: t('work.more', { count: total }), href: '/kpis/assessments' },
            empty: t('work.kpiAssessments.none'),
          },
        ],
        actions: cities.map((role) => ({
          label: t('work.kpiAssessments.manage', { city: role.targetName ?? '' }),
          href: assessmentsPath(role.targetSlug!),
        })),
      },
    ];
  },
});
