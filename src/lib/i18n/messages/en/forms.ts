/** Forms (every form in the portal) and the answers of the permission guard. */
export const forms = {
  'form.errorSummary.title': 'There is a problem',
  'form.error.prefix': 'Error',
  'form.marker.optional': '(optional)',
  'form.marker.required': '(required)',
  'form.dateTime.day': 'Day',
  'form.dateTime.month': 'Month',
  'form.dateTime.year': 'Year',
  'form.dateTime.time': 'Time',
  'form.error.invalid': 'Check this field.',
  'form.error.nul':
    'This field contains an invisible control character (NUL) that cannot be stored. Remove it and try again.',
  'form.error.tooLarge':
    'What you sent is larger than this form accepts ({size}). Nothing was saved. Make it smaller and try again.',
  'form.error.unreadable':
    'The form could not be read, so nothing was saved. Reload the page and try again.',

  'forbidden.title': 'You cannot do this',
  'forbidden.body':
    'You are signed in, but your account does not have the role this page needs. Nothing was changed.',
  'forbidden.help':
    'If you think you should have access, ask a coordinator of the hub or a platform administrator to give your account the role.',
  'forbidden.work': 'See what your account can do',
  'forbidden.home': 'Go to the home page',
  'forbidden.json': 'You do not have permission to do this.',
  'signInRequired.json': 'Sign in to do this.',
} as const;
