import { getTranslator } from '../../lib/i18n';
import { themeLabel } from '../../lib/taxonomy/themes';
import { getConfig } from '../config';
import type { Queryable } from '../db/types';
import { mailDelivery } from '../mail/outbox';
import { organizationsToNotify } from './match-opportunities';
import { loadInterestsMatching } from './matching-sources';
import type { ProcessPlan } from './queries';

/**
 * Tells the members of the organizations a published notice concerns, by
 * mail, in the transaction that publishes it (a rolled-back publication
 * sends nothing). Each organization is told once per process
 * (`procurement_notifications`); returns how many mails were queued.
 */
export async function notifyMatchingOrganizations(
  tx: Queryable,
  plan: Pick<ProcessPlan, 'id' | 'title' | 'cityName' | 'themes' | 'sdgs'>,
  deadline: Date,
): Promise<number> {
  const organizations = await loadInterestsMatching(tx, plan);
  const recipients = organizationsToNotify(
    { id: plan.id, themes: plan.themes, sdgs: plan.sdgs, deadline },
    organizations,
  );
  if (recipients.length === 0) return 0;
  const { t, formatDate } = getTranslator('en');
  const url = `${getConfig().server.siteUrl}/procurement/${plan.id}`;
  const subject = t('procurement.mail.subject', { city: plan.cityName, title: plan.title });
  const body = t('procurement.mail.body', {
    city: plan.cityName,
    title: plan.title,
    themes: plan.themes.map((theme) => themeLabel(t, theme)).join(', '),
    deadline: formatDate(deadline, { dateStyle: 'long', timeStyle: 'short' }),
    url,
  });
  const [row] = await tx.query<{ queued: number }>(
    'select public.queue_procurement_notice_mail($1, $2::uuid[], $3, $4, $5) as queued',
    [plan.id, recipients, subject, body, mailDelivery()],
  );
  return row?.queued ?? 0;
}
