import type { MessageKey } from '../i18n';

/**
 * Reading CSV uploads (RFC 4180, as spreadsheets save it) with problems
 * reported by line, so an import can tell a person exactly what to fix and
 * store nothing until the whole file is right.
 *
 * - Bytes are decoded as UTF-8 (a BOM is skipped). UTF-16 files and bytes
 *   that are not UTF-8 (a file saved as Windows-1252 or Latin-1) are refused
 *   with the line of the first bad byte; NUL bytes mean it is not text.
 * - Quoted fields may hold commas, doubled quotes and line breaks (kept
 *   exactly as written, so an export re-imports unchanged); CRLF, LF and a
 *   lone CR all end a record.
 * - A quote inside an unquoted field, text after a closing quote, an
 *   unterminated quote, a record with the wrong number of fields, an empty or
 *   repeated header: each is a problem with its line.
 * - Limits: bytes, records and characters per field (defaults below).
 *
 * Problems carry an i18n key (`csv.error.*`) and their parameters; translate
 * them with `translateIssue(t, problem)` from src/lib/i18n.
 */

export type CsvProblemCode =
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'utf16'
  | 'encoding'
  | 'unterminated-quote'
  | 'stray-quote'
  | 'field-too-long'
  | 'too-many-rows'
  | 'column-count'
  | 'header-empty'
  | 'header-duplicate'
  | 'too-many-problems';

export interface CsvProblem {
  /** 1-based line of the file where the record (or the bad byte) is. 0: the file as a whole. */
  line: number;
  code: CsvProblemCode;
  /** i18n key of the message, e.g. `csv.error.column-count`. */
  message: MessageKey;
  params: Record<string, string | number>;
}

export interface CsvRecord {
  /** The line the record starts on (a quoted line break makes a record span lines). */
  line: number;
  values: string[];
}

export type CsvParseResult =
  { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; problems: CsvProblem[] };

export interface CsvParseOptions {
  /** Largest file accepted, in bytes (default 2 MB). */
  maxBytes?: number;
  /** Most records after the header (default 20,000). */
  maxRecords?: number;
  /** Longest field, in characters (default 10,000). */
  maxFieldLength?: number;
  /** Problems listed before stopping (default 200). */
  maxProblems?: number;
}

const defaults: Required<CsvParseOptions> = {
  maxBytes: 2 * 1024 * 1024,
  maxRecords: 20_000,
  maxFieldLength: 10_000,
  maxProblems: 200,
};

function problem(
  line: number,
  code: CsvProblemCode,
  params: Record<string, string | number> = {},
): CsvProblem {
  return { line, code, message: `csv.error.${code}` as MessageKey, params: { line, ...params } };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += length;
  }
  return -1;
}

/** "2 MB", "340 KB": sizes people recognise. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/**
 * Turns uploaded bytes into text, or says why it cannot: too large, empty,
 * UTF-16, not UTF-8 (with the line of the first bad byte), or binary.
 */
export function decodeCsvBytes(
  bytes: Uint8Array,
  maxBytes = defaults.maxBytes,
): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      problem: problem(0, 'too-large', {
        limit: formatSize(maxBytes),
        size: formatSize(bytes.length),
      }),
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: problem(0, 'utf16') };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, problem: problem(lineAt(body, nul), 'binary') };
  const bad = findInvalidUtf8(body);
  if (bad >= 0) return { ok: false, problem: problem(lineAt(body, bad), 'encoding') };
  const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  if (text.trim() === '') return { ok: false, problem: problem(0, 'empty') };
  return { ok: true, text };
}

/**
 * Parses CSV bytes (an upload) or text into a header and records, or the
 * list of problems, each with its line. Blank lines are skipped.
 */
export function parseCsv(
  input: Uint8Array | string,
  options: CsvParseOptions = {},
): CsvParseResult {
  const limits = { ...defaults, ...options };
  let text: string;
  if (typeof input === 'string') {
    const decoded = decodeCsvBytes(new TextEncoder().encode(input), limits.maxBytes);
    if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
    text = decoded.text;
  } else {
    const decoded = decodeCsvBytes(input, limits.maxBytes);
    if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const problems: CsvProblem[] = [];
  const records: CsvRecord[] = [];
  const report = (p: CsvProblem) => {
    if (problems.length < limits.maxProblems) problems.push(p);
    else if (problems.length === limits.maxProblems) {
      problems.push(problem(p.line, 'too-many-problems', { max: limits.maxProblems }));
    }
  };

  let line = 1;
  let i = 0;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;
  let afterClosingQuote = false;
  let recordBroken = false;
  let stop = false;

  const endField = () => {
    if (field.length > limits.maxFieldLength && !recordBroken) {
      report(
        problem(recordLine, 'field-too-long', {
          column: fields.length + 1,
          max: limits.maxFieldLength,
        }),
      );
      recordBroken = true;
    }
    fields.push(field);
    field = '';
    fieldStarted = false;
    afterClosingQuote = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank && !recordBroken) records.push({ line: recordLine, values: fields });
    if (!blank && records.length > limits.maxRecords + 1) {
      report(problem(recordLine, 'too-many-rows', { max: limits.maxRecords }));
      stop = true;
    }
    fields = [];
    recordBroken = false;
  };

  while (i < text.length && !stop) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterClosingQuote = true;
        i += 1;
        continue;
      }
      if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line += 1;
      field += char;
      i += 1;
      continue;
    }
    if (char === ',') {
      endField();
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (afterClosingQuote) {
      if (!recordBroken) report(problem(recordLine, 'stray-quote', { column: fields.length + 1 }));
      recordBroken = true;
      field += char;
      i += 1;
      continue;
    }
    if (char === '"') {
      if (field === '') {
        quoted = true;
        quoteLine = line;
        fieldStarted = true;
        i += 1;
        continue;
      }
      if (!recordBroken) report(problem(recordLine, 'stray-quote', { column: fields.length + 1 }));
      recordBroken = true;
    }
    field += char;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) {
    report(problem(quoteLine, 'unterminated-quote', { column: fields.length + 1 }));
  } else if (!stop && (field !== '' || fields.length > 0 || fieldStarted)) {
    endRecord();
  }

  const [headerRecord, ...rest] = records;
  if (!headerRecord) {
    if (problems.length === 0) problems.push(problem(0, 'empty'));
    return { ok: false, problems };
  }
  const header = headerRecord.values.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '') report(problem(headerRecord.line, 'header-empty', { column: index + 1 }));
    else if (seen.has(name)) report(problem(headerRecord.line, 'header-duplicate', { name }));
    seen.add(name);
  });
  for (const record of rest) {
    if (record.values.length !== header.length) {
      report(
        problem(record.line, 'column-count', {
          expected: header.length,
          found: record.values.length,
        }),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, header, records: rest };
}

/**
 * Undoes `neutraliseFormula` (write-csv.ts) on a cell read back from an
 * export: an apostrophe followed by a formula character is dropped.
 */
export function restoreFormulaPrefix(text: string): string {
  return /^'[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? text.slice(1) : text;
}
