/** The home page. */
export const home = {
  'home.title': 'Smart sustainable cities, working together',
  'home.lead':
    'The U4SSC Hub Portal connects the hubs, cities and partners of United for Smart Sustainable Cities, a UN initiative, so they can share case studies, measure progress with the U4SSC key performance indicators and find each other.',
  'home.entryPoints': 'Where to start',
  'home.entry.cities.title': 'Find peer projects',
  'home.entry.cities.body':
    'Describe a challenge your city faces and find what other cities did about it, and the cities working on it, with the reasons each one matches.',
  'home.entry.cities.action': 'Find peers',
  'home.entry.partners.title': 'Join as a partner',
  'home.entry.partners.body':
    'Companies, universities and civil-society organizations can register, appear in the directory and answer cities’ needs.',
  'home.entry.partners.action': 'Register your organization',
  'home.entry.coordinators.title': 'Publish for your hub',
  'home.entry.coordinators.body':
    'Hub coordinators publish regional news and events and welcome new member cities and partners.',
  'home.entry.coordinators.action': 'See the hubs',
  'home.numbers': 'The network in numbers',
  'home.numbers.hubs': 'Hubs',
  'home.numbers.cities': 'Cities',
  'home.numbers.partners': 'Verified partners',
  'home.numbers.deliverables': 'Deliverables',
  'home.numbers.kpis': 'U4SSC key performance indicators',
  'home.numbers.note': 'Counted live from the portal’s database, demo records excluded.',
  'home.latestDeliverables': 'Recommendations and publications',
  'home.allDeliverables': 'All deliverables',
  'home.hubStrip': 'Hubs',
} as const;
