import { z } from 'zod';
import {
  checkCsvHeader,
  findDuplicateRows,
  findFormulaCells,
  looksLikeFormula,
  parseCsv,
  restoreFormulaPrefix,
  toCsv,
  validateCsvRows,
  type CsvColumn,
  type CsvRecord,
} from '../csv';
import type { MessageKey } from '../i18n';
import { kpiCodeSchema } from '../kpis/framework';
import { buildKpiEntry, type KpiEntry, type KpiForEntry } from './entry-rules';
import { formatKpiValueCell, parseKpiNumber, parseKpiPartsCell, type KpiValue } from './kpi-values';

/**
 * The CSV format of an assessment: the template cities download, the export
 * and the import are one format, so an export re-imports unchanged.
 *
 *   kpi_code,kpi_name,unit,value,not_available_reason,source,method_note
 *   EC:ICT:ICT:1C,Household Internet Access,% of households,81.5,,National statistics office,Survey 2025
 *   EN:EN:AQ:1C,Air Pollution,…,pm2-5=12.5; pm10=22; no2=; so2=4; o3=60,,City monitoring network,
 *   SC:SH:HO:1C,Informal Settlements,…,,No survey since 2019,,
 *
 * One row per KPI. `kpi_name` and `unit` are there to read; the import
 * checks that the unit is still the KPI's own (a value converted to another
 * unit would be wrong). Yes/no values are `yes` or `no`; multi-valued KPIs
 * write their parts as `key=value` separated by semicolons. A row with
 * neither a value nor a reason changes nothing.
 */

export const assessmentCsvColumns = [
  'kpi_code',
  'kpi_name',
  'unit',
  'value',
  'not_available_reason',
  'source',
  'method_note',
] as const;
export type AssessmentCsvColumn = (typeof assessmentCsvColumns)[number];

/** The columns an import needs; `kpi_name` and `unit` may be left out. */
export const requiredCsvColumns = [
  'kpi_code',
  'value',
  'not_available_reason',
  'source',
  'method_note',
] as const satisfies readonly AssessmentCsvColumn[];

/** Text columns where a spreadsheet formula is refused (signed numbers are the value's business). */
const textColumns = [
  'kpi_name',
  'unit',
  'not_available_reason',
  'source',
  'method_note',
] as const satisfies readonly AssessmentCsvColumn[];

/** Largest file the import reads (91 rows need a few kilobytes). */
export const assessmentCsvMaxBytes = 1024 * 1024;

/** One entry of an assessment as the CSV shows it. */
export interface CsvEntryRow {
  kpi: KpiForEntry;
  entry: KpiEntry | null;
}

/** The template (entry null on every row) or an export, in the framework's order. */
export function writeAssessmentCsv(rows: readonly CsvEntryRow[]): string {
  const columns: CsvColumn<CsvEntryRow>[] = [
    { header: 'kpi_code', value: (r) => r.kpi.code },
    { header: 'kpi_name', value: (r) => r.kpi.name },
    { header: 'unit', value: (r) => r.kpi.unit },
    {
      header: 'value',
      // Text, not a number: "81.5" must not become a locale's "81,5" in a sheet's eyes
      // either way, and parts cells are text anyway. Digits never look like formulas.
      value: (r) =>
        r.entry?.status === 'reported'
          ? formatKpiValueCell(r.kpi.measure, r.entry.value)
          : r.kpi.measure.parts
            ? formatKpiValueCell(r.kpi.measure, { value: null, parts: null })
            : '',
    },
    {
      header: 'not_available_reason',
      value: (r) => (r.entry?.status === 'not-available' ? r.entry.reason : ''),
    },
    { header: 'source', value: (r) => r.entry?.source ?? '' },
    { header: 'method_note', value: (r) => r.entry?.methodNote ?? '' },
  ];
  return toCsv(rows, columns, { bom: true });
}

/** A problem of the file as a whole or of one line, as an i18n key and its parameters. */
export interface ImportIssue {
  message: string;
  params: Record<string, unknown>;
}

/**
 * Every problem of one line, reported together as one message ("Line 7: …").
 * Line 0: problems of the file as a whole (encoding, size, structure), whose
 * messages name their own line where they have one.
 */
export interface ImportLineProblems {
  line: number;
  issues: ImportIssue[];
}

export type AssessmentCsvResult =
  | { ok: true; rows: { line: number; kpiCode: string; entry: KpiEntry | null }[] }
  | { ok: false; problems: ImportLineProblems[] };

const cell = z.string().optional();
const rowShape = z.object(Object.fromEntries(assessmentCsvColumns.map((c) => [c, cell]))).loose();

const sameUnit = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** A parts cell with every part left empty, as the template writes it. */
function isBlankPartsCell(kpi: KpiForEntry, cell: string): boolean {
  if (!kpi.measure.parts) return false;
  const parsed = parseKpiPartsCell(kpi.measure, cell);
  return parsed.ok && parsed.value === null;
}

