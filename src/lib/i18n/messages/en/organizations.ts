/** Organizations: registration, review, dashboard, team, invitations, contact requests, personal data. */
export const organizations = {
  'people.formerMember': 'a former member',

  'organizations.role.admin': 'Admin',
  'organizations.role.member': 'Member',
  'organizations.size.micro': 'Fewer than 10 people',
  'organizations.size.small': '10 to 49 people',
  'organizations.size.medium': '50 to 249 people',
  'organizations.size.large': '250 people or more',

  'organizations.forbidden.title': 'This is for the organization’s team',
  'organizations.forbidden.adminsOnly':
    'Only the organization’s admins can do this. Ask one of them to make you an admin.',
  'organizations.forbidden.membersOnly': 'Only the organization’s members can see this page.',
  'organizations.forbidden.reviewers':
    'Only coordinators of the hubs an organization chose, and platform administrators, review registrations.',

  'organizations.error.name': 'Enter the organization’s name (2 to 200 characters).',
  'organizations.error.slug':
    'The address can use lower-case letters, digits and single hyphens between them, up to 80 characters.',
  'organizations.error.slugTaken':
    'This address is already taken. Choose another one, or leave the field empty to derive one from the name.',
  'organizations.error.kind': 'Choose the sector the organization belongs to.',
  'organizations.error.country': 'Choose the country the organization is based in.',
  'organizations.error.websiteFormat':
    'Enter the website as an address such as https://example.org.',
  'organizations.error.websiteScheme':
    '“{value}” is not a web address: it must start with https:// or http://.',
  'organizations.error.websiteCredentials':
    'Leave out the user name and password: enter the address as visitors would type it.',
  'organizations.error.websitePrivate':
    '“{value}” points to a private network or this computer (localhost, .local, 10.x, 192.168.x and similar). Enter the organization’s public website.',
  'organizations.error.websiteLength': 'The website address can be at most 500 characters long.',
  'organizations.error.summary':
    'Describe the organization in one sentence (at least 10 characters).',
  'organizations.error.summaryLength': 'The summary can be at most 600 characters long.',
  'organizations.error.descriptionLength': 'The description can be at most 4,000 characters long.',
  'organizations.error.size': 'Choose one of the sizes.',
  'organizations.error.dimension': 'Choose among the three U4SSC KPI dimensions.',
  'organizations.error.recommendation':
    'These are not ITU-T Recommendations on the portal: {value}.',
  'organizations.error.hub': 'Choose hubs from the list.',
  'organizations.error.offeringTitle': 'Give the offering a short title (3 to 120 characters).',
  'organizations.error.offeringDescription':
    'The description can be at most 1,000 characters long.',
  'organizations.error.offeringThemes': 'Choose one to five themes.',
  'organizations.error.offeringsFull': 'An organization lists at most 12 offerings.',
  'organizations.error.offeringsNone': 'Add at least one offering: cities find partners by them.',
  'organizations.error.terms': 'Accept the terms of use to submit the registration.',
  'organizations.error.termsChanged':
    'The terms of use changed while you were reading them. Read them again, then accept them.',
  'organizations.error.stepMissing': 'A step of the registration is not finished yet.',
  'organizations.error.reasonRequired':
    'Say why the registration is declined: the applicant reads it and can correct it.',
  'organizations.error.reasonLength': 'The reason can be at most 2,000 characters long.',
  'organizations.error.email': 'Enter an e-mail address such as name@example.org.',
  'organizations.error.role': 'Choose admin or member.',
  'organizations.error.lastAdmin':
    'An organization keeps at least one admin. Make another member an admin first.',
  'organizations.error.notFound': 'This is no longer there. Reload the page to see what changed.',
  'organizations.error.notResubmitted': 'This registration cannot be submitted again now.',
  'organizations.error.joinMessageLength': 'The message can be at most 1,000 characters long.',
  'organizations.error.contactSubject': 'Enter a subject (at least 3 characters).',
  'organizations.error.contactSubjectLength': 'The subject can be at most 150 characters long.',
  'organizations.error.contactMessage': 'Write your message (at least 10 characters).',
  'organizations.error.contactMessageLength': 'The message can be at most 5,000 characters long.',
  'organizations.error.contactNotListed':
    'This organization cannot receive messages at the moment.',

  'organizations.join.alreadyMember': 'You already belong to this organization.',
  'organizations.join.alreadyAsked': 'You already asked to join; its admins have not answered yet.',
  'organizations.join.thatOrganization': 'an organization under review',
  'organizations.join.status.pending': 'waiting for an answer',
  'organizations.join.status.accepted': 'accepted',
  'organizations.join.status.declined': 'declined',

  'organizations.team.invited': 'An invitation was sent to {email}. The link works for seven days.',
  'organizations.team.roleChanged': 'The role was changed.',
  'organizations.team.removed': 'The member was removed from the organization.',
  'organizations.team.withdrawn': 'The invitation was withdrawn: its link no longer works.',
  'organizations.team.left': 'You left the organization.',
  'organizations.team.joinAccepted': 'The request was accepted: they are now a member.',
  'organizations.team.joinDeclined': 'The request was declined.',

  'organizations.mine.title': 'Your organizations',
  'organizations.mine.none': 'You do not belong to an organization on the portal yet.',
  'organizations.mine.joins': 'Your requests to join',
  'organizations.mine.register': 'Register an organization',
  'organizations.mine.requested':
    'Your request was sent to the organization’s admins. You will get a mail when they answer.',
  'organizations.mine.left': 'You left the organization.',

  'mail.organizations.registration_submitted.subject':
    'To review: {organization} registered on the U4SSC Hub Portal',
  'mail.organizations.registration_submitted.body':
    '{organization} registered as a partner of the network. Verify it, or decline it with a reason, in the review queue:\n{link}\n\nOnly verified organizations are listed in the directory and can be linked from case studies.',
  'mail.organizations.registration_submitted.body.hubs': 'It chose these hubs: {hubs}.',
  'mail.organizations.registration_verified.subject':
    '{organization} is now in the partner directory',
  'mail.organizations.registration_verified.body':
    'Good news: the registration of {organization} was verified. It is listed in the U4SSC partner directory and can be found in search:\n{link}',
  'mail.organizations.registration_declined.subject':
    'The registration of {organization} was not accepted',
  'mail.organizations.registration_declined.body':
    'The registration of {organization} was declined. You can change it and submit it again from its dashboard:\n{link}',
  'mail.organizations.registration_declined.body.reason': 'The reviewer wrote:\n{reason}',
  'mail.organizations.invitation.subject':
    '{inviter} invites you to join {organization} on the U4SSC Hub Portal',
  'mail.organizations.invitation.body':
    '{inviter} invites you to join {organization} on the U4SSC Hub Portal (role: {role}).\n\nOpen this link, signed in with this e-mail address (or after creating an account with it), to accept:\n{link}\n\nThe link works once, until {expiresAt}. If you do not know {inviter}, ignore this mail.',
  'mail.organizations.join_requested.subject': '{person} asks to join {organization}',
  'mail.organizations.join_requested.body':
    '{person} asks to join {organization} on the U4SSC Hub Portal. Accept or decline on the team page:\n{link}',
  'mail.organizations.join_requested.body.message': 'Their message:\n{message}',
  'mail.organizations.join_accepted.subject': 'You are now a member of {organization}',
  'mail.organizations.join_accepted.body':
    'Your request to join {organization} was accepted. Its dashboard:\n{link}',
  'mail.organizations.join_declined.subject': 'Your request to join {organization}',
  'mail.organizations.join_declined.body':
    'The admins of {organization} declined your request to join. If you think this is a mistake, contact them directly.',
  'mail.organizations.contact_received.subject': 'Message for {organization}: {subject}',
  'mail.organizations.contact_received.body':
    '{sender} ({senderEmail}) wrote to {organization} through the U4SSC Hub Portal.\n\nSubject: {subject}\n\n{message}\n\nReply to {senderEmail}. The message is also in your dashboard, where you can mark it answered:\n{link}',

  'register.title': 'Register your organization',
  'register.lead':
    'Companies, universities, civil-society organizations, public agencies, international organizations and investors can register as partners of the network, be found by cities and answer their needs.',
  'register.what.review':
    'A coordinator of a hub you choose (or a platform administrator) reviews the registration; you get a mail with the decision.',
  'register.what.directory':
    'Once verified, the organization appears in the partner directory and in search, with its offerings.',
  'register.what.team': 'You become its admin and can invite colleagues.',
  'register.account.title': 'First, an account',
  'register.account.body':
    'You register the organization with your own account. Create one below and confirm your address, then come back to this page: what you enter is kept between visits.',
  'register.account.haveOne': 'Already have an account?',
  'register.account.signIn': 'Sign in to register',
  'register.account.signUp': 'Create an account',
  'register.yours': 'Organizations you belong to',
  'register.progress.start': 'Your registration',
  'register.progress.continue': 'Continue your registration',
  'register.progress.saved': 'Your answers were last saved on {date}.',
  'register.stepNumber': '{number}. {label}',
  'register.stepDone': 'Completed',
  'register.stepTodo': 'Not done yet',
  'register.steps': 'Registration steps',
  'register.start': 'Start',
  'register.continue': 'Continue',
  'register.discard': 'Start again (throw away your answers)',
  'register.saveContinue': 'Save and continue',
  'register.submit': 'Submit for review',
  'register.step.identity': 'The organization',
  'register.step.profile': 'What it does and where',
  'register.step.offerings': 'What it offers',
  'register.step.hubs': 'Hubs to join',
  'register.step.review': 'Check and submit',
  'register.identity.title': 'The organization',
  'register.identity.lead': 'Who is registering? We saved your answers at every step.',
  'register.field.name': 'Name of the organization',
  'register.field.nameHint': 'As it should appear in the directory.',
  'register.field.kind': 'Sector',
  'register.field.country': 'Country it is based in',
  'register.field.countryHint': 'Where its headquarters are.',
  'register.field.chooseCountry': 'Choose a country',
  'register.field.website': 'Website',
  'register.field.websiteHint': 'Its public website, for example https://example.org.',
  'register.field.slug': 'Address of its page',
  'register.field.slugHint':
    'The page will be /directory/<address>. Lower-case letters, digits and hyphens. Leave empty to derive it from the name. It cannot change later.',
  'register.duplicates.title': 'Is it one of these?',
  'register.duplicates.breadcrumb': 'Already on the portal?',
  'register.duplicates.lead':
    'These organizations are already on the portal and look like “{name}”. If yours is one of them, ask to join it instead of registering it twice.',
  'register.duplicates.none': 'No organization on the portal looks like this one any more.',
  'register.duplicates.sameWebsite': 'Same website as yours.',
  'register.duplicates.similarName': 'A similar name.',
  'register.duplicates.youAreMember': 'You already belong to it.',
  'register.duplicates.open': 'Open its dashboard',
  'register.duplicates.message': 'Message to its admins',
  'register.duplicates.messageHint': 'Say who you are and your role in the organization.',
  'register.duplicates.join': 'Ask to join {name}',
  'register.duplicates.different': 'None of these: continue with my registration',
  'register.profile.title': 'What {name} does and where',
  'register.profile.lead':
    'Cities filter the directory by these answers. Only the summary is required; the rest makes the organization easier to find.',
  'register.field.summary': 'Summary',
  'register.field.summaryHint': 'One sentence shown on its card in the directory.',
  'register.field.description': 'Description',
  'register.field.descriptionHint': 'What it does, for whom, and what it has done with cities.',
  'register.field.size': 'Size',
  'register.field.sizeUnsaid': 'Prefer not to say',
  'register.field.regions': 'Regions it works in',
  'register.field.regionsHint': 'Choose “Global” if it works worldwide.',
  'register.field.countries': 'Countries it works in',
  'register.field.countriesHint':
    'Hold Ctrl (Cmd on a Mac) to choose several. The country it is based in is chosen already.',
  'register.field.dimensions': 'U4SSC KPI dimensions it helps with',
  'register.field.dimensionsHint':
    'The three dimensions of the U4SSC key performance indicators (KPIs).',
  'register.field.recommendations': 'ITU-T Recommendations it implements',
  'register.field.recommendationsHint':
    'Standards of the International Telecommunication Union it works with.',
  'register.offerings.title': 'What it offers',
  'register.offerings.lead':
    'An offering is a product, service or kind of expertise, with the themes and SDGs it contributes to. Cities are matched with organizations by them. Add one to twelve.',
  'register.offerings.added': 'Offerings added: {count}',
  'register.offerings.none': 'None yet.',
  'register.offerings.add': 'Add an offering',
  'register.offerings.addButton': 'Add this offering',
  'register.offerings.remove': 'Remove “{title}”',
  'offerings.field.title': 'Title',
  'offerings.field.titleHint': 'For example “Air-quality sensor networks”.',
  'offerings.field.description': 'What it is',
  'offerings.field.themes': 'Themes',
  'offerings.field.themesHint': 'One to five.',
  'offerings.field.sdgs': 'Sustainable Development Goals it contributes to',
  'offerings.field.sdgsHint': 'Only those it really moves.',
  'register.hubs.title': 'Hubs to join',
  'register.hubs.lead':
    'U4SSC hubs bring together the cities and partners of a region or a country. A coordinator of a hub you choose reviews your registration; once verified, the organization becomes a partner of the hubs that reviewer coordinates and asks to join the others.',
  'register.field.hubs': 'Hubs',
  'register.field.hubsHint': 'Choose none if no hub fits: platform administrators then review it.',
  'register.review.title': 'Check and submit',
  'register.review.lead': 'Check your answers. Change any part; nothing else is asked again.',
  'register.review.change': 'Change {what}',
  'register.review.slugFromName': 'Derived from the name',
  'register.review.none': 'None',
  'register.review.noHubs': 'No hub: platform administrators review it.',
  'register.review.fixSlug': 'Choose another address.',
  'register.terms.legend': 'Terms of use',
  'register.terms.hint':
    'Version {version}. We store which version you accepted and when, with the registration.',
  'register.terms.accept': 'I have read and accept the terms of use for the organization',
  'register.terms.read': 'Read the terms of use (version {version})',

  'dashboard.kicker': 'Your organization',
  'dashboard.nav.label': 'Organization dashboard',
  'dashboard.nav.overview': 'Overview',
  'dashboard.nav.edit': 'Profile',
  'dashboard.nav.offerings': 'Offerings',
  'dashboard.nav.team': 'Team',
  'dashboard.nav.requests': 'Contact requests',
  'dashboard.nav.matches': 'Cities working on what you offer',
  'dashboard.nav.public': 'Public page',
  'dashboard.registered':
    'Your registration was submitted. The reviewers were told by mail; you will get a mail with their decision.',
  'dashboard.resubmitted': 'Your registration was submitted again for review.',
  'dashboard.joined': 'Welcome: you are now a member of this organization.',
  'dashboard.status.title': 'Status',
  'dashboard.status.pending':
    'Waiting for review since {date}. Until it is verified, only your team, its reviewers and platform administrators can see it. You can still change its profile and offerings.',
  'dashboard.status.verified': 'Verified on {date}: it is listed in the directory and in search.',
  'dashboard.status.declined': 'The registration was not accepted. The reviewer wrote:',
  'dashboard.status.resubmitHint': 'Change what the reviewer asked for, then submit it again.',
  'dashboard.status.resubmit': 'Submit again for review',
  'dashboard.todo.title': 'What is waiting',
  'dashboard.todo.requests': 'Open contact requests: {count}',
  'dashboard.todo.team': 'Requests to join: {joins} · open invitations: {invitations}',
  'dashboard.todo.offerings': 'Offerings: {count}',
  'dashboard.todo.matches': 'See cities working on what you offer',
  'dashboard.edit.title': 'Profile of {name}',
  'dashboard.edit.save': 'Save the profile',
  'dashboard.edit.saved': 'The profile was saved.',
  'dashboard.offerings.title': 'Offerings of {name}',
  'dashboard.offerings.lead':
    'Cities find partners by these: each with up to five themes and the SDGs it moves.',
  'dashboard.offerings.edit': 'Change “{title}”',
  'dashboard.offerings.save': 'Save the offering',
  'dashboard.offerings.saved': 'The offerings were saved.',
  'dashboard.team.title': 'Team of {name}',
  'dashboard.team.rules':
    'Admins edit the organization, its offerings and its team, and read its contact requests; members see the team. An organization always keeps at least one admin.',
  'dashboard.team.members': 'Members',
  'dashboard.team.you': 'you',
  'dashboard.team.since': 'since {date}',
  'dashboard.team.makeAdmin': 'Make {name} an admin',
  'dashboard.team.makeMember': 'Make {name} a member',
  'dashboard.team.stepDown': 'Step down as admin',
  'dashboard.team.remove': 'Remove {name}',
  'dashboard.team.leave': 'Leave this organization',
  'dashboard.team.joinRequests': 'Requests to join',
  'dashboard.team.acceptJoin': 'Accept',
  'dashboard.team.declineJoin': 'Decline',
  'dashboard.team.invite': 'Invite a colleague',
  'dashboard.team.inviteLead':
    'They get a mail with a link that works once, for seven days, and only for this address.',
  'dashboard.team.inviteEmail': 'Their e-mail address',
  'dashboard.team.inviteRole': 'Role',
  'dashboard.team.inviteSubmit': 'Send the invitation',
  'dashboard.team.invitations': 'Invitations',
  'dashboard.team.noInvitations': 'No invitations in the last 90 days.',
  'dashboard.team.invitedBy': 'invited by {name} on {date}',
  'dashboard.team.withdraw': 'Withdraw the invitation to {email}',
  'dashboard.team.invitation.open': 'Open',
  'dashboard.team.invitation.expired': 'Expired',
  'dashboard.team.invitation.accepted': 'Accepted',
  'dashboard.team.invitation.revoked': 'Withdrawn',
  'dashboard.requests.title': 'Contact requests to {name}',
  'dashboard.requests.lead':
    'Messages people sent through the portal. Reply to them by mail, then mark them answered. Only the organization’s admins see them.',
  'dashboard.requests.none': 'No contact requests yet.',
  'dashboard.requests.status.open': 'Open',
  'dashboard.requests.status.answered': 'Answered',
  'dashboard.requests.from': 'From {name},',
  'dashboard.requests.fromFormer': 'From a former member (their account was deleted).',
  'dashboard.requests.markAnswered': 'Mark “{subject}” answered',
  'dashboard.requests.reopen': 'Mark “{subject}” open again',
  'dashboard.matches.title': 'Cities working on what {name} offers',
  'dashboard.matches.lead':
    'Cities whose published case studies and priorities share a theme or an SDG with your offerings, then the cities in the places you work in.',
  'dashboard.matches.noOfferings': 'Add offerings to be matched with cities.',
  'dashboard.matches.topical': 'Working on what you offer',
  'dashboard.matches.noTopical':
    'No city has published work on your offerings’ themes and SDGs yet.',
  'dashboard.matches.nearby': 'Cities in the places you work in',
  'dashboard.matches.noNearby': 'No city on the portal is in the regions or countries you work in.',

  'review.title': 'Registrations to review',
  'review.lead':
    'Organizations that chose a hub you coordinate (every one, for platform administrators), oldest first. Verify those that are real partners; decline the others with a reason the applicant reads.',
  'review.empty': 'No registration is waiting for you.',
  'review.hubs': 'Hubs chosen',
  'review.noHubs': 'None',
  'review.offerings': 'Offerings',
  'review.submitted': 'Submitted',
  'review.by': 'by {person} on {date}',
  'review.sameWebsite': 'Same website as: {names}. It may be a duplicate.',
  'review.reason': 'Reason (required to decline)',
  'review.reasonHint': 'The applicant reads it in a mail and on their dashboard.',
  'review.verify': 'Verify {name}',
  'review.decline': 'Decline {name}',
  'review.verified':
    'Verified: it is now listed in the directory, and its admins were told by mail.',
  'review.declined': 'Declined: its admins were told by mail, with your reason.',
  'review.error.notPending':
    'This registration is no longer waiting for review, or it is not yours to decide.',
  'review.recent': 'Your recent decisions',
  'review.status.verified': 'verified',
  'review.status.declined': 'declined',

  'invitation.breadcrumb': 'Invitation',
  'invitation.title': 'Join {organization}',
  'invitation.lead': 'You are invited as {role}. The invitation was sent to {email}.',
  'invitation.signIn': 'Sign in as {email} to accept',
  'invitation.signUp': 'Create an account with that address',
  'invitation.otherAddress':
    'This invitation is for {email}, but you are signed in as {current}. Sign out and sign in with {email} to accept it.',
  'invitation.wrongAddress':
    'This invitation was sent to another address. Sign in with the address it was sent to.',
  'invitation.accept': 'Accept and join {organization}',
  'invitation.state.unknown': 'This invitation link is not valid',
  'invitation.state.used': 'This invitation was already used.',
  'invitation.state.revoked': 'This invitation was withdrawn.',
  'invitation.state.expired': 'This invitation has expired.',
  'invitation.state.open': 'This invitation is open.',
  'invitation.askAgain': 'Ask an admin of the organization to invite you again.',
  'invitation.unknownHelp':
    'Check that you opened the whole link from the mail. If it still does not work, ask for a new invitation.',

  'sent.title': 'Messages you sent',
  'sent.lead':
    'The contact requests you sent to organizations, and whether they were marked answered.',
  'sent.done': 'Your message was sent to the organization’s administrators.',
  'sent.none': 'You have not written to an organization yet. Find one in the',
  'sent.to': '{date} to',
  'sent.gone': 'an organization that is no longer listed',
  'sent.status.open': 'Not answered yet',
  'sent.status.answered': 'Answered',

  'account.data.title': 'Your data',
  'account.data.lead':
    'Download everything the portal holds about you as a JSON file: your account, profile, roles, sessions, and what you wrote, sent or registered.',
  'account.data.download': 'Download your data (JSON)',
  'account.data.whatStays':
    'What belongs to an organization, a hub or a city stays when you delete your account (news, events, offerings, registrations, messages sent to organizations), shown as written by “a former member”. Your name and address are removed from the messages you sent.',
  'account.data.soleAdmin':
    'You are the only admin of organizations that others still belong to. Make another member an admin of each first:',
} as const;
