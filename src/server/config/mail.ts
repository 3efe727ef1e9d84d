import { z } from 'zod';
import { optionalFlag, optionalText, optionalUrl } from './variables';

/** Part "mail" (mail): how the outbox leaves the server. */
export const mailVariables = z.object({
  SMTP_URL: optionalUrl(/^smtps?$/, 'must start with smtp:// or smtps://'),
  MAIL_FROM: optionalText,
  CONTACT_EMAIL: optionalText.pipe(
    z.email({ message: 'must be one e-mail address, e.g. portal-team@example.org' }).optional(),
  ),
  // Removed: the development mailbox no longer exists on production servers.
  DEV_MAILBOX: optionalFlag,
});

export interface MailConfig {
  /** 'smtp' when SMTP_URL is set; else mail stays in the outbox ('mailbox'). */
  delivery: 'smtp' | 'mailbox';
  smtpUrl?: string;
  from: string;
  /**
   * Where the contact page's messages go; unset: to the platform admins'
   * account addresses. Written into the database at start (private.settings),
   * so the request that queues a message never chooses its recipient.
   */
  contactEmail?: string;
}

export function buildMailConfig(vars: z.output<typeof mailVariables>): MailConfig {
  return {
    delivery: vars.SMTP_URL ? 'smtp' : 'mailbox',
    smtpUrl: vars.SMTP_URL,
    from: vars.MAIL_FROM ?? 'U4SSC Hub Portal <no-reply@localhost>',
    contactEmail: vars.CONTACT_EMAIL?.toLowerCase(),
  };
}
