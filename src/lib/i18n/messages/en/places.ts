/** Cities and hubs as the foundation lists them. */
export const places = {
  'cities.title': 'Cities',
  'cities.lead':
    'Cities and communities in the network. Those marked “KPIs implemented” have reported on the U4SSC key performance indicators, according to the public ITU sources cited on each page.',
  'cities.filter.region': 'Region',
  'cities.filter.country': 'Country',
  'cities.filter.kpi': 'U4SSC KPIs',
  'cities.filter.kpiImplemented': 'KPIs implemented',
  'cities.type': 'City',
  'cities.kpiImplemented': 'KPIs implemented',
  'cities.facts': 'Key facts',
  'cities.country': 'Country',
  'cities.region': 'Region',
  'cities.hub': 'Hub',
  'cities.hubs': 'Hubs',
  'cities.noHub': 'Not a member of a hub yet',
  'cities.source': 'Source',
  'cities.uncertainNote': 'Unconfirmed',
  'cities.connected': 'Connected',
  'cities.peers': 'Other cities in {country}',
  'cities.kpiTitle': 'U4SSC key performance indicators',
  'cities.kpiBody':
    'This city is reported to have implemented the U4SSC key performance indicators, which measure progress towards smart sustainable cities and the Sustainable Development Goals.',
  'cities.kpiDeliverable': 'About the indicators: {title}',
} as const;
