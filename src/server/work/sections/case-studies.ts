import { can } from '../../../lib/permissions';
import {
  listCaseStudiesWaitingForReview,
  listCityCaseStudiesByState,
} from '../../case-studies/queries';
import { coordinatedHubIds, editedCities } from '../held-roles';
import { defineWorkSource, type WorkSection } from '../work-section';

/**
 * Case studies: for hub coordinators, the submissions of their hubs' cities
 * waiting for review (for platform admins, of every hub); for city editors, their cities' case studies that need
 * them (changes requested, drafts) and those waiting for review.
 */
export default defineWorkSource({
  id: 'case-studies',
  order: 45,
  async load({ db, roles, i18n }) {
    const { t, tp } = i18n;
    const sections: WorkSection[] = [];
    // Platform admins review every hub's submissions; coordinators their hubs' cities'.
    const hubIds = can(roles, 'admin.access') ? null : coordinatedHubIds(roles);
    if (hubIds === null || hubIds.length > 0) {
      const waiting = await listCaseStudiesWaitingForReview(db, hubIds, 5);
      const all = { label: t('caseStudy.list.manage'), href: '/case-studies/manage' };
      sections.push({
        id: 'case-studies-review',
        title: t('work.caseStudies.reviewTitle'),
        lead: t('work.caseStudies.reviewLead'),
        waiting:
          waiting.total > 0
            ? [
                {
                  label: tp('work.caseStudies.toReview', waiting.total),
                  count: waiting.total,
                  href: all.href,
                },
              ]
            : [],
        groups: [
          {
            total: waiting.total,
            items: waiting.items.map((item) => ({
              label: item.title,
              href: `/case-studies/${item.slug}/review`,
              badge: { status: 'pending', label: t('caseStudy.status.submitted') },
              detail: item.cityName,
            })),
            more: { label: t('work.more', { count: waiting.total }), href: all.href },
            empty: t('caseStudy.manage.nothingToReview'),
          },
        ],
        actions: [all],
      });
    }
    const cities = editedCities(roles).filter((role) =>
      can(roles, 'caseStudy.write', { cityId: role.cityId }),
    );
    if (cities.length > 0) {
      const states = await listCityCaseStudiesByState(
        db,
        cities.map((role) => role.cityId!),
        5,
      );
      const all = { label: t('caseStudy.list.manage'), href: '/case-studies/manage' };
      const group = (status: 'changes_requested' | 'draft' | 'submitted', heading: string) => ({
        heading,
        total: states[status].total,
        items: states[status].items.map((item) => ({
          label: item.title,
          href: `/case-studies/${item.slug}/edit`,
          badge: {
            status: status === 'draft' ? ('draft' as const) : ('pending' as const),
            label: t(`caseStudy.status.${status}`),
          },
          detail: item.cityName,
        })),
        more: { label: t('work.more', { count: states[status].total }), href: all.href },
      });
      sections.push({
        id: 'case-studies',
        title: t('work.caseStudies.title'),
        lead: tp('work.caseStudies.published', states.published.total),
        waiting:
          states.changes_requested.total > 0
            ? [
                {
                  label: tp('work.caseStudies.changesRequested', states.changes_requested.total),
                  count: states.changes_requested.total,
                  href: all.href,
                },
              ]
            : [],
        groups: [
          group('changes_requested', t('caseStudy.status.changes_requested')),
          group('draft', t('work.caseStudies.drafts')),
          group('submitted', t('caseStudy.status.submitted')),
        ],
        empty: t('caseStudy.manage.empty'),
        actions: [{ label: t('caseStudy.list.write'), href: '/case-studies/new' }, all],
      });
    }
    return sections;
  },
});
