import type { MessageKey, Translator } from '../i18n';
import { kpiDimensionLabel } from '../kpis/framework';
import { sdgGoalLabel } from '../sdgs';
import { themeLabel } from '../taxonomy/themes';
import type { CaseStudyFacetName } from './case-study-filters';

/**
 * The words for a facet value of the case-study listing ("SDG 11 ·
 * Sustainable cities and communities", "Norway", "Completed"); hubs and
 * deliverables bring their own name (`label`). Used by the filter panel,
 * the chips and the API's facet labels.
 */
export function caseStudyFacetLabel(
  i18n: Pick<Translator, 't' | 'countryName'>,
  name: CaseStudyFacetName,
  value: string,
  label?: string,
): string {
  const { t } = i18n;
  switch (name) {
    case 'theme':
      return themeLabel(t, value);
    case 'sdg':
      return sdgGoalLabel(t, Number(value));
    case 'kpi':
      return kpiDimensionLabel(t, value);
    case 'region':
      return t(`region.${value}` as MessageKey);
    case 'country':
      return i18n.countryName(value);
    case 'size':
      return t(`band.population.${value}` as MessageKey);
    case 'status':
      return t(`caseStudy.projectStatus.${value}` as MessageKey);
    case 'gender':
      return t('caseStudy.filter.genderResponsive');
    case 'sector':
      return t(`sector.${value}` as MessageKey);
    case 'hub':
    case 'deliverable':
      return label ?? value;
  }
}
