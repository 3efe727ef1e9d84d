import type { Translator } from '../i18n';
import type { KpiMeasure, KpiValueKind } from '../kpis/measures';
import type { KpiEntry } from './entry-rules';
import type { KpiValue } from './kpi-values';

type Words = Pick<Translator, 't' | 'formatNumber'>;

/** One number as people read it: "81.5", "Yes", "No". */
export function formatKpiNumberText(i18n: Words, value: number, kind: KpiValueKind): string {
  if (kind === 'yes-no') return i18n.t(value === 1 ? 'kpiAssessments.yes' : 'kpiAssessments.no');
  return i18n.formatNumber(value);
}

/** A stored value in words: "81.5", or "PM2.5: 12.5; PM10: 22; NO2: not measured". */
export function describeKpiValue(i18n: Words, measure: KpiMeasure, value: KpiValue): string {
  if (!measure.parts) {
    return value.value === null ? '' : formatKpiNumberText(i18n, value.value, measure.kind);
  }
  return measure.parts
    .map((part) => {
      const n = value.parts?.[part.key] ?? null;
      const text =
        n === null
          ? i18n.t('kpiAssessments.partNotMeasured')
          : formatKpiNumberText(i18n, n, part.kind);
      return `${part.label}: ${text}`;
    })
    .join('; ');
}

/** An entry in words: its value, or "Not available: <reason>". */
export function describeKpiEntry(i18n: Words, measure: KpiMeasure, entry: KpiEntry): string {
  return entry.status === 'reported'
    ? describeKpiValue(i18n, measure, entry.value)
    : i18n.t('kpiAssessments.notAvailableBecause', { reason: entry.reason });
}

/** A value as a form field shows it again: "81.5", "yes". */
export function fieldText(value: number | null | undefined, kind: KpiValueKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'yes-no') return value === 1 ? 'yes' : 'no';
  return String(value);
}
