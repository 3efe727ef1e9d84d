import type { MessageKey } from '../i18n';
import type { KpiMeasure, KpiValueKind } from '../kpis/measures';
import { kpiValueRanges } from '../kpis/measures';

/**
 * Reading and writing one KPI's value as people type it (a form field, a CSV
 * cell), checked by the KPI's measure (`kpis.measure`): percentages 0–100,
 * counts whole and ≥ 0, rates, amounts and ratios ≥ 0 (and below a stated
 * maximum), yes/no, and named parts for the multi-valued KPIs. The database
 * checks the same rules again (migration 20261203120000), so these are the
 * friendly first line, with a message for each way a value goes wrong.
 *
 * Stored form: one number (`value`; yes/no as 1/0) or, for a KPI with parts,
 * a map from part key to number or null (a part not measured).
 */

/** A value as stored: exactly one of `value` and `parts` is set. */
export interface KpiValue {
  value: number | null;
  parts: Record<string, number | null> | null;
}

/** A problem with a typed value: an i18n key and what fills it. */
export interface KpiValueIssue {
  message: MessageKey;
  params: Record<string, string | number>;
}

export type KpiParse<T> = { ok: true; value: T } | { ok: false; issue: KpiValueIssue };

/** Values must stay below this (the table's check): nothing real is that large. */
export const kpiValueLimit = 1e15;

const plainNumber = /^\d+(\.\d+)?$/;
const yes = new Set(['yes', 'y', 'true', '1']);
const no = new Set(['no', 'n', 'false', '0']);

function fail<T>(message: MessageKey, params: Record<string, string | number>): KpiParse<T> {
  return { ok: false, issue: { message, params } };
}

/**
 * Parses one number of the given kind. `label` prefixes messages about a part
 * ("PM2.5: "); `unit` is named when someone typed a unit after the number.
 */
export function parseKpiNumber(
  text: string,
  kind: KpiValueKind,
  options: { max?: number; label?: string; unit?: string } = {},
): KpiParse<number> {
  const raw = text.trim();
  const label = options.label ? `${options.label}: ` : '';
  const params = { value: raw, label, unit: options.unit ?? '' };
  if (kind === 'yes-no') {
    const word = raw.toLowerCase();
    if (yes.has(word)) return { ok: true, value: 1 };
    if (no.has(word)) return { ok: true, value: 0 };
    return fail('kpiAssessments.value.yesNo', params);
  }
  if (!plainNumber.test(raw)) {
    if (/^[-−]\s*\d/.test(raw)) return fail('kpiAssessments.value.negative', params);
    if (/^\d[\d.]*,\d/.test(raw) || /^\d{1,3}(,\d{3})+/.test(raw)) {
      return fail('kpiAssessments.value.comma', params);
    }
    if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(raw)) return fail('kpiAssessments.value.number', params);
    if (/^\d+(\.\d+)?\s*\S/.test(raw)) return fail('kpiAssessments.value.unit', params);
    return fail('kpiAssessments.value.number', params);
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value >= kpiValueLimit) {
    return fail('kpiAssessments.value.tooLarge', params);
  }
  const range = kpiValueRanges[kind];
  if (range.integer && !Number.isInteger(value)) return fail('kpiAssessments.value.count', params);
  if (range.max !== null && value > range.max) {
    return fail('kpiAssessments.value.percentage', params);
  }
  if (options.max !== undefined && value > options.max) {
    return fail('kpiAssessments.value.max', { ...params, max: options.max });
  }
  return { ok: true, value };
}

/** A number as a cell or field shows it: yes/no for yes/no values, plain digits otherwise. */
export function formatKpiNumber(value: number | null, kind: KpiValueKind): string {
  if (value === null) return '';
  if (kind === 'yes-no') return value === 1 ? 'yes' : 'no';
  return String(value);
}

/** The parts of a KPI's measure, or null for a single-valued KPI. */
export function partsOf(measure: KpiMeasure): NonNullable<KpiMeasure['parts']> | null {
  return measure.parts ?? null;
}

/**
 * A single value or the parts of a KPI, from their field texts (a form has
 * one field per part: `parts[key]`). Empty means "nothing entered": the
 * result is null then. Parts left empty are stored as not measured (null);
 * at least one must be given.
 */
