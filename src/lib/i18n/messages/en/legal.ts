/**
 * The pages a public service must have, linked from the footer: the
 * accessibility statement, the privacy notice, the terms of use (versioned in
 * src/lib/legal/terms.ts) and the contact page. Facts about what the portal
 * keeps and for how long follow the code (docs/public-pages.md says where
 * each figure comes from); change them together.
 */
export const legal = {
  'footer.servicePages': 'About this portal',
  'footer.accessibility': 'Accessibility',
  'footer.privacy': 'Privacy',
  'footer.terms': 'Terms of use',
  'footer.contact': 'Contact',
  'legal.updated': 'Last updated: {date}',
  'legal.onThisPage': 'On this page',
  'duration.minutes.one': '{count} minute',
  'duration.minutes.other': '{count} minutes',
  'duration.hours.one': '{count} hour',
  'duration.hours.other': '{count} hours',
  'duration.days.one': '{count} day',
  'duration.days.other': '{count} days',

  // Accessibility statement ----------------------------------------------------
  'accessibility.title': 'Accessibility statement',
  'accessibility.lead':
    'We want everyone who works for a sustainable city to be able to use this portal: on an old laptop, on a phone, with a keyboard alone, with a screen reader or with magnification.',
  'accessibility.standard.title': 'The standard we work to',
  'accessibility.standard.body':
    'The portal is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. It is partially conformant: most of it meets the standard, and the known gaps are listed below. No independent audit has been made yet.',
  'accessibility.works.title': 'What you can expect',
  'accessibility.works.keyboard':
    'Every page and form works with a keyboard alone, with a visible focus indicator.',
  'accessibility.works.noScript':
    'Reading pages need no JavaScript; forms work without it, except formatting text in the editor.',
  'accessibility.works.zoom':
    'Pages reflow from 320 pixels wide and at 400% zoom, without scrolling sideways, and words are not broken across lines.',
  'accessibility.works.contrast':
    'Text and controls have a contrast of at least 4.5 to 1 (3 to 1 for large text and borders), and colour is never the only way information is given.',
  'accessibility.works.forms':
    'Forms have labels above the fields, say which fields are required or optional, and after a mistake take you to a summary that links to each field to correct.',
  'accessibility.works.charts':
    'Charts come with a text description and a table of the same figures; the map of hubs repeats what the list below it says.',
  'accessibility.works.motion': 'Nothing moves, flashes or plays by itself.',
  'accessibility.testing.title': 'How we test it',
  'accessibility.testing.axe':
    'Automated checks (axe-core, with the WCAG 2.0, 2.1 and 2.2 rules at levels A and AA) run in a real browser on every page the end-to-end tests visit, each time the code changes; a change that adds a violation is not accepted.',
  'accessibility.testing.keyboard':
    'Tests use the rich-text editor, the search suggestions and the forms with the keyboard alone, and check that the focus goes where a person needs it.',
  'accessibility.testing.layout':
    'A layout test on a 375-pixel-wide screen checks that no ordinary word in menus, tables, badges and filter counts is broken across lines.',
  'accessibility.testing.limits':
    'Automated checks find only part of the problems people meet. We have not yet tested the portal with people who use assistive technology, and we would value your help.',
  'accessibility.gaps.title': 'Known gaps',
  'accessibility.gaps.editor':
    'Formatting text (bold, headings, lists, links, images, tables) needs JavaScript. Without it the text field keeps what was saved before, and the other fields can still be changed.',
  'accessibility.gaps.tables':
    'In tables inside the text editor, moving between cells with the keyboard follows the browser’s defaults, which some screen readers announce poorly.',
  'accessibility.gaps.content':
    'News, events and hub descriptions are written by hub coordinators. The editor asks for alternative text for every image, but the structure of a text (its headings, its link texts) depends on its author.',
  'accessibility.gaps.external':
    'Recommendations and publications open on itu.int and other sites, many of them as PDF files, which this portal does not control.',
  'accessibility.gaps.language':
    'The portal is in English only for now; the other UN languages, including Arabic written right to left, are planned.',
  'accessibility.report.title': 'Tell us about a problem',
  'accessibility.report.body':
    'If something on the portal is hard or impossible for you to use, or you need information in another format, tell us through the contact page. Say which page it was (its address), what you tried to do and, if you like, what you use to browse (browser, screen reader, magnifier). We will reply within 10 working days.',
  'accessibility.report.link': 'Report an accessibility problem',
  'accessibility.prepared':
    'This statement was prepared on {date}, from the automated and keyboard tests described above. It is reviewed whenever the portal changes in a way that affects it.',

  // Privacy notice --------------------------------------------------------------
  'privacy.title': 'Privacy notice',
  'privacy.lead':
    'This notice says what personal data the portal keeps, why, for how long, and how you can see it, correct it or have it deleted. The portal keeps only what it needs to work, and it uses no advertising, tracking or analytics.',
  'privacy.who.title': 'Who is responsible',
  'privacy.who.body':
    'The portal is run for the United for Smart Sustainable Cities (U4SSC) network by its operating team. For any question about your data, write to them through the contact page and choose the topic “Privacy”.',
  'privacy.kept.title': 'What the portal keeps, why, and for how long',
  'privacy.why': 'Why',
  'privacy.howLong': 'How long',
  'privacy.account.name': 'Your account',
  'privacy.account.what':
    'Your account: e-mail address, password (stored only as an Argon2id hash, never as you typed it), display name, affiliation if you give one, and when the account was created and confirmed.',
  'privacy.account.why':
    'To let you sign in, to send you the mail you asked for, and to show your name beside what you publish.',
  'privacy.account.howLong': 'Until you delete your account.',
  'privacy.roles.name': 'Your roles',
  'privacy.roles.what':
    'Your roles: the hubs you coordinate, the cities you edit, the organizations you belong to.',
  'privacy.roles.why': 'To decide what you may publish and manage.',
  'privacy.roles.howLong': 'Until the role is removed or you delete your account.',
  'privacy.sessions.name': 'Sessions',
  'privacy.sessions.what':
    'Your sessions: when each began and was last used, the browser’s description of itself (user agent) and the internet (IP) address it came from.',
  'privacy.sessions.why':
    'To keep you signed in, and to let you see and end your sessions on your account page.',
  'privacy.sessions.howLong':
    'A session ends after {idle} without use or {max} after signing in; it is deleted 30 days after it ends.',
  'privacy.limits.name': 'Counters against abuse',
  'privacy.limits.what':
    'Counters of attempts (sign-in, sign-up, password reset, contact messages, uploads), kept under a one-way hash of the IP address, e-mail address or account, never the address itself.',
  'privacy.limits.why': 'To stop password guessing and abuse.',
  'privacy.limits.howLong': 'Deleted 2 days after the counting period (up to an hour) ends.',
  'privacy.links.name': 'Links sent by mail',
  'privacy.links.what':
    'Links sent by mail (to confirm an address, reset a password, change an address): only a one-way hash of each link, and whether it was used.',
  'privacy.links.why': 'So that a link works once, and only until it expires.',
  'privacy.links.howLong': 'Deleted 7 days after the link expires.',
  'privacy.mail.name': 'Mail',
  'privacy.mail.what': 'Mail the portal sends you: recipient, subject and text.',
  'privacy.mail.why': 'To send it, and to try again if the mail server is unavailable.',
  'privacy.mail.howLong':
    'The text is erased as soon as the mail is sent; the rest is deleted 30 days later.',
  'privacy.contact.name': 'Contact messages',
  'privacy.contact.what':
    'Messages sent with the contact form: your name, e-mail address, the topic, the page you mention and your message.',
  'privacy.contact.why':
    'To pass your message to the operating team by mail, so they can answer you. The portal sends no copy to the address you give.',
  'privacy.contact.howLong':
    'Kept by the portal only as mail waiting to be sent (as above); the team keeps the mail it receives as long as it needs to answer you.',
  'privacy.orgContact.name': 'Messages to organizations',
  'privacy.orgContact.what':
    'Messages you send to an organization from its directory page: your name and e-mail address, the subject and the message.',
  'privacy.orgContact.why':
    'So the organization’s admins can read and answer them; you see yours under “Messages you sent”.',
  'privacy.orgContact.howLong':
    'Kept for the organization; when you delete your account, your name and address are removed from them.',
  'privacy.hubs.name': 'Requests to join a hub',
  'privacy.hubs.what':
    'Requests to join a hub: who asked, for which city or organization, your message, and the coordinators’ decision.',
  'privacy.hubs.why': 'So the hub’s coordinators can decide, and tell you their decision.',
  'privacy.hubs.howLong':
    'As long as the hub keeps its membership records; deleted with your account.',
  'privacy.events.name': 'Event registrations',
  'privacy.events.what':
    'Event registrations: that you registered for an event, when, and whether your place is confirmed or on the waiting list.',
  'privacy.events.why':
    'To keep the number of places; the event’s hub coordinators see who registered.',
  'privacy.events.howLong': 'Until you cancel your registration or delete your account.',
  'privacy.content.name': 'What you publish',
  'privacy.content.what':
    'What you publish (news, events, hub descriptions, case studies and your review comments on them), its earlier versions and the images you upload. Images are re-encoded without their hidden metadata (such as the place a photo was taken).',
  'privacy.content.why': 'To publish it, and to show who wrote and changed it.',
  'privacy.content.howLong':
    'Until the hub or city removes it. When you delete your account it stays, without your name.',
  'privacy.organizations.name': 'Organizations',
  'privacy.organizations.what':
    'Organizations you register or belong to: their name, website, country, description, who their members are, and the version of the terms of use accepted at registration.',
  'privacy.organizations.why':
    'To list verified organizations in the partner directory and let their members manage them.',
  'privacy.organizations.howLong':
    'Until the organization is removed; your membership ends with your account.',
  'privacy.procurement.name': 'Procurement',
  'privacy.procurement.what':
    'What you do in a procurement process: the processes, answers and awards you record for a city; the questions and expressions of interest you send for an organization; the themes you choose for its mail. Each keeps who did it.',
  'privacy.procurement.why':
    'So the city’s editors can run the process and answer; questions are published without the name of who asked, and an organization is named as interested only if it agrees.',
  'privacy.procurement.howLong':
    'As long as the process is kept: it is the city’s public record. When you delete your account, it stays without your name.',
  'privacy.audit.name': 'Record of access changes',
  'privacy.audit.what':
    'A record of changes to roles and accounts: who changed what, for whom, and when.',
  'privacy.audit.why': 'So that administrators can account for every change of access.',
  'privacy.audit.howLong': 'Kept for as long as the portal runs, also after an account is deleted.',
  'privacy.cookies.title': 'Cookies',
  'privacy.cookies.body':
    'The portal sets two cookies, both needed for it to work, so it does not ask for consent: a session cookie while you are signed in (it ends with the session), and, after you sign in, a device cookie for a year. The device cookie holds a keyed hash of your account’s address, never the address itself, so that a browser you have used before is not slowed down when someone else tries to guess your password. There are no other cookies and no third-party scripts.',
  'privacy.others.title': 'Who else handles your data',
  'privacy.others.body':
    'Depending on how the portal is installed, the mail service that delivers its mail, the database host (for example a Supabase project) and, when search is provided by Algolia, Algolia (which receives public records and the words you search for, not who you are) process data for the operating team. Nothing is sold or shared for marketing.',
  'privacy.public.title': 'What others can see',
  'privacy.public.body':
    'Your display name and affiliation are public: they are shown beside what you publish, and a hub’s coordinators see them when you ask to join the hub or register for one of its events. Your e-mail address is shown only to the portal’s administrators.',
  'privacy.rights.title': 'See, correct or delete your data',
  'privacy.rights.see':
    'See and correct: your account page shows your profile, your e-mail address, your roles and your sessions, and lets you change them.',
  'privacy.rights.delete':
    'Delete: “Delete your account” on your account page removes your account, profile, roles, sessions, sign-in links, requests to join hubs and organizations, and event registrations at once. What you published, organizations you registered and messages you sent stay, without your name. While you are the last admin of an organization others belong to, make someone else an admin first.',
  'privacy.rights.copy':
    'A copy: your account page gives you everything the portal holds about you as one file (JSON). For any other request, write through the contact page with the topic “Privacy”; we answer within one month.',
  'privacy.rights.complaint':
    'If you are not satisfied with our answer, you may also complain to the data protection authority of the country where you live or work.',
  'privacy.account': 'Go to your account page',

  // Terms of use ----------------------------------------------------------------
  'terms.title': 'Terms of use',
  'terms.version': 'Version {version}, in force since {date}.',
  'terms.lead':
    'These terms apply to everyone who uses the portal. By creating an account or registering an organization you accept them; organizations keep the version they accepted.',
  'terms.purpose.title': 'What the portal is for',
  'terms.purpose.body':
    'The portal connects the hubs, cities and partners of the U4SSC network and the ITU-T and U4SSC deliverables they work with. Use it to share your work, find peers and take part in hub activities.',
  'terms.accounts.title': 'Your account',
  'terms.accounts.body':
    'Give your real name and an e-mail address you read. Keep your password to yourself, and tell us at once through the contact page if you think someone else has used your account. One account is for one person.',
  'terms.content.title': 'What you publish',
  'terms.content.body':
    'You are responsible for what you publish. It must be accurate, yours to share, and free of personal data of others without their agreement. You keep the rights to it, and you allow the portal and the U4SSC network to show and link it on the portal and in its feeds.',
  'terms.conduct.title': 'What is not allowed',
  'terms.conduct.body':
    'Do not publish anything unlawful, misleading, offensive or promotional without relevance to the network; do not try to reach data or functions you have not been given; do not overload the portal or collect its data by automated means beyond what robots.txt allows. Open data files and the search API may be used within their limits.',
  'terms.facts.title': 'Facts on the portal',
  'terms.facts.body':
    'Facts about Recommendations, publications and cities come from public ITU and U4SSC sources, cited on each page; facts that could not be confirmed say so. Records marked “Demo” are invented examples. Check an official source before you rely on a fact.',
  'terms.moderation.title': 'Moderation',
  'terms.moderation.body':
    'Hub coordinators and administrators may correct, unpublish or remove content and may suspend accounts that break these terms. If something on the portal should not be there, tell us through the contact page.',
  'terms.liability.title': 'Availability and responsibility',
  'terms.liability.body':
    'The portal is offered as it is, without a guarantee that it is always available or free of errors. Links to other sites are given for convenience; those sites have their own terms.',
  'terms.changes.title': 'Changes to these terms',
  'terms.changes.body':
    'When these terms change, the new version gets a new number and date, and this page says what changed. What an organization accepted at registration stays on record with its version.',
  'terms.changes.history': 'Versions',
  'terms.changes.first': 'First version.',
  'terms.contact':
    'Questions about these terms: write through the contact page. The privacy notice says how personal data is handled.',

  // Contact page ----------------------------------------------------------------
  'siteContact.title': 'Contact the portal team',
  'siteContact.lead':
    'Questions about the portal, a problem using it, a mistake in a page, or a request about your data: write to the team that runs the portal. For a question to a hub, use the hub’s page.',
  'siteContact.field.name': 'Your name',
  'siteContact.field.email': 'Your e-mail address',
  'siteContact.field.emailHint': 'We reply to this address. It is not added to any list.',
  'siteContact.field.topic': 'Topic',
  'siteContact.field.page': 'The page it is about',
  'siteContact.field.pageHint': 'Its address, if your message is about one page.',
  'siteContact.field.message': 'Your message',
  'siteContact.field.messageHint': 'Up to {max} characters.',
  'siteContact.field.honeypot': 'Leave this field empty',
  'siteContact.topic.question': 'A question about the portal or the network',
  'siteContact.topic.accessibility': 'An accessibility problem',
  'siteContact.topic.privacy': 'Privacy and my data',
  'siteContact.topic.content': 'A mistake or a problem in a page',
  'siteContact.topic.something-else': 'Something else',
  'siteContact.submit': 'Send message',
  'siteContact.privacy':
    'We use what you send only to answer you. The privacy notice says how long it is kept.',
  'siteContact.sent.title': 'Your message was sent',
  'siteContact.sent.body':
    'Thank you. The portal team will answer you by e-mail, usually within 10 working days.',
  'siteContact.sent.home': 'Back to the home page',
  'siteContact.unavailable':
    'Your message could not be sent: no one is set up to receive messages on this server yet. Nothing was saved. Please try again later.',
  'siteContact.error.name': 'Enter your name',
  'siteContact.error.nameLength': 'Your name must be 120 characters or fewer',
  'siteContact.error.email': 'Enter an e-mail address, like name@example.org',
  'siteContact.error.topic': 'Choose what your message is about',
  'siteContact.error.pageLength': 'The page address must be 500 characters or fewer',
  'siteContact.error.message': 'Enter your message (at least 10 characters)',
  'siteContact.error.messageLength': 'Your message must be 5,000 characters or fewer',
  'siteContact.mail.subject': 'Portal contact: {topic} (from {name})',
  'siteContact.mail.intro': 'A message was sent with the contact form of {site}.',
  'siteContact.mail.from': 'From',
  'siteContact.mail.account': 'Account',
  'siteContact.mail.signedIn': 'signed in when sending',
  'siteContact.mail.signedOut': 'not signed in (the address was not checked)',
  'siteContact.mail.replyHint': 'Answer {name} by replying to this mail.',
} as const;
