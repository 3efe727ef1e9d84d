import type { Translator, MessageKey } from '../../lib/i18n';
import type { SearchFacetName } from '../../lib/search/record-schema';
import { sdgGoalLabel } from '../../lib/sdgs';
import { themeLabel } from '../../lib/taxonomy/themes';

/** The words shown for a facet value: "Cities", "SDG 11 · Sustainable cities…", a theme, a hub's name. */
export function facetLabel(
  name: SearchFacetName,
  value: string,
  t: Translator['t'],
  label?: string,
): string {
  if (name === 'type') return t(`search.typePlural.${value}` as MessageKey);
  if (name === 'sdg') return sdgGoalLabel(t, Number(value));
  if (name === 'theme') return themeLabel(t, value);
  return label ?? value;
}
