import type { MessageKey } from '../i18n';
import type { KpiDimension, KpiType } from '../kpis/framework';
import type { KpiMeasure } from '../kpis/measures';
import type { KpiValue, KpiValueIssue } from './kpi-values';

/**
 * The rules of one KPI's entry in an assessment, shared by the per-KPI form
 * and the CSV import so that both refuse the same things with the same words:
 * a value (checked by kpi-values.ts) with its data source, or "not
 * available" with a reason; never both; an optional method note.
 */

/** What the portal knows about a KPI when someone enters a value for it. */
export interface KpiForEntry {
  code: string;
  slug: string;
  name: string;
  unit: string;
  type: KpiType;
  dimension: KpiDimension;
  subDimension: string;
  category: string;
  measure: KpiMeasure;
  position: number;
}

export const entryLimits = {
  source: { min: 2, max: 500 },
  methodNote: { min: 1, max: 2000 },
  reason: { min: 2, max: 500 },
} as const;

/** One KPI's entry, ready to store. */
export type KpiEntry =
  | {
      status: 'reported';
      value: KpiValue;
      source: string;
      methodNote: string | null;
    }
  | {
      status: 'not-available';
      reason: string;
      source: string | null;
      methodNote: string | null;
    };

export type EntryField = 'value' | 'reason' | 'source' | 'methodNote';

export interface EntryIssue extends KpiValueIssue {
  field: EntryField;
}

function issue(
  field: EntryField,
  message: MessageKey,
  params: Record<string, string | number> = {},
): EntryIssue {
  return { field, message, params };
}

function checkLength(
  field: 'source' | 'methodNote' | 'reason',
  text: string | null,
  issues: EntryIssue[],
): void {
  if (text === null) return;
  const { min, max } = entryLimits[field];
  if (text.length < min) issues.push(issue(field, `kpiAssessments.entry.${field}Short`, { min }));
  if (text.length > max) issues.push(issue(field, `kpiAssessments.entry.${field}Long`, { max }));
}

const orNull = (text: string | undefined) => {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * Builds an entry from a parsed value (null: nothing typed) and the texts of
 * the reason, source and method note. Returns `entry: null` when nothing at
 * all was given (a blank row of the template changes nothing).
 */
export function buildKpiEntry(
  value: KpiValue | null,
  texts: { reason?: string; source?: string; methodNote?: string },
): { ok: true; entry: KpiEntry | null } | { ok: false; issues: EntryIssue[] } {
  const reason = orNull(texts.reason);
  const source = orNull(texts.source);
  const methodNote = orNull(texts.methodNote);
  const issues: EntryIssue[] = [];
  if (value && reason) issues.push(issue('reason', 'kpiAssessments.entry.valueAndReason'));
  if (!value && !reason && (source || methodNote)) {
    issues.push(issue('value', 'kpiAssessments.entry.valueMissing'));
  }
  if (value && !source) issues.push(issue('source', 'kpiAssessments.entry.sourceRequired'));
  checkLength('reason', reason, issues);
  checkLength('source', source, issues);
  checkLength('methodNote', methodNote, issues);
  if (issues.length > 0) return { ok: false, issues };
  if (value) return { ok: true, entry: { status: 'reported', value, source: source!, methodNote } };
  if (reason) return { ok: true, entry: { status: 'not-available', reason, source, methodNote } };
  return { ok: true, entry: null };
}
