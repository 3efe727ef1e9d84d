import { z } from 'zod';
import {
  readAssessmentCsv,
  type ImportLineProblems,
} from '../../lib/kpi-assessments/assessment-csv';
import type { KpiForEntry } from '../../lib/kpi-assessments/entry-rules';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import { frozenError } from './frozen';
import type { AssessmentSummary } from './queries';
import { upsertEntries } from './save-kpi-entry';

/** The import form: one file field (`file`), read as multipart by `readForm`. */
export const importFormSchema = z.object({ intent: z.literal('import') });

/**
 * The request body an import may send: the file's own limit (1 MB, checked
 * again by the CSV reader with its own message) plus room for the multipart
 * envelope. Counted as it arrives by src/server/forms.
 */
export const importBodyLimit = 1024 * 1024 + 16 * 1024;

export type ImportOutcome =
  | { ok: true; changed: number; unchanged: number; blank: number }
  | { ok: false; errors: FieldError[]; problems: ImportLineProblems[] };

/**
 * Imports a CSV file into an assessment: every line is checked first, and
 * nothing is stored unless the whole file is right; then all its entries are
 * written in one statement inside a savepoint, so a refusal by the database
 * (RLS, the freeze) leaves nothing behind either. Blank rows (no value, no
 * reason) change nothing.
 */
export async function importAssessmentCsv(
  db: RequestDb,
  input: {
    assessment: AssessmentSummary;
    catalogue: readonly KpiForEntry[];
    file: Uint8Array | undefined;
  },
): Promise<ImportOutcome> {
  const frozen = frozenError(input.assessment);
  if (frozen) return { ok: false, errors: [frozen], problems: [] };
  if (!input.file || input.file.length === 0) {
    return {
      ok: false,
      errors: [{ field: 'file', message: 'kpiAssessments.import.fileMissing' }],
      problems: [],
    };
  }
  const catalogue = new Map(input.catalogue.map((kpi) => [kpi.code, kpi]));
  const read = readAssessmentCsv(input.file, catalogue);
  if (!read.ok) {
    const lines = read.problems.filter((p) => p.line > 0).length;
    return {
      ok: false,
      errors: [
        {
          field: 'file',
          message: lines > 0 ? 'kpiAssessments.import.badLines' : 'kpiAssessments.import.badFile',
          params: { count: lines },
        },
      ],
      problems: read.problems,
    };
  }
  const entries = read.rows.flatMap((row) =>
    row.entry ? [{ kpiCode: row.kpiCode, entry: row.entry }] : [],
  );
  try {
    const changed =
      entries.length === 0
        ? 0
        : await db.savepoint((tx) => upsertEntries(tx, input.assessment.id, entries));
    return {
      ok: true,
      changed,
      unchanged: entries.length - changed,
      blank: read.rows.length - entries.length,
    };
  } catch (error) {
    const code = sqlStateOf(error);
    if (code === '42501' || code === '23514') {
      return {
        ok: false,
        errors: [
          {
            field: 'file',
            message:
              code === '42501'
                ? 'kpiAssessments.forbidden.writeBody'
                : 'kpiAssessments.entry.refused',
          },
        ],
        problems: [],
      };
    }
    throw error;
  }
}