/** The zod schema of one row, against the catalogue (`code → KPI`). */
export function assessmentCsvRowSchema(catalogue: ReadonlyMap<string, KpiForEntry>) {
  return rowShape.transform((raw, ctx) => {
    const add = (column: AssessmentCsvColumn, message: MessageKey, params = {}) =>
      ctx.addIssue({ code: 'custom', path: [column], message, params });
    const text = (column: AssessmentCsvColumn) => restoreFormulaPrefix(raw[column] ?? '').trim();
    const code = kpiCodeSchema.safeParse(raw.kpi_code ?? '');
    if (!code.success) {
      add('kpi_code', 'kpis.error.code');
      return z.NEVER;
    }
    const kpi = catalogue.get(code.data);
    if (!kpi) {
      add('kpi_code', 'kpiAssessments.import.unknownKpi');
      return z.NEVER;
    }
    const unit = text('unit');
    if (unit !== '' && !sameUnit(unit, kpi.unit)) {
      add('unit', 'kpiAssessments.import.wrongUnit', { unit: kpi.unit, code: kpi.code });
    }
    const valueText = (raw.value ?? '').trim();
    let value: KpiValue | null = null;
    if (looksLikeFormula(valueText) && !/^[-+−]\s*\d/.test(valueText)) {
      add('value', 'kpiAssessments.import.formula', { value: valueText.slice(0, 40) });
    } else if (kpi.measure.parts) {
      const parts = parseKpiPartsCell(kpi.measure, valueText, kpi.unit);
      if (!parts.ok) add('value', parts.issue.message, parts.issue.params);
      else value = parts.value ? { value: null, parts: parts.value } : null;
    } else if (valueText !== '') {
      const parsed = parseKpiNumber(valueText, kpi.measure.kind, {
        max: kpi.measure.max,
        unit: kpi.unit,
      });
      if (!parsed.ok) add('value', parsed.issue.message, parsed.issue.params);
      else value = { value: parsed.value, parts: null };
    }
    // A value that cannot be read says so on its own: "no value, but a source" would mislead.
    if (valueText !== '' && value === null && !isBlankPartsCell(kpi, valueText)) return z.NEVER;
    const entry = buildKpiEntry(value, {
      reason: text('not_available_reason'),
      source: text('source'),
      methodNote: text('method_note'),
    });
    const columnOf = {
      value: 'value',
      reason: 'not_available_reason',
      source: 'source',
      methodNote: 'method_note',
    } as const;
    if (!entry.ok) {
      for (const problem of entry.issues)
        add(columnOf[problem.field], problem.message, problem.params);
      return z.NEVER;
    }
    return { kpiCode: kpi.code, entry: entry.entry };
  });
}

/**
 * Reads an uploaded assessment CSV against the catalogue: the whole file or
 * nothing. Every problem is found (the encoding, the structure, then each
 * line: unknown codes, another unit, values out of range, formulas, repeated
 * KPIs…) and grouped by line, so each bad line gets one message.
 */
export function readAssessmentCsv(
  bytes: Uint8Array,
  catalogue: ReadonlyMap<string, KpiForEntry>,
): AssessmentCsvResult {
  const parsed = parseCsv(bytes, { maxBytes: assessmentCsvMaxBytes, maxRecords: 1000 });
  if (!parsed.ok) {
    // The reader's messages name their own line: reported as problems of the file.
    return {
      ok: false,
      problems: [
        { line: 0, issues: parsed.problems.map(({ message, params }) => ({ message, params })) },
      ],
    };
  }
  const headerProblems = checkCsvHeader(parsed.header, requiredCsvColumns);
  const unknown = parsed.header.filter(
    (name) => !(assessmentCsvColumns as readonly string[]).includes(name),
  );
  const problems: (ImportIssue & { line: number })[] = [
    ...headerProblems,
    ...unknown.map((name) => ({
      line: 1,
      message: 'kpiAssessments.import.unknownColumn' satisfies MessageKey,
      params: { name, columns: assessmentCsvColumns.join(', ') },
    })),
  ];
  if (problems.length > 0) return { ok: false, problems: groupByLine(problems) };
  if (parsed.records.length === 0) {
    return {
      ok: false,
      problems: [{ line: 0, issues: [{ message: 'kpiAssessments.import.noRows', params: {} }] }],
    };
  }

  // The shared checks word their messages with the line; here each line's
  // problems are said after "Line N:", so they take this domain's words.
  for (const cell of findFormulaCells(parsed.header, parsed.records, textColumns)) {
    problems.push({ ...cell, message: 'kpiAssessments.import.formula' });
  }
  const validated = validateCsvRows(
    parsed.header,
    parsed.records,
    assessmentCsvRowSchema(catalogue),
  );
  if (!validated.ok) problems.push(...validated.problems);
  const repeated = findDuplicateRows(
    codesOf(parsed.header, parsed.records),
    (code) => code,
    'kpi_code',
  );
  for (const row of repeated) problems.push({ ...row, message: 'kpiAssessments.import.duplicate' });
  if (problems.length > 0 || !validated.ok) return { ok: false, problems: groupByLine(problems) };
  return {
    ok: true,
    rows: validated.rows.map((row) => ({ line: row.line, ...row.data })),
  };
}

/** The normalised KPI code of each record whose code reads as one (for duplicates). */
function codesOf(header: readonly string[], records: readonly CsvRecord[]) {
  const index = header.indexOf('kpi_code');
  return records.flatMap((record) => {
    const code = kpiCodeSchema.safeParse(record.values[index] ?? '');
    return code.success ? [{ line: record.line, data: code.data }] : [];
  });
}

/** Problems by line, in line order, each line's issues in the order they were found. */
function groupByLine(problems: readonly (ImportIssue & { line: number })[]): ImportLineProblems[] {
  const byLine = new Map<number, ImportIssue[]>();
  for (const { line, message, params } of problems) {
    const issues = byLine.get(line) ?? [];
    // A repeated row's formula cell and so on are separate problems; the same
    // problem twice (a cell flagged by two checks) is said once.
    const same = (i: ImportIssue) =>
      i.message === message && JSON.stringify(i.params) === JSON.stringify(params);
    if (!issues.some(same)) {
      issues.push({ message, params });
    }
    byLine.set(line, issues);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, issues]) => ({ line, issues }));
}
