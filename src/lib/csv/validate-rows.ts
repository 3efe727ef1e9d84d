import type { z } from 'zod';
import type { MessageKey } from '../i18n';
import type { CsvRecord } from './parse-csv';
import { looksLikeFormula } from './write-csv';

/**
 * Turning parsed CSV records into validated rows, for imports that accept a
 * file only when every row is right: each record is read by header name and
 * checked with a zod schema, and every bad row is reported with its line,
 * its column and the reason, never just the first.
 */

export interface CsvRowProblem {
  line: number;
  /** Header of the column at fault, when the problem is in one cell. */
  column: string | null;
  /** An i18n key (the schema's message when it is one), with `params` to fill it. */
  message: string;
  params: Record<string, unknown>;
}

export type CsvRowsResult<T> =
  { ok: true; rows: { line: number; data: T }[] } | { ok: false; problems: CsvRowProblem[] };

/** Headers the file must have, checked before any row; the problem names each missing one. */
export function checkCsvHeader(
  header: readonly string[],
  required: readonly string[],
): CsvRowProblem[] {
  return required
    .filter((name) => !header.includes(name))
    .map((name) => ({
      line: 1,
      column: name,
      message: 'csv.error.missing-column' satisfies MessageKey,
      params: { name },
    }));
}

/**
 * Reads each record as `{ header: value }` (unknown columns are kept, so
 * the schema decides whether to allow them) and validates it. Returns every
 * row, or every problem of every row.
 */
export function validateCsvRows<T>(
  header: readonly string[],
  records: readonly CsvRecord[],
  schema: z.ZodType<T>,
): CsvRowsResult<T> {
  const rows: { line: number; data: T }[] = [];
  const problems: CsvRowProblem[] = [];
  for (const record of records) {
    const raw: Record<string, string> = {};
    header.forEach((name, index) => {
      raw[name] = record.values[index] ?? '';
    });
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      rows.push({ line: record.line, data: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = issue.path.length > 0 ? String(issue.path[0]) : null;
      problems.push({
        line: record.line,
        column,
        message: issue.message,
        // The cell's own text is the default `value`, so "“bad” is not a KPI code" works
        // with any schema message that names {value}.
        params: {
          value: column === null ? '' : (raw[column] ?? ''),
          ...('params' in issue ? (issue.params ?? {}) : {}),
          line: record.line,
          column: column ?? '',
        },
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/**
 * Rows that repeat an earlier row's key (e.g. the same KPI code twice), each
 * reported on its own line with the line of the first one.
 */
export function findDuplicateRows<T>(
  rows: readonly { line: number; data: T }[],
  keyOf: (row: T) => string,
  column: string,
): CsvRowProblem[] {
  const first = new Map<string, number>();
  const problems: CsvRowProblem[] = [];
  for (const row of rows) {
    const key = keyOf(row.data);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.line);
    else {
      problems.push({
        line: row.line,
        column,
        message: 'csv.error.duplicate-row' satisfies MessageKey,
        params: { line: row.line, value: key, firstLine: earlier },
      });
    }
  }
  return problems;
}

/**
 * Cells of the given columns that a spreadsheet would run as a formula
 * (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), each reported with its line: an
 * import refuses them rather than store text that turns hostile when the
 * data is exported again. Leave out columns where a leading `-` or `+` is
 * ordinary (signed numbers are checked by their own schema).
 */
export function findFormulaCells(
  header: readonly string[],
  records: readonly CsvRecord[],
  columns: readonly string[],
): CsvRowProblem[] {
  const indexes = columns
    .map((name) => [name, header.indexOf(name)] as const)
    .filter(([, i]) => i >= 0);
  const problems: CsvRowProblem[] = [];
  for (const record of records) {
    for (const [name, index] of indexes) {
      const value = record.values[index] ?? '';
      if (looksLikeFormula(value.trimStart())) {
        problems.push({
          line: record.line,
          column: name,
          message: 'csv.error.formula' satisfies MessageKey,
          params: { line: record.line, column: name, value: value.slice(0, 40) },
        });
      }
    }
  }
  return problems;
}
