import type { Translator } from '../../lib/i18n';
import type { MembershipRequest } from '../hubs/queries';
import type { WorkGroup } from './work-section';

const badges = { pending: 'pending', approved: 'verified', declined: 'draft' } as const;

/**
 * The requests to join hubs made for one city or organization, as a group of
 * a section: where each stands, and since when.
 */
export function requestGroup(
  i18n: Translator,
  requests: readonly MembershipRequest[],
  applicantId: string,
): WorkGroup {
  const { t, formatDate } = i18n;
  const mine = requests.filter((request) => request.applicantId === applicantId);
  return {
    heading: t('work.requests.heading'),
    total: mine.length,
    items: mine.map((request) => ({
      label: request.hubName,
      href: `/hubs/${request.hubSlug}`,
      badge: { status: badges[request.status], label: t(`work.requests.status.${request.status}`) },
      detail:
        request.status === 'pending'
          ? t('work.requests.detail.pending', {
              date: formatDate(request.createdAt, { dateStyle: 'medium' }),
            })
          : t('work.requests.detail.decided', {
              date: formatDate(request.decidedAt ?? request.createdAt, { dateStyle: 'medium' }),
            }),
    })),
  };
}
