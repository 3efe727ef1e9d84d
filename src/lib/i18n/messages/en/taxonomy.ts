/**
 * The shared vocabularies (src/lib/taxonomy): the theme taxonomy and the
 * organization sectors with a one-line description each, population and value bands, and the
 * messages their schemas give when a value is refused.
 */
export const taxonomy = {
  'theme.mobility': 'Mobility and transport',
  'theme.mobility.description':
    'Public transport, walking and cycling, shared and electric vehicles, traffic management and road safety.',
  'theme.energy': 'Energy',
  'theme.energy.description':
    'Renewable energy, energy efficiency, smart grids and meters, and access to electricity.',
  'theme.water': 'Water and sanitation',
  'theme.water.description':
    'Drinking water supply and quality, leak reduction, wastewater, drainage and storm water.',
  'theme.waste': 'Waste and circular economy',
  'theme.waste.description':
    'Collection, recycling and treatment of waste, and keeping materials in use.',
  'theme.ict-infrastructure': 'ICT infrastructure',
  'theme.ict-infrastructure.description':
    'Broadband, mobile and public Wi-Fi networks, sensors and the connectivity other services rely on.',
  'theme.e-government': 'E-government and digital services',
  'theme.e-government.description':
    'Public services online, e-procurement and the digital transformation of city administrations.',
  'theme.data-and-ai': 'Data, AI and digital platforms',
  'theme.data-and-ai.description':
    'Open data, urban data platforms, digital twins, artificial intelligence and blockchain.',
  'theme.health': 'Health',
  'theme.health.description':
    'Health services and coverage, electronic health records, and healthy living environments.',
  'theme.education': 'Education',
  'theme.education.description':
    'Schools, digital skills, higher education, literacy and lifelong learning.',
  'theme.safety': 'Safety and resilience',
  'theme.safety.description':
    'Emergency services, crime prevention, disaster risk reduction and resilience plans.',
  'theme.housing': 'Housing',
  'theme.housing.description':
    'Affordable and adequate housing, informal settlements and housing costs.',
  'theme.urban-planning': 'Urban planning and buildings',
  'theme.urban-planning.description':
    'Spatial planning, public space, pedestrian areas and sustainable buildings.',
  'theme.culture': 'Culture and heritage',
  'theme.culture.description':
    'Cultural heritage, cultural institutions and the creative life of the city.',
  'theme.environment': 'Environment and nature',
  'theme.environment.description':
    'Air quality, noise, green areas, protected nature and biodiversity.',
  'theme.climate': 'Climate action',
  'theme.climate.description':
    'Cutting greenhouse gas emissions and adapting to a changing climate.',
  'theme.economy': 'Economy, jobs and innovation',
  'theme.economy.description':
    'Employment, research and development, small businesses, tourism and financing.',
  'theme.social-inclusion': 'Social inclusion and equality',
  'theme.social-inclusion.description':
    'Gender equality, poverty reduction, child care and services that reach everyone.',
  'theme.participation': 'Participation and governance',
  'theme.participation.description':
    'People-centred design, citizen participation, elections and transparent institutions.',
  'theme.food': 'Food systems',
  'theme.food.description': 'Local food production, food security and short supply chains.',
  'theme.kpis': 'KPIs and monitoring',
  'theme.kpis.description':
    'Key performance indicators (KPIs), data collection, verification and maturity models that show a city’s progress.',
  'sector.private-sector': 'Private sector',
  'sector.private-sector.description':
    'Companies and start-ups that supply products, services or technology.',
  'sector.academia': 'Academia',
  'sector.academia.description': 'Universities, research institutes and their laboratories.',
  'sector.civil-society': 'Civil society',
  'sector.civil-society.description':
    'Non-governmental and community organizations, foundations and associations.',
  'sector.public-agency': 'Public agency',
  'sector.public-agency.description':
    'Government bodies, public utilities and agencies at national, regional or local level.',
  'sector.international-organization': 'International organization',
  'sector.international-organization.description':
    'UN agencies and other intergovernmental organizations.',
  'sector.investor': 'Investor',
  'sector.investor.description':
    'Development banks, funds and private investors that finance city projects.',
  'sector.error.unknown':
    '“{value}” is not a sector: use private-sector, academia, civil-society, public-agency, international-organization or investor.',
  'theme.error.unknown': '“{value}” is not a theme of the portal’s taxonomy.',
  'country.error.unknown': '“{value}” is not an ISO 3166-1 country code such as NO or BR.',
  'region.error.unknown': '“{value}” is not a region of the network.',
  'band.population.under-50k': 'Under 50,000 inhabitants',
  'band.population.50k-200k': '50,000 to 200,000 inhabitants',
  'band.population.200k-500k': '200,000 to 500,000 inhabitants',
  'band.population.500k-1-5m': '500,000 to 1.5 million inhabitants',
  'band.population.1-5m-plus': '1.5 million inhabitants or more',
  'band.value.under-100k': 'Under US$100,000',
  'band.value.100k-500k': 'US$100,000 to 500,000',
  'band.value.500k-1m': 'US$500,000 to 1 million',
  'band.value.1m-5m': 'US$1 million to 5 million',
  'band.value.5m-20m': 'US$5 million to 20 million',
  'band.value.20m-plus': 'US$20 million or more',
  'band.error.population': '“{value}” is not a population band.',
  'band.error.value': '“{value}” is not a value band.',
} as const;