export function parseKpiValueFields(
  measure: KpiMeasure,
  fields: { value?: string; parts?: Record<string, string | undefined> },
  unit?: string,
):
  | { ok: true; value: KpiValue | null }
  | { ok: false; issues: { part: string | null; issue: KpiValueIssue }[] } {
  const parts = partsOf(measure);
  if (!parts) {
    const text = (fields.value ?? '').trim();
    if (text === '') return { ok: true, value: null };
    const parsed = parseKpiNumber(text, measure.kind, { max: measure.max, unit });
    return parsed.ok
      ? { ok: true, value: { value: parsed.value, parts: null } }
      : { ok: false, issues: [{ part: null, issue: parsed.issue }] };
  }
  const values: Record<string, number | null> = {};
  const issues: { part: string | null; issue: KpiValueIssue }[] = [];
  let given = 0;
  for (const part of parts) {
    const text = (fields.parts?.[part.key] ?? '').trim();
    if (text === '') {
      values[part.key] = null;
      continue;
    }
    const parsed = parseKpiNumber(text, part.kind, { label: part.label, unit });
    if (parsed.ok) {
      values[part.key] = parsed.value;
      given += 1;
    } else issues.push({ part: part.key, issue: parsed.issue });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: given === 0 ? null : { value: null, parts: values } };
}

/**
 * Reads the parts of a multi-valued KPI from one CSV cell:
 * `pm2-5=12.5; pm10=22; no2=; so2=4; o3=60` (keys or part names, any order;
 * a part left out or empty is not measured). All parts empty: null.
 */
export function parseKpiPartsCell(
  measure: KpiMeasure,
  cell: string,
  unit?: string,
): KpiParse<Record<string, number | null> | null> {
  const parts = partsOf(measure) ?? [];
  const example = formatKpiPartsExample(measure);
  const values: Record<string, number | null> = Object.fromEntries(parts.map((p) => [p.key, null]));
  const seen = new Set<string>();
  let given = 0;
  for (const piece of cell.split(';')) {
    const item = piece.trim();
    if (item === '') continue;
    const equals = item.indexOf('=');
    if (equals < 0) return fail('kpiAssessments.value.partFormat', { value: item, example });
    const name = item.slice(0, equals).trim().toLowerCase();
    const part = parts.find((p) => p.key === name || p.label.toLowerCase() === name);
    if (!part) {
      return fail('kpiAssessments.value.partUnknown', {
        value: item.slice(0, equals).trim(),
        parts: parts.map((p) => p.key).join(', '),
      });
    }
    if (seen.has(part.key)) return fail('kpiAssessments.value.partRepeated', { value: part.key });
    seen.add(part.key);
    const text = item.slice(equals + 1).trim();
    if (text === '') continue;
    const parsed = parseKpiNumber(text, part.kind, { label: part.label, unit });
    if (!parsed.ok) return parsed;
    values[part.key] = parsed.value;
    given += 1;
  }
  return { ok: true, value: given === 0 ? null : values };
}

/** The parts cell as the template and exports write it: every part, in the framework's order. */
export function formatKpiPartsCell(
  measure: KpiMeasure,
  values: Record<string, number | null> | null,
): string {
  return (partsOf(measure) ?? [])
    .map((part) => `${part.key}=${formatKpiNumber(values?.[part.key] ?? null, part.kind)}`)
    .join('; ');
}

/** "pm2-5=12.5; pm10=20" — the shape of a parts cell, for messages. */
export function formatKpiPartsExample(measure: KpiMeasure): string {
  return (partsOf(measure) ?? [])
    .slice(0, 2)
    .map((part) => `${part.key}=${part.kind === 'yes-no' ? 'yes' : '12.5'}`)
    .join('; ');
}

/** A stored value as one CSV cell (the import reads it back unchanged). */
export function formatKpiValueCell(measure: KpiMeasure, stored: KpiValue): string {
  return partsOf(measure)
    ? formatKpiPartsCell(measure, stored.parts)
    : formatKpiNumber(stored.value, measure.kind);
}
