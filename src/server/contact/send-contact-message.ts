import type { Translator } from '../../lib/i18n';
import type { Queryable } from '../db/types';
import { rateLimitAddress, rateLimitRules, hitRateLimits } from '../http/rate-limit';
import { mailDelivery } from '../mail/outbox';
import type { ContactForm } from './contact-form';

export type SendContactMessageOutcome =
  | { ok: true }
  | { ok: false; reason: 'rate-limited'; retryAfter: number }
  /** Nobody to send it to: no CONTACT_EMAIL and no platform admin. */
  | { ok: false; reason: 'no-recipient' };

/**
 * Sends a contact message to the portal's team through the outbox. Limited
 * per client address and, when signed in, per account (429 with
 * Retry-After on the page), counted before anything is queued. A filled
 * honeypot is counted too, then dropped without a word: the sender is told
 * it was sent, so a program learns nothing. The recipient is decided in the
 * database (CONTACT_EMAIL, else the admins); the sender's address is only
 * the Reply-To.
 */
export async function sendContactMessage(
  db: Queryable,
  input: {
    form: ContactForm;
    clientAddress: string;
    userId: string | null;
    i18n: Pick<Translator, 't'>;
    siteUrl: string;
  },
): Promise<SendContactMessageOutcome> {
  const { form, i18n } = input;
  const wait = await hitRateLimits(db, [
    { rule: rateLimitRules.siteContactPerIp, key: rateLimitAddress(input.clientAddress) },
    ...(input.userId ? [{ rule: rateLimitRules.siteContactPerAccount, key: input.userId }] : []),
  ]);
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfter: wait };
  if (form.website.trim() !== '') return { ok: true };

  const topic = i18n.t(`siteContact.topic.${form.topic}`);
  const subject = i18n.t('siteContact.mail.subject', { topic, name: form.name });
  const body = [
    i18n.t('siteContact.mail.intro', { site: input.siteUrl }),
    '',
    `${i18n.t('siteContact.mail.from')}: ${form.name} <${form.email}>`,
    `${i18n.t('siteContact.mail.account')}: ${input.userId ? i18n.t('siteContact.mail.signedIn') : i18n.t('siteContact.mail.signedOut')}`,
    `${i18n.t('siteContact.field.topic')}: ${topic}`,
    ...(form.page ? [`${i18n.t('siteContact.field.page')}: ${form.page}`] : []),
    '',
    form.message,
    '',
    '--',
    i18n.t('siteContact.mail.replyHint', { name: form.name }),
  ].join('\n');
  const [row] = await db.query<{ queued: number }>(
    'select private.enqueue_contact_message($1, $2, $3, $4) as queued',
    [form.email, subject, body, mailDelivery()],
  );
  return Number(row?.queued ?? 0) > 0 ? { ok: true } : { ok: false, reason: 'no-recipient' };
}
