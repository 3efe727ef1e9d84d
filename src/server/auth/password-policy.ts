import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** NIST SP 800-63B style limits: long enough to resist guessing, long enough for passphrases. */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;

/**
 * Fewer estimated guesses than this is "too common and easy to guess":
 * zxcvbn's score 3 ("safely unguessable"), the level its authors recommend
 * as the minimum. Passwords are hashed with argon2id and sign-in is rate
 * limited, so this resists both online guessing and an offline attack on a
 * stolen hash for a long time.
 */
const minimumGuesses = 1e8;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with its language-independent data: the most common passwords
 * of public breach lists (`@zxcvbn-ts/language-common`, maintained upstream)
 * and keyboard layouts. It recognises those passwords with the ways people
 * stretch them (capitals, l33t, reversed, repeated, years and digits added),
 * keyboard walks, sequences and repeats. Built on first use.
 */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { 'passwords-common': dictionary['passwords-common'] },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

/**
 * Checks a new password against the policy: 12 to 128 characters (counted as
 * code points, so passphrases in any script work), not easy to guess (see
 * `minimumGuesses`), not the account's own email or its local part. No
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
  if (getEstimator().check(normalized.trim()).guesses < minimumGuesses) return 'common';
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
