/** The "Your work" page: what each person manages and what waits for them. */
export const work = {
  'work.title': 'Your work',
  'work.lead': 'What you look after on the portal, and what waits for you.',
  'work.waiting': 'Waiting for you',
  'work.waiting.none': 'Nothing waits for you right now.',
  'work.onThisPage': 'On this page',
  'work.more': 'See all {count}',
  'work.actions': 'What you can do',

  'work.admin.title': 'Administration',
  'work.admin.lead':
    'You are a platform admin: you give and take back roles, and can disable accounts.',
  'work.admin.members': 'Manage members and roles',
  'work.admin.recent': 'Latest changes to accounts and roles',
  'work.admin.recentEmpty': 'No changes yet.',
  'work.admin.entry': '{who} · {when}',
  'work.admin.someone': 'The portal',

  'work.hub.lead': 'You coordinate this hub.',
  'work.hub.requests.one': '{count} membership request for {hub}',
  'work.hub.requests.other': '{count} membership requests for {hub}',
  'work.hub.requestsHeading': 'Membership requests waiting for a decision',
  'work.hub.requestsEmpty': 'No request is waiting.',
  'work.hub.requestDetail': '{kind} · asked on {date}',
  'work.hub.kind.city': 'City',
  'work.hub.kind.organization': 'Organization',
  'work.hub.edit': 'Edit the hub page',

  'work.news.title': 'News of your hubs',
  'work.news.lead': 'Drafts wait for you to publish them; scheduled items appear at their time.',
  'work.news.drafts': 'Drafts',
  'work.news.scheduled': 'Scheduled',
  'work.news.draftCount.one': '{count} news draft',
  'work.news.draftCount.other': '{count} news drafts',
  'work.news.scheduledFor': '{hub} · appears {date} UTC',
  'work.news.lastEdited': '{hub} · last edited {date} UTC',
  'work.news.empty': 'No drafts and nothing scheduled.',

  'work.events.title': 'Events of your hubs',
  'work.events.lead': 'Events coming up, with their registrations, and events not published yet.',
  'work.events.upcoming': 'Coming up',
  'work.events.unpublished': 'Not published yet',
  'work.events.unpublishedCount.one': '{count} event not published yet',
  'work.events.unpublishedCount.other': '{count} events not published yet',
  'work.events.places': '{taken} of {capacity} places taken',
  'work.events.waiting.one': '{count} waiting',
  'work.events.waiting.other': '{count} waiting',
  'work.events.empty': 'No events coming up.',

  'work.registrations.title': 'Your event registrations',
  'work.registrations.lead': 'Events you registered for that have not ended.',
  'work.registrations.confirmed': 'Place confirmed',
  'work.registrations.waitlisted': 'On the waiting list',
  'work.registrations.browse': 'Browse events',

  'work.city.lead': 'You edit this city’s information on the portal.',
  'work.city.hubs': 'Hubs it belongs to',
  'work.city.noHub': 'It does not belong to a hub yet.',
  'work.requests.heading': 'Requests to join hubs',
  'work.requests.status.pending': 'Waiting for a decision',
  'work.requests.status.approved': 'Approved',
  'work.requests.status.declined': 'Declined',
  'work.requests.detail.pending': 'asked on {date}',
  'work.requests.detail.decided': 'decided on {date}',
  'work.requests.ask': 'Ask a hub to take {name} in',

  'work.organization.lead.verified': 'Your organization is listed in the partner directory.',
  'work.organization.lead.pending':
    'Your organization waits for the portal team to verify it. It is listed in the directory, and can join hubs, once it is verified.',
  'work.organization.lead.rejected':
    'Your organization is not listed in the directory. Contact the portal team to find out why.',
  'work.organization.hubs': 'Partner of',
  'work.organization.noHub': 'It is not a partner of a hub yet.',

  'work.start.title': 'Getting a role',
  'work.start.lead':
    'You hold no role yet, so nothing waits for you here. Roles are given by people who know you:',
  'work.start.city': 'Working for a city? The coordinators of its hub can make you its editor.',
  'work.start.cityLink': 'Find your city’s hub',
  'work.start.organization':
    'Working for a company, university or other organization? Register it as a partner.',
  'work.start.organizationLink': 'Register your organization',
  'work.start.hub':
    'Coordinating a hub? The portal team gives coordinators their role; each hub’s page lists its coordinators.',
  'work.start.hubLink': 'See the hubs and their coordinators',
} as const;
