import { z } from 'zod';
import { optionalFlag, optionalText, optionalUrl } from './variables';

/** Part "mail" (mail): how the outbox leaves the server. */
export const mailVariables = z.object({
  SMTP_URL: optionalUrl(/^smtps?$/, 'must start with smtp:// or smtps://'),
  MAIL_FROM: optionalText,
  // Removed: the development mailbox no longer exists on production servers.
  DEV_MAILBOX: optionalFlag,
});

export interface MailConfig {
  /** 'smtp' when SMTP_URL is set; else mail stays in the outbox ('mailbox'). */
  delivery: 'smtp' | 'mailbox';
  smtpUrl?: string;
  from: string;
}

export function buildMailConfig(vars: z.output<typeof mailVariables>): MailConfig {
  return {
    delivery: vars.SMTP_URL ? 'smtp' : 'mailbox',
    smtpUrl: vars.SMTP_URL,
    from: vars.MAIL_FROM ?? 'U4SSC Hub Portal <no-reply@localhost>',
  };
}
