import { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';
import { checkPasswordPolicy, passwordMaxLength, type PasswordProblem } from './password-policy';

/**
 * The identity forms' schemas. Messages are i18n keys; the pages translate
 * them. Emails are trimmed and lowercased; passwords are taken exactly as
 * typed (spaces count).
 */
export const emailSchema = z
  .string({ message: 'auth.error.emailRequired' })
  .trim()
  .min(1, 'auth.error.emailRequired')
  .max(254, 'auth.error.emailInvalid')
  .pipe(z.email('auth.error.emailInvalid'))
  .transform((value) => value.toLowerCase());

const passwordInputSchema = z
  .string({ message: 'auth.error.passwordRequired' })
  .min(1, 'auth.error.passwordRequired')
  .max(1024, 'auth.error.passwordTooLong');

const problemMessages: Record<PasswordProblem, MessageKey> = {
  tooShort: 'auth.error.passwordTooShort',
  tooLong: 'auth.error.passwordTooLong',
  common: 'auth.error.passwordCommon',
  containsEmail: 'auth.error.passwordContainsEmail',
};

/** A new password, checked against the policy (length, common list, own email). */
function newPasswordField(emailField?: string) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx, field: string) => {
    const password = data[field];
    if (typeof password !== 'string') return;
    const email =
      emailField && typeof data[emailField] === 'string' ? (data[emailField] as string) : undefined;
    const problem = checkPasswordPolicy(password, { email });
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problemMessages[problem] });
  };
}

const displayNameSchema = z
  .string({ message: 'auth.error.displayNameRequired' })
  .trim()
  .min(1, 'auth.error.displayNameRequired')
  .max(120, 'auth.error.displayNameRequired');

export const nextPathSchema = z.string().max(500).optional();

export const signInFormSchema = z.object({
  email: emailSchema,
  password: passwordInputSchema,
  next: nextPathSchema,
});

export const signUpFormSchema = z
  .object({
    displayName: displayNameSchema,
    email: emailSchema,
    password: z
      .string({ message: 'auth.error.passwordRequired' })
      .max(1024, 'auth.error.passwordTooLong'),
  })
  .superRefine((data, ctx) => newPasswordField('email')(data, ctx, 'password'));

export const forgotPasswordFormSchema = z.object({ email: emailSchema });

export const emailTokenSchema = z
  .string()
  .min(16)
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/);

export const confirmFormSchema = z.object({
  token: emailTokenSchema,
  type: z.enum(['signup', 'email_change']),
});

export const resetPasswordFormSchema = z
  .object({
    token: emailTokenSchema,
    password: z
      .string({ message: 'auth.error.passwordRequired' })
      .max(1024, 'auth.error.passwordTooLong'),
  })
  .superRefine((data, ctx) => newPasswordField()(data, ctx, 'password'));

export const profileFormSchema = z.object({
  intent: z.literal('profile'),
  displayName: displayNameSchema,
  affiliation: z
    .string()
    .trim()
    .max(200, 'auth.error.affiliationTooLong')
    .optional()
    .transform((value) => (value ? value : null)),
});

export const changePasswordFormSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: passwordInputSchema,
    password: z
      .string({ message: 'auth.error.passwordRequired' })
      .max(1024, 'auth.error.passwordTooLong'),
  })
  .superRefine((data, ctx) => newPasswordField()(data, ctx, 'password'));

export const changeEmailFormSchema = z.object({
  intent: z.literal('email'),
  currentPassword: passwordInputSchema,
  email: emailSchema,
});

export const endSessionFormSchema = z.object({
  intent: z.literal('end-session'),
  sessionId: z.uuid(),
});

export const endOtherSessionsFormSchema = z.object({ intent: z.literal('end-other-sessions') });

export const deleteAccountFormSchema = z.object({
  intent: z.literal('delete'),
  currentPassword: passwordInputSchema,
});

/** Every form of the account page, told apart by its `intent` field. */
export const accountFormSchema = z.discriminatedUnion('intent', [
  profileFormSchema,
  changePasswordFormSchema,
  changeEmailFormSchema,
  endSessionFormSchema,
  endOtherSessionsFormSchema,
  deleteAccountFormSchema,
]);

export const accountIntentSchema = z.enum([
  'profile',
  'password',
  'email',
  'end-session',
  'end-other-sessions',
  'delete',
]);

/** The notices a page may show from `?notice=`: a fixed list, never the raw parameter. */
export const noticeSchema = z
  .enum([
    'signed-out',
    'confirmed',
    'password-reset',
    'email-changed',
    'account-deleted',
    'sign-in-required',
  ])
  .optional()
  .catch(undefined);

export const noticeMessages: Record<NonNullable<z.infer<typeof noticeSchema>>, MessageKey> = {
  'signed-out': 'auth.notice.signedOut',
  confirmed: 'auth.notice.confirmed',
  'password-reset': 'auth.notice.passwordReset',
  'email-changed': 'auth.notice.emailChanged',
  'account-deleted': 'auth.notice.accountDeleted',
  'sign-in-required': 'auth.notice.signInRequired',
};

export { passwordMaxLength };
