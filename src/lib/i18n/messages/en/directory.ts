/** The partner directory: organizations and the hubs they work with. */
export const directory = {
  'directory.title': 'Partner directory',
  'directory.lead':
    'Companies, universities, civil-society organizations, public agencies, international organizations and investors that work with the network. Every organization listed here has been verified.',
  'directory.filter.kind': 'Sector',
  'directory.filter.country': 'Country',
  'directory.type': 'Partner · {kind}',
  'directory.facts': 'Key facts',
  'directory.fact.kind': 'Sector',
  'directory.fact.country': 'Country',
  'directory.fact.website': 'Website',
  'directory.fact.status': 'Status',
  'directory.noCountry': 'Not given',
  'directory.noWebsite': 'Not given',
  'directory.status.verified': 'Verified',
  'directory.status.pending': 'Waiting for review',
  'directory.status.rejected': 'Not accepted',
  'directory.pendingNotice':
    'This organization is waiting for review. Until an administrator verifies it, only its members and administrators can see this page.',
  'directory.rejectedNotice':
    'This organization was not accepted. Only its members and administrators can see this page.',
  'directory.about': 'About',
  'directory.connected': 'Connected',
  'directory.hubs': 'Hubs it partners with',
  'directory.noHubs': 'Not a partner of any hub yet.',
} as const;
