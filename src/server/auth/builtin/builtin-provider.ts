import type { IdentityProvider } from '../identity-provider';
import {
  changePasswordBuiltin,
  deleteAccountBuiltin,
  requestEmailChangeBuiltin,
} from './account-changes';
import {
  confirmEmailBuiltin,
  isResetTokenValidBuiltin,
  requestPasswordResetBuiltin,
  resetPasswordBuiltin,
} from './email-links';
import {
  endOtherSessionsBuiltin,
  endSessionBuiltin,
  getAccountBuiltin,
  listSessionsBuiltin,
} from './sessions';
import { signInBuiltin } from './sign-in';
import { signOutBuiltin } from './sign-out';
import { signUpBuiltin } from './sign-up';

/** The default provider: accounts, sessions and mail in the portal's own Postgres. */
export const builtinProvider: IdentityProvider = {
  kind: 'builtin',
  managesSessions: true,
  signUp: signUpBuiltin,
  signIn: signInBuiltin,
  signOut: signOutBuiltin,
  confirmEmail: confirmEmailBuiltin,
  requestPasswordReset: requestPasswordResetBuiltin,
  resetPassword: resetPasswordBuiltin,
  isResetTokenValid: isResetTokenValidBuiltin,
  changePassword: changePasswordBuiltin,
  requestEmailChange: requestEmailChangeBuiltin,
  deleteAccount: deleteAccountBuiltin,
  getAccount: getAccountBuiltin,
  listSessions: listSessionsBuiltin,
  endSession: endSessionBuiltin,
  endOtherSessions: endOtherSessionsBuiltin,
};
