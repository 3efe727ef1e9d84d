import type { Translator, MessageKey } from '../../lib/i18n';
import type { SearchFacetName } from '../../lib/search/record-schema';

/** The words shown for a facet value: "Cities", "SDG 11 · Sustainable cities…", a hub's name. */
export function facetLabel(
  name: SearchFacetName,
  value: string,
  t: Translator['t'],
  label?: string,
): string {
  if (name === 'type') return t(`search.typePlural.${value}` as MessageKey);
  if (name === 'sdg') {
    return t('search.sdgLabel', { number: value, name: t(`search.sdg.${value}` as MessageKey) });
  }
  return label ?? value;
}
