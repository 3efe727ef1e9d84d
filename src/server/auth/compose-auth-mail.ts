import type { Translator } from '../../lib/i18n';
import type { OutgoingMail } from '../mail/outbox';

export type AuthMailKind =
  'confirm_signup' | 'already_registered' | 'reset_password' | 'change_email' | 'sign_in_failures';

/**
 * Writes an identity mail in the user's language. Plain text only: nothing
 * from the user but their display name goes in, and no HTML is rendered.
 */
export function composeAuthMail(
  t: Translator['t'],
  kind: AuthMailKind,
  to: string,
  link: string,
): OutgoingMail {
  const subjects = {
    confirm_signup: t('auth.mail.confirm.subject'),
    already_registered: t('auth.mail.alreadyRegistered.subject'),
    reset_password: t('auth.mail.reset.subject'),
    change_email: t('auth.mail.changeEmail.subject'),
    sign_in_failures: t('auth.mail.signInFailures.subject'),
  } as const;
  const bodies = {
    confirm_signup: t('auth.mail.confirm.body', { link }),
    already_registered: t('auth.mail.alreadyRegistered.body', { link }),
    reset_password: t('auth.mail.reset.body', { link }),
    change_email: t('auth.mail.changeEmail.body', { link }),
    sign_in_failures: t('auth.mail.signInFailures.body', { link }),
  } as const;
  return {
    to,
    kind: `auth.${kind}`,
    subject: subjects[kind],
    text: `${bodies[kind]}\n\n${t('auth.mail.footer')}`,
  };
}
