import { z } from 'zod';
import {
  buildKpiEntry,
  type KpiEntry,
  type KpiForEntry,
} from '../../lib/kpi-assessments/entry-rules';
import { parseKpiValueFields } from '../../lib/kpi-assessments/kpi-values';
import type { Queryable } from '../db/types';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import { frozenError } from './frozen';
import type { AssessmentSummary } from './queries';

/**
 * One KPI's small form on a section page: save its value (or "not
 * available" with a reason), or clear it. Every field is text; the use case
 * checks them by the KPI's measure and reports every problem together.
 */
export const kpiEntryFormSchema = z
  .object({ intent: z.enum(['save', 'clear']), kpi: z.string().min(1).max(40) })
  .catchall(z.string());

/** The form field of a part's value: `part-pm2-5`. */
export const partField = (key: string) => `part-${key}`;

export type SaveKpiEntryOutcome =
  { ok: true; changed: boolean } | { ok: false; errors: FieldError[] };

/** Stores one entry (insert or update; unchanged values write nothing). */
export async function upsertEntries(
  tx: Queryable,
  assessmentId: string,
  entries: readonly { kpiCode: string; entry: KpiEntry }[],
): Promise<number> {
  const rows = entries.map(({ kpiCode, entry }) => ({
    kpi_code: kpiCode,
    status: entry.status,
    value: entry.status === 'reported' ? entry.value.value : null,
    parts: entry.status === 'reported' ? entry.value.parts : null,
    not_available_reason: entry.status === 'not-available' ? entry.reason : null,
    source: entry.source,
    method_note: entry.methodNote,
  }));
  const written = await tx.query(
    `insert into public.kpi_assessment_values
       (assessment_id, kpi_code, status, value, parts, not_available_reason, source, method_note)
     select $1, r.kpi_code, r.status, r.value, r.parts, r.not_available_reason, r.source, r.method_note
       from jsonb_to_recordset($2::text::jsonb)
         as r(kpi_code text, status text, value numeric, parts jsonb, not_available_reason text,
              source text, method_note text)
     on conflict (assessment_id, kpi_code) do update set
       status = excluded.status, value = excluded.value, parts = excluded.parts,
       not_available_reason = excluded.not_available_reason, source = excluded.source,
       method_note = excluded.method_note
     where (kpi_assessment_values.status, kpi_assessment_values.value, kpi_assessment_values.parts,
            kpi_assessment_values.not_available_reason, kpi_assessment_values.source,
            kpi_assessment_values.method_note)
           is distinct from
           (excluded.status, excluded.value, excluded.parts, excluded.not_available_reason,
            excluded.source, excluded.method_note)
     returning 1`,
    [assessmentId, JSON.stringify(rows)],
  );
  return written.length;
}

/**
 * Saves or clears one KPI's entry in an assessment. A verified (frozen) or
 * superseded assessment refuses with the way to correct it; RLS lets only
 * the city's editors write.
 */
export async function saveKpiEntry(
  db: RequestDb,
  input: {
    assessment: AssessmentSummary;
    kpi: KpiForEntry;
    intent: 'save' | 'clear';
    fields: Record<string, string | undefined>;
  },
): Promise<SaveKpiEntryOutcome> {
  const frozen = frozenError(input.assessment);
  if (frozen) return { ok: false, errors: [frozen] };
  const { kpi, fields } = input;
  try {
    if (input.intent === 'clear') {
      const rows = await db.savepoint((tx) =>
        tx.query(
          'delete from public.kpi_assessment_values where assessment_id = $1 and kpi_code = $2 returning 1',
          [input.assessment.id, kpi.code],
        ),
      );
      return { ok: true, changed: rows.length > 0 };
    }
    const parts = Object.fromEntries(
      (kpi.measure.parts ?? []).map((part) => [part.key, fields[partField(part.key)]]),
    );
    const value = parseKpiValueFields(kpi.measure, { value: fields.value, parts }, kpi.unit);
    if (!value.ok) {
      return {
        ok: false,
        errors: value.issues.map(({ part, issue }) => ({
          field: part === null ? 'value' : partField(part),
          message: issue.message,
          params: issue.params,
        })),
      };
    }
    const entry = buildKpiEntry(value.value, {
      reason: fields.reason,
      source: fields.source,
      methodNote: fields.methodNote,
    });
    if (!entry.ok) {
      return {
        ok: false,
        errors: entry.issues.map((issue) => ({
          field:
            issue.field === 'value' && kpi.measure.parts
              ? partField(kpi.measure.parts[0]!.key)
              : issue.field,
          message: issue.message,
          params: issue.params,
        })),
      };
    }
    if (!entry.entry) {
      const field = kpi.measure.parts ? partField(kpi.measure.parts[0]!.key) : 'value';
      return { ok: false, errors: [{ field, message: 'kpiAssessments.entry.nothing' }] };
    }
    const saved = entry.entry;
    const changed = await db.savepoint((tx) =>
      upsertEntries(tx, input.assessment.id, [{ kpiCode: kpi.code, entry: saved }]),
    );
    return { ok: true, changed: changed > 0 };
  } catch (error) {
    const code = sqlStateOf(error);
    if (code === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    if (code === '23514') {
      return { ok: false, errors: [{ field: 'value', message: 'kpiAssessments.entry.refused' }] };
    }
    throw error;
  }
}
