import { findCity } from '../../cities/queries';
import { listRequestsFor } from '../../hubs/queries';
import { editedCities } from '../held-roles';
import { requestGroup } from '../request-group';
import { defineWorkSource, type WorkSection } from '../work-section';

/** City editors: each city they edit, the hubs it belongs to and its requests to join hubs. */
export default defineWorkSource({
  id: 'cities',
  order: 50,
  async load({ db, roles, i18n }) {
    const { t } = i18n;
    const held = editedCities(roles).slice(0, 20);
    if (held.length === 0) return [];
    const requests = await listRequestsFor(db, {
      cityIds: held.map((role) => role.cityId!),
      organizationIds: [],
    });
    const sections: WorkSection[] = [];
    for (const role of held) {
      const city = await findCity(db, role.targetSlug!);
      if (!city) continue;
      // A city may belong to several hubs (a country hub and a regional one).
      const hubs = city.hubs.map((hub) => ({ label: hub.name, href: `/hubs/${hub.slug}` }));
      sections.push({
        id: `city-${city.slug}`,
        title: city.name,
        href: `/cities/${city.slug}`,
        lead: t('work.city.lead'),
        waiting: [],
        groups: [
          {
            heading: t('work.city.hubs'),
            total: hubs.length,
            items: hubs,
            empty: t('work.city.noHub'),
          },
          requestGroup(i18n, requests, role.cityId!),
        ],
        actions: [{ label: t('work.requests.ask', { name: city.name }), href: '/hubs' }],
      });
    }
    return sections;
  },
});
