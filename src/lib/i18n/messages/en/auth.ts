/** Interface text of identity: sign-up, sign-in, account, mail, administration of roles. */
export const auth = {
  'auth.menu.signIn': 'Sign in',
  'auth.menu.register': 'Register your organization',
  'auth.menu.work': 'Your work',
  'auth.menu.account': 'Your account',
  'auth.menu.admin': 'Manage members',
  'auth.menu.signOut': 'Sign out',
  'auth.menu.label': 'Account menu for {name}',

  'auth.form.required': 'Required',
  'auth.field.email': 'Email address',
  'auth.field.emailHint': 'We send a link to this address to confirm it.',
  'auth.field.password': 'Password',
  'auth.field.newPassword': 'New password',
  'auth.field.newPasswordHint':
    'At least 12 characters. A few unrelated words make a strong password that is easy to remember. Common passwords are refused.',
  'auth.field.currentPassword': 'Current password',
  'auth.field.currentPasswordHint': 'To protect your account, confirm it is you.',
  'auth.field.displayName': 'Your name',
  'auth.field.displayNameHint': 'Shown beside what you publish.',
  'auth.field.affiliation': 'Organization or city',
  'auth.field.newEmail': 'New email address',

  'auth.error.emailInvalid': 'Enter an email address in the format name@example.org',
  'auth.error.emailRequired': 'Enter your email address',
  'auth.error.passwordRequired': 'Enter your password',
  'auth.error.passwordTooShort': 'Your password must be at least 12 characters long',
  'auth.error.passwordTooLong': 'Your password must be 128 characters or fewer',
  'auth.error.passwordCommon': 'This password is too common and easy to guess. Choose another one',
  'auth.error.passwordContainsEmail': 'Your password must not contain your email address',
  'auth.error.displayNameRequired': 'Enter your name (up to 120 characters)',
  'auth.error.affiliationTooLong': 'Keep this to 200 characters or fewer',
  'auth.error.invalidCredentials':
    'The email address or password is not right. Check them and try again.',
  'auth.error.unconfirmed':
    'Confirm your email address first: follow the link in the mail we sent you. You can sign up again to get a new link.',
  'auth.error.disabled':
    'This account has been disabled. Contact the portal team if you think this is a mistake.',
  'auth.error.wrongPassword': 'Your current password is not right',
  'auth.error.sameEmail': 'This is already your email address',
  'auth.error.invalidLink': 'This link has expired or was already used. Ask for a new one.',

  'auth.rateLimited.title': 'Too many attempts',
  'auth.rateLimited.body':
    'For your security we paused this for a while. Try again in {minutes} minutes.',

  'auth.login.title': 'Sign in',
  'auth.login.lead': 'Sign in to publish for your hub, city or organization.',
  'auth.login.submit': 'Sign in',
  'auth.login.forgot': 'Forgot your password?',
  'auth.login.already': 'You are signed in as {name} ({email}).',
  'auth.login.continue': 'Continue where you were going',
  'auth.login.notYou': 'Not you, or want to use another account? Sign out first.',
  'auth.login.noAccount': 'No account yet?',
  'auth.login.signUpLink': 'Create an account',
  'auth.notice.signedOut': 'You are signed out.',
  'auth.notice.confirmed': 'Your email address is confirmed. You can sign in now.',
  'auth.notice.passwordReset': 'Your password was changed. Sign in with your new password.',
  'auth.notice.emailChanged': 'Your new email address is confirmed. Sign in with it.',
  'auth.notice.accountDeleted': 'Your account was deleted.',
  'auth.notice.signInRequired': 'Sign in to see that page.',

  'auth.signup.title': 'Create an account',
  'auth.signup.lead':
    'An account lets you register your organization, and lets coordinators give you a role in a hub or city.',
  'auth.signup.submit': 'Create account',
  'auth.signup.haveAccount': 'Already have an account?',
  'auth.signup.already':
    'You already have an account: you are signed in as {name} ({email}). Everything you do on the portal goes through it.',
  'auth.signup.organization.title': 'Registering an organization',
  'auth.signup.organization.soon':
    'Organizations cannot register on the portal yet: the registration is being built. Once it opens, you enter your organization’s details, the portal team verifies them, and it appears in the partner directory and can join hubs.',
  'auth.signup.organization.meanwhile': 'What you can do until then',
  'auth.signup.organization.createAccount':
    'Create a personal account with the form above: your organization will be registered from it.',
  'auth.signup.organization.haveAccount':
    'Keep your account: your organization will be registered from it.',
  'auth.signup.organization.directory':
    'See which organizations are partners already in the {link}.',
  'auth.signup.organization.directoryLink': 'partner directory',
  'auth.signup.organization.hubs':
    'If you work with a hub, its coordinators are listed on its page: {link}.',
  'auth.signup.organization.hubsLink': 'find the hub',
  'auth.checkMail.title': 'Check your email',
  'auth.checkMail.body':
    'If {email} can be used, we have sent a message to it. Follow the link in it to continue. The link works for a limited time.',

  'auth.logout.title': 'Sign out',
  'auth.logout.lead': 'Sign out of the portal on this device.',
  'auth.logout.submit': 'Sign out',

  'auth.confirm.title': 'Confirm your email address',
  'auth.confirm.lead': 'Select the button to confirm this email address.',
  'auth.confirm.submit': 'Confirm email address',

  'auth.forgot.title': 'Reset your password',
  'auth.forgot.lead':
    'Enter the email address of your account and we will send you a link to choose a new password.',
  'auth.forgot.submit': 'Send reset link',

  'auth.reset.title': 'Choose a new password',
  'auth.reset.submit': 'Save new password',
  'auth.reset.again': 'Ask for a new reset link',

  'auth.account.title': 'Your account',
  'auth.account.signedInAs': 'Signed in as {email}',
  'auth.account.profile': 'Profile',
  'auth.account.saveProfile': 'Save profile',
  'auth.account.profileSaved': 'Your profile was saved.',
  'auth.account.password': 'Password',
  'auth.account.changePassword': 'Change password',
  'auth.account.passwordChanged': 'Your password was changed. Your other devices were signed out.',
  'auth.account.email': 'Email address',
  'auth.account.changeEmail': 'Change email address',
  'auth.account.emailPending': 'Waiting for confirmation of {email}.',
  'auth.account.emailCheck':
    'We sent a link to the new address, if it can be used. The change happens when you follow it.',
  'auth.account.sessions': 'Where you are signed in',
  'auth.account.sessionsManaged':
    'Your sessions are managed by Supabase Auth. You can sign out everywhere else.',
  'auth.account.sessionCurrent': 'This device',
  'auth.account.sessionSince': 'Signed in {date}, last active {lastSeen}',
  'auth.account.sessionEnd': 'Sign out this device',
  'auth.account.sessionEnded': 'The session was ended.',
  'auth.account.endOthers': 'Sign out everywhere else',
  'auth.account.othersEnded': 'You were signed out everywhere else.',
  'auth.account.unknownDevice': 'Unknown device',
  'auth.account.roles': 'Your roles',
  'auth.account.organizationPending': 'Waiting for verification',
  'auth.account.toWork': 'What you manage and what waits for you is on {link}.',
  'auth.account.noRoles':
    'You hold no role yet. A hub coordinator or the portal team can give you one.',
  'auth.account.delete': 'Delete your account',
  'auth.account.deleteLead':
    'This removes your account, your profile and your roles. It cannot be undone. What you published for a hub or city stays with it.',
  'auth.account.deleteSubmit': 'Delete my account',

  'auth.role.platform_admin': 'Platform admin',
  'auth.role.hub_coordinator': 'Coordinator of {target}',
  'auth.role.city_editor': 'Editor of {target}',
  'auth.role.org_member': 'Member of {target}',

  'auth.mailbox.title': 'Development mailbox',
  'auth.mailbox.lead':
    'Mail the portal would send. This page exists only in development and embedded mode, never when SMTP_URL is set.',
  'auth.mailbox.empty': 'No mail yet.',
  'auth.mailbox.to': 'To: {to}',

  'auth.mail.confirm.subject': 'Confirm your email address for the U4SSC Hub Portal',
  'auth.mail.confirm.body':
    'Hello,\n\nSomeone (we hope you) created an account on the U4SSC Hub Portal with this address. To confirm it, open this link within 48 hours:\n\n{link}\n\nIf it was not you, ignore this mail: no account is usable without this link.',
  'auth.mail.alreadyRegistered.subject': 'You already have an account on the U4SSC Hub Portal',
  'auth.mail.alreadyRegistered.body':
    'Hello,\n\nSomeone tried to create an account with this address, but you already have one. If it was you and you forgot your password, you can choose a new one here:\n\n{link}\n\nIf it was not you, ignore this mail.',
  'auth.mail.reset.subject': 'Reset your password for the U4SSC Hub Portal',
  'auth.mail.reset.body':
    'Hello,\n\nTo choose a new password, open this link within one hour:\n\n{link}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.',
  'auth.mail.changeEmail.subject': 'Confirm your new email address for the U4SSC Hub Portal',
  'auth.mail.changeEmail.body':
    'Hello,\n\nTo use this address for your U4SSC Hub Portal account, open this link within 24 hours:\n\n{link}\n\nIf you did not ask for this, ignore this mail.',
  'auth.mail.signInFailures.subject': 'Failed sign-in attempts on your U4SSC Hub Portal account',
  'auth.mail.signInFailures.body':
    'Hello,\n\nSomeone tried several times to sign in to your U4SSC Hub Portal account with a wrong password. Your password was not given, so your account is safe as long as you do not use the same password on other sites.\n\nFor the next hour, sign-ins to your account from browsers you have not used before are paused. You can still sign in from a browser you used before. If you need to sign in from a new browser now, or want to be safe, choose a new password here (this also ends the pause):\n\n{link}\n\nIf it was you, you can ignore this mail.',
  'auth.mail.footer': 'U4SSC Hub Portal',

  'admin.members.title': 'Manage members',
  'admin.members.lead':
    'Give people a role in a hub, a city or an organization, or take it away. Every change is logged.',
  'admin.members.search': 'Search by name or email',
  'admin.members.searchSubmit': 'Search',
  'admin.members.user': 'Person',
  'admin.members.roles': 'Roles',
  'admin.members.status': 'Status',
  'admin.members.actions': 'Actions',
  'admin.members.unconfirmed': 'Email not confirmed',
  'admin.members.disabled': 'Disabled',
  'admin.members.active': 'Active',
  'admin.members.revoke': 'Revoke',
  'admin.members.revokeLabel': 'Revoke role {role} from {name}',
  'admin.members.disable': 'Disable account',
  'admin.members.enable': 'Enable account',
  'admin.members.grantTitle': 'Give a role',
  'admin.members.grantEmail': 'Email address of the person',
  'admin.members.grantRole': 'Role',
  'admin.members.grantHub': 'Hub (for a hub coordinator)',
  'admin.members.grantCity': 'City (for a city editor)',
  'admin.members.grantOrganization': 'Organization (for an organization member)',
  'admin.members.grantSubmit': 'Give role',
  'admin.members.choose': 'Choose…',
  'admin.members.granted': 'The role was given.',
  'admin.members.revoked': 'The role was revoked.',
  'admin.members.accountUpdated': 'The account was updated.',
  'admin.members.errorNoUser': 'No account uses this email address',
  'admin.members.errorTarget': 'Choose the hub, city or organization this role is for',
  'admin.members.errorDuplicate': 'This person already has this role',
  'admin.members.errorSelf': 'You cannot disable your own account',
  'admin.members.audit': 'Recent changes',
  'admin.members.auditEmpty': 'No changes yet.',
  'admin.members.auditWhen': 'When',
  'admin.members.auditWho': 'Who',
  'admin.members.auditWhat': 'What',
  'admin.members.auditSystem': 'System',
  'admin.forbidden.title': 'You cannot open this page',
  'admin.forbidden.body': 'This page is for platform admins.',
  'audit.role.granted': 'Role given',
  'audit.role.revoked': 'Role revoked',
  'audit.account.disabled': 'Account disabled',
  'audit.account.enabled': 'Account enabled',
  'audit.account.deleted': 'Account deleted',
  'audit.account.password_reset': 'Password reset',
  'audit.account.password_changed': 'Password changed',
  'audit.account.email_changed': 'Email address changed',
} as const;
