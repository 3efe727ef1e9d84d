/**
 * The words of the notices the database records (private.notices, worded by
 * src/server/mail/notices.ts): `mail.<kind>.subject`, `mail.<kind>.body`, and
 * `mail.<kind>.body.<fact>` for a paragraph shown only when that fact is not
 * empty. Placeholders are the facts the notice carries; `{link}` is an
 * absolute address, instants (`{startsAt}`) come written in the event's zone.
 */
export const mail = {
  'mail.footer': 'U4SSC Hub Portal',

  'mail.hubs.membership_requested.subject': 'New request to join {hub}: {applicant}',
  'mail.hubs.membership_requested.body':
    '{person} asked for {applicant} to join {hub}. Approve or decline it on the hub’s membership requests page:\n{link}',
  'mail.hubs.membership_requested.body.message': 'Their message:\n{message}',
  'mail.hubs.membership_approved.subject': '{applicant} has joined {hub}',
  'mail.hubs.membership_approved.body':
    'Your request for {applicant} to join {hub} was approved.\n\nThe hub’s page: {link}',
  'mail.hubs.membership_approved.body.reason': 'The coordinators wrote:\n{reason}',
  'mail.hubs.membership_declined.subject': 'Your request to join {hub} was declined',
  'mail.hubs.membership_declined.body': 'Your request for {applicant} to join {hub} was declined.',
  'mail.hubs.membership_declined.body.reason': 'Reason given by the coordinators:\n{reason}',

  'mail.events.registration_confirmed.subject': 'You have a place at {event}',
  'mail.events.registration_confirmed.body':
    'Your place at {event} ({hub}) is confirmed.\n\nWhen: {startsAt}\n\nThe event’s page, where you can also cancel: {link}',
  'mail.events.registration_confirmed.body.venue': 'Where: {venue}',
  'mail.events.registration_confirmed.body.online': 'Online: {online}',
  'mail.events.registration_waitlisted.subject': 'You are on the waiting list for {event}',
  'mail.events.registration_waitlisted.body':
    '{event} ({hub}) is full, so you are on its waiting list. If a place becomes free, you move up and we tell you by mail.\n\nWhen: {startsAt}\n\nThe event’s page: {link}',
  'mail.events.waitlist_promoted.subject': 'A place became free: you are registered for {event}',
  'mail.events.waitlist_promoted.body':
    'You moved up from the waiting list: your place at {event} ({hub}) is confirmed.\n\nWhen: {startsAt}\n\nIf you cannot come, cancel on the event’s page so that someone else can have the place: {link}',
  'mail.events.waitlist_promoted.body.venue': 'Where: {venue}',
  'mail.events.waitlist_promoted.body.online': 'Online: {online}',

  'mail.cases.submitted.subject': 'A case study waits for your review: {caseStudy}',
  'mail.cases.submitted.body':
    '{city} submitted “{caseStudy}” for review. Read it, then publish it or ask for changes:\n{link}',
  'mail.cases.changes_requested.subject': 'Changes requested: {caseStudy}',
  'mail.cases.changes_requested.body':
    'A reviewer asked for changes to “{caseStudy}” ({city}). Their comment is with the case study; change it and submit it again:\n{link}',
  'mail.cases.published.subject': 'Published: {caseStudy}',
  'mail.cases.published.body':
    '“{caseStudy}” ({city}) was reviewed and is now published for everyone to read:\n{link}',

  'mail.auth.password_changed.subject': 'Your U4SSC Hub Portal password was changed',
  'mail.auth.password_changed.body':
    'The password of your account was just changed, and your other devices were signed out. If you did this, there is nothing more to do.\n\nIf you did not, choose a new password now: {link}',
  'mail.auth.email_changed.subject':
    'The email address of your U4SSC Hub Portal account was changed',
  'mail.auth.email_changed.body':
    'The email address of your account was changed to {email}. Mail about the account now goes there, not to this address.\n\nIf you did not ask for this, someone else may hold your account: tell the portal team at once ({link}).',
} as const;
