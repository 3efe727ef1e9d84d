import { commonPasswordList } from './common-passwords';

/** NIST SP 800-63B style limits: long enough to resist guessing, long enough for passphrases. */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(commonPasswordList.split('\n').filter((line) => line !== ''));
  return common;
}

/**
 * Checks a new password against the policy: 12 to 128 characters (counted as
 * code points, so passphrases in any script work), not in the shipped list of
 * common passwords, not the account's own email or its local part. No
 * composition rules: they make passwords harder to remember, not to guess.
 */
export function checkPasswordPolicy(
  password: string,
  context: { email?: string } = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'tooShort';
  if (length > passwordMaxLength) return 'tooLong';
  const normalized = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(normalized) || commonPasswords().has(normalized.trim()))
    return 'common';
  if (isRepetitive(normalized)) return 'common';
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const local = email.split('@')[0] ?? '';
    if (
      normalized.includes(email) ||
      (local.length >= 6 && normalized.includes(local) && normalized.length - local.length < 6)
    ) {
      return 'containsEmail';
    }
  }
  return null;
}

/** One short unit repeated ("abcabcabcabc", "aaaaaaaaaaaa") is as weak as the unit. */
function isRepetitive(value: string): boolean {
  for (let unit = 1; unit <= 4; unit += 1) {
    const head = value.slice(0, unit);
    if (head.repeat(Math.ceil(value.length / unit)).slice(0, value.length) === value) return true;
  }
  return false;
}
