import type { Translator } from '../../lib/i18n';
import type { Queryable } from '../db/types';
import { mailDelivery } from '../mail/outbox';

/**
 * Mail about organizations. The words are the server's (i18n); who receives
 * them is the database's decision (`private.send_organization_notice`):
 * it reads the recipients from the record (the organization's admins, the
 * chosen hubs' coordinators, the invited address…), checks that the caller
 * caused the event, and sends each event once. Queued in the request's
 * transaction, so a change that is rolled back sends nothing.
 */
export type NoticeKind =
  | 'registration.submitted'
  | 'registration.decided'
  | 'invitation'
  | 'join.requested'
  | 'join.decided'
  | 'contact.received';

export interface NoticeText {
  subject: string;
  text: string;
}

/** Queues one notice; returns how many mails were queued (0 when it was sent before). */
export async function sendOrganizationNotice(
  db: Queryable,
  kind: NoticeKind,
  recordId: string,
  mail: NoticeText,
): Promise<number> {
  const [row] = await db.query<{ sent: number }>(
    'select private.send_organization_notice($1, $2, $3, $4, $5) as sent',
    [kind, recordId, mail.subject.slice(0, 300), mail.text.slice(0, 20000), mailDelivery()],
  );
  return Number(row?.sent ?? 0);
}

type T = Translator['t'];

export function registrationSubmittedText(
  t: T,
  input: { name: string; kind: string; hubs: string[]; reviewUrl: string },
): NoticeText {
  return {
    subject: t('organizations.mail.submitted.subject', { name: input.name }),
    text: t('organizations.mail.submitted.body', {
      name: input.name,
      kind: input.kind,
      hubs: input.hubs.length > 0 ? input.hubs.join(', ') : t('organizations.mail.noHubs'),
      link: input.reviewUrl,
    }),
  };
}

export function registrationDecidedText(
  t: T,
  input: { name: string; decision: 'verified' | 'declined'; reason: string | null; link: string },
): NoticeText {
  return input.decision === 'verified'
    ? {
        subject: t('organizations.mail.verified.subject', { name: input.name }),
        text: t('organizations.mail.verified.body', { name: input.name, link: input.link }),
      }
    : {
        subject: t('organizations.mail.declined.subject', { name: input.name }),
        text: t('organizations.mail.declined.body', {
          name: input.name,
          reason: input.reason ?? '',
          link: input.link,
        }),
      };
}

export function invitationText(
  t: T,
  input: {
    organization: string;
    inviter: string;
    role: 'admin' | 'member';
    link: string;
    expires: string;
  },
): NoticeText {
  return {
    subject: t('organizations.mail.invitation.subject', {
      inviter: input.inviter,
      organization: input.organization,
    }),
    text: t('organizations.mail.invitation.body', {
      inviter: input.inviter,
      organization: input.organization,
      role: t(`organizations.role.${input.role}`),
      link: input.link,
      expires: input.expires,
    }),
  };
}

export function joinRequestedText(
  t: T,
  input: { organization: string; person: string; message: string; link: string },
): NoticeText {
  return {
    subject: t('organizations.mail.joinRequested.subject', {
      person: input.person,
      organization: input.organization,
    }),
    text: t('organizations.mail.joinRequested.body', {
      person: input.person,
      organization: input.organization,
      message: input.message || t('organizations.mail.noMessage'),
      link: input.link,
    }),
  };
}

export function joinDecidedText(
  t: T,
  input: { organization: string; accepted: boolean; link: string },
): NoticeText {
  return input.accepted
    ? {
        subject: t('organizations.mail.joinAccepted.subject', { organization: input.organization }),
        text: t('organizations.mail.joinAccepted.body', {
          organization: input.organization,
          link: input.link,
        }),
      }
    : {
        subject: t('organizations.mail.joinDeclined.subject', { organization: input.organization }),
        text: t('organizations.mail.joinDeclined.body', { organization: input.organization }),
      };
}

export function contactReceivedText(
  t: T,
  input: {
    organization: string;
    sender: string;
    senderEmail: string;
    subject: string;
    message: string;
    link: string;
  },
): NoticeText {
  return {
    subject: t('organizations.mail.contact.subject', {
      organization: input.organization,
      subject: input.subject,
    }),
    text: t('organizations.mail.contact.body', input),
  };
}
