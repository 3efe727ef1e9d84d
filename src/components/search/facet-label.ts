import type { Translator, MessageKey } from '../../lib/i18n';
import type { SearchFacetName } from '../../lib/search/record-schema';
import { sdgGoalLabel } from '../../lib/sdgs';
import { themeLabel } from '../../lib/taxonomy/themes';

/**
 * The words shown for a facet value: "Cities", "SDG 11 · Sustainable cities…",
 * a theme, a country's name from its ISO code ("NO" → "Norway", in the
 * reader's language), a hub's name.
 */
export function facetLabel(
  name: SearchFacetName,
  value: string,
  i18n: Pick<Translator, 't' | 'countryName'>,
  label?: string,
): string {
  const { t } = i18n;
  if (name === 'type') return t(`search.typePlural.${value}` as MessageKey);
  if (name === 'sdg') return sdgGoalLabel(t, Number(value));
  if (name === 'theme') return themeLabel(t, value);
  if (name === 'country') return i18n.countryName(value);
  return label ?? value;
}
