import { sectorLabel } from '../../lib/taxonomy/sectors';
import type { Translator, MessageKey } from '../../lib/i18n';
import type { OrganizationFacet } from '../../lib/directory/organization-filters';
import { kpiDimensionLabel } from '../../lib/kpis/framework';
import { sdgGoalLabel } from '../../lib/sdgs';
import { themeLabel } from '../../lib/taxonomy/themes';

/**
 * The words shown for a directory facet value (filter options, chips):
 * sector and size from i18n, themes, SDGs and KPI dimensions from the shared
 * vocabularies, countries by name, hubs and Recommendations from the names
 * the page looked up.
 */
export function directoryFacetLabel(
  i18n: Pick<Translator, 't' | 'countryName'>,
  facet: OrganizationFacet,
  value: string,
  names: { hubs: ReadonlyMap<string, string>; recommendations: ReadonlyMap<string, string> },
): string {
  const { t } = i18n;
  switch (facet) {
    case 'kind':
      return sectorLabel(t, value);
    case 'theme':
      return themeLabel(t, value);
    case 'sdg':
      return sdgGoalLabel(t, Number(value));
    case 'dimension':
      return kpiDimensionLabel(t, value as 'EC' | 'EN' | 'SC');
    case 'region':
      return t(`region.${value}` as MessageKey);
    case 'country':
      return i18n.countryName(value);
    case 'hub':
      return names.hubs.get(value) ?? value;
    case 'recommendation':
      return names.recommendations.get(value) ?? value;
    case 'size':
      return t(`organizations.size.${value}` as MessageKey);
  }
}
