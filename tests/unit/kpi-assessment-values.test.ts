import { describe, expect, it } from 'vitest';
import { getTranslator, translateIssue } from '../../src/lib/i18n';
import {
  readAssessmentCsv,
  writeAssessmentCsv,
  type CsvEntryRow,
} from '../../src/lib/kpi-assessments/assessment-csv';
import { answeredPercent, computeCompleteness } from '../../src/lib/kpi-assessments/completeness';
import { buildDashboardSeries, describeSeries } from '../../src/lib/kpi-assessments/dashboard';
import { buildKpiEntry } from '../../src/lib/kpi-assessments/entry-rules';
import {
  formatKpiPartsCell,
  parseKpiNumber,
  parseKpiPartsCell,
  parseKpiValueFields,
} from '../../src/lib/kpi-assessments/kpi-values';
import { measureProgress } from '../../src/lib/kpi-assessments/progress';
import {
  badRows,
  catalogueFromContent,
  csvHeader,
  encode,
  fixtureWithEveryBadRow,
  goodRows,
  latin1File,
} from '../fixtures/kpi-assessment-csv';

const i18n = getTranslator('en');
const catalogue = catalogueFromContent();
const byCode = new Map(catalogue.map((kpi) => [kpi.code, kpi]));
const kpi = (code: string) => byCode.get(code)!;
const issueText = (result: ReturnType<typeof parseKpiNumber>) =>
  result.ok ? null : translateIssue(i18n.t, result.issue);

describe('a value is checked by its KPI’s measure', () => {
  it('accepts percentages from 0 to 100 and refuses the rest with a reason', () => {
    expect(parseKpiNumber('81.5', 'percentage')).toEqual({ ok: true, value: 81.5 });
    expect(parseKpiNumber('0', 'percentage')).toEqual({ ok: true, value: 0 });
    expect(parseKpiNumber('100', 'percentage')).toEqual({ ok: true, value: 100 });
    expect(issueText(parseKpiNumber('100.1', 'percentage'))).toMatch(
      /not a percentage from 0 to 100/,
    );
    expect(issueText(parseKpiNumber('-1', 'percentage'))).toMatch(/cannot be negative/);
  });

  it('wants whole counts, non-negative rates, amounts and ratios, and a ratio’s own maximum', () => {
    expect(parseKpiNumber('140', 'count')).toEqual({ ok: true, value: 140 });
    expect(issueText(parseKpiNumber('140.5', 'count'))).toMatch(/not a whole number/);
    expect(parseKpiNumber('98000', 'rate')).toEqual({ ok: true, value: 98000 });
    expect(parseKpiNumber('0.27', 'ratio', { max: 1 })).toEqual({ ok: true, value: 0.27 });
    expect(issueText(parseKpiNumber('1.2', 'ratio', { max: 1 }))).toMatch(/above 1/);
    expect(issueText(parseKpiNumber('−3', 'amount'))).toMatch(/cannot be negative/);
  });

  it('reads yes and no in the ways people write them, and nothing else', () => {
    for (const word of ['yes', 'Yes', 'TRUE', '1', 'y']) {
      expect(parseKpiNumber(word, 'yes-no')).toEqual({ ok: true, value: 1 });
    }
    for (const word of ['no', 'No', 'false', '0']) {
      expect(parseKpiNumber(word, 'yes-no')).toEqual({ ok: true, value: 0 });
    }
    expect(issueText(parseKpiNumber('maybe', 'yes-no'))).toMatch(/answer yes or no/);
  });

  it('explains numbers written with a unit, a decimal comma or thousands separators', () => {
    expect(issueText(parseKpiNumber('81 %', 'percentage', { unit: '% of households' }))).toBe(
      '“81 %”: write only the number, without a unit. This KPI is measured in “% of households”.',
    );
    expect(issueText(parseKpiNumber('81,5', 'percentage'))).toMatch(/point for decimals/);
    expect(issueText(parseKpiNumber('12,500', 'count'))).toMatch(/thousands separators/);
    expect(issueText(parseKpiNumber('about 80', 'percentage'))).toMatch(/is not a number/);
    expect(issueText(parseKpiNumber('1e30', 'amount'))).toMatch(/is not a number/);
    expect(issueText(parseKpiNumber('1000000000000000', 'amount'))).toMatch(/too large/);
  });

  it('reads multi-valued KPIs part by part, in fields or in one CSV cell', () => {
    const air = kpi('EN:EN:AQ:1C').measure;
    expect(parseKpiPartsCell(air, 'pm2-5=6.1; PM10 = 13; no2=; o3=50')).toEqual({
      ok: true,
      value: { 'pm2-5': 6.1, pm10: 13, no2: null, so2: null, o3: 50 },
    });
    expect(parseKpiPartsCell(air, 'pm2-5=; pm10=')).toEqual({ ok: true, value: null });
    const unknown = parseKpiPartsCell(air, 'pm1=3');
    expect(unknown.ok || translateIssue(i18n.t, unknown.issue)).toBe(
      '“pm1” is not a part of this KPI. Its parts are: pm2-5, pm10, no2, so2, o3.',
    );
    const badPart = parseKpiPartsCell(air, 'pm10=-2');
    expect(badPart.ok || translateIssue(i18n.t, badPart.issue)).toBe(
      'PM10: “-2” is below 0: this value cannot be negative.',
    );
    expect(parseKpiPartsCell(air, 'pm10 13').ok).toBe(false);
    expect(parseKpiPartsCell(air, 'pm10=1; pm10=2').ok).toBe(false);
    expect(formatKpiPartsCell(air, { 'pm2-5': 6.1, pm10: 13, no2: null, so2: null, o3: 50 })).toBe(
      'pm2-5=6.1; pm10=13; no2=; so2=; o3=50',
    );
    const plans = kpi('EC:I:UP:2A').measure;
    expect(
      parseKpiValueFields(plans, { parts: { compact: 'yes', resilient: 'no', connected: '' } }),
    ).toEqual({
      ok: true,
      value: {
        value: null,
        parts: { compact: 1, connected: null, integrated: null, inclusive: null, resilient: 0 },
      },
    });
    const fields = parseKpiValueFields(air, { parts: { pm10: '101 µg' } });
    expect(fields.ok ? null : fields.issues.map((i) => i.part)).toEqual(['pm10']);
  });
});

describe('an entry is a value with its source, or "not available" with a reason', () => {
  const value = { value: 81.5, parts: null };
  it('needs a source with a value, and refuses a value with a reason', () => {
    expect(buildKpiEntry(value, { source: 'Census', methodNote: ' ' })).toEqual({
      ok: true,
      entry: { status: 'reported', value, source: 'Census', methodNote: null },
    });
    const fields = (r: ReturnType<typeof buildKpiEntry>) =>
      r.ok ? [] : r.issues.map((i) => `${i.field}:${i.message}`);
    expect(fields(buildKpiEntry(value, {}))).toEqual([
      'source:kpiAssessments.entry.sourceRequired',
    ]);
    expect(fields(buildKpiEntry(value, { reason: 'Not measured', source: 'x y' }))).toEqual([
      'reason:kpiAssessments.entry.valueAndReason',
    ]);
    expect(fields(buildKpiEntry(null, { source: 'Census' }))).toEqual([
      'value:kpiAssessments.entry.valueMissing',
    ]);
    expect(fields(buildKpiEntry(value, { source: 'x'.repeat(501) }))).toEqual([
      'source:kpiAssessments.entry.sourceLong',
    ]);
  });
  it('is "not available" with a reason, and nothing at all when nothing is given', () => {
    expect(buildKpiEntry(null, { reason: 'Not measured in the city' })).toEqual({
      ok: true,
      entry: {
        status: 'not-available',
        reason: 'Not measured in the city',
        source: null,
        methodNote: null,
      },
    });
    expect(buildKpiEntry(null, {})).toEqual({ ok: true, entry: null });
  });
});

describe('the assessment CSV', () => {
  it('reads a good file: values, parts, yes/no, not available and blank rows', () => {
    const csv = `${csvHeader}\r\n${goodRows.join('\r\n')}\r\nEC:ICT:ICT:2C,,,,,,\r\n`;
    const result = readAssessmentCsv(encode(csv), byCode);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.kpiCode, r.entry?.status ?? null])).toEqual([
      [2, 'EC:ICT:ICT:1C', 'reported'],
      [3, 'EC:ICT:ICT:5C', 'reported'],
      [4, 'EN:EN:AQ:1C', 'reported'],
      [5, 'SC:SH:SA:3A', 'reported'],
      [6, 'SC:SH:HO:1C', 'not-available'],
      [7, 'EC:ICT:ICT:2C', null],
    ]);
    expect(result.rows[3]!.entry).toMatchObject({ value: { value: 1, parts: null } });
  });

  it('refuses a file with every kind of bad row: one message per bad line, naming its reason', () => {
    const { csv, badLines } = fixtureWithEveryBadRow();
    const result = readAssessmentCsv(encode(csv), byCode);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([...badLines.keys()]);
    for (const problem of result.problems) {
      const text = problem.issues.map((issue) => translateIssue(i18n.t, issue)).join(' ');
      expect(problem.issues, `line ${problem.line}: ${text}`).toHaveLength(1);
      expect(text, `line ${problem.line}`).toMatch(badLines.get(problem.line)!);
    }
    expect(badRows.length).toBeGreaterThanOrEqual(15);
  });

  it('refuses a file in the wrong encoding, too large, empty or with unknown columns', () => {
    const text = (bytes: Uint8Array) => {
      const result = readAssessmentCsv(bytes, byCode);
      if (result.ok) throw new Error('expected a refusal');
      return result.problems.flatMap((p) => p.issues.map((i) => translateIssue(i18n.t, i)));
    };
    expect(text(latin1File())).toEqual([
      'Line 2 is not UTF-8 text: the file may be saved as Windows-1252 or Latin-1. Save it as “CSV UTF-8” and try again.',
    ]);
    const large = encode(`${csvHeader}\r\n${'EC:ICT:ICT:1C,,,1,,a source,\r\n'.repeat(40_000)}`);
    expect(text(large)[0]).toMatch(/^The file is too large \(1.\d MB\): the limit is 1 MB\.$/);
    expect(text(encode(''))).toEqual(['The file is empty.']);
    expect(text(encode(`${csvHeader}\r\n`))).toEqual(['The file has a header but no rows.']);
    expect(text(encode('kpi_code,value,sources\r\nEC:ICT:ICT:1C,1,x\r\n'))).toEqual([
      'The header has no “not_available_reason” column.',
      'The header has no “source” column.',
      'The header has no “method_note” column.',
      'The column “sources” is not part of the format. The columns are: kpi_code, kpi_name, unit, value, not_available_reason, source, method_note.',
    ]);
  });

  it('writes what it reads: the template, and an export that re-imports unchanged', () => {
    const template = writeAssessmentCsv(catalogue.map((k) => ({ kpi: k, entry: null })));
    const blank = readAssessmentCsv(encode(template), byCode);
    expect(blank.ok && blank.rows.length).toBe(91);
    expect(blank.ok && blank.rows.every((r) => r.entry === null)).toBe(true);
    expect(template.startsWith('\uFEFFkpi_code,kpi_name,unit,value,')).toBe(true);
    expect(template).toContain('EN:EN:AQ:1C,Air Pollution,');
    expect(template).toContain(',pm2-5=; pm10=; no2=; so2=; o3=,');

    const rows: CsvEntryRow[] = [
      {
        kpi: kpi('EC:ICT:ICT:1C'),
        entry: {
          status: 'reported',
          value: { value: 81.5, parts: null },
          source: '=cmd|"/C calc"!A0',
          methodNote: 'Line one\nline "two", with a comma',
        },
      },
      {
        kpi: kpi('EN:EN:AQ:1C'),
        entry: {
          status: 'reported',
          value: { value: null, parts: { 'pm2-5': 6.1, pm10: null, no2: 17, so2: 0, o3: 52.25 } },
          source: '  Monitoring network',
          methodNote: null,
        },
      },
      {
        kpi: kpi('SC:SH:SA:3A'),
        entry: {
          status: 'reported',
          value: { value: 0, parts: null },
          source: 'Planning',
          methodNote: null,
        },
      },
      {
        kpi: kpi('SC:SH:HO:1C'),
        entry: {
          status: 'not-available',
          reason: '-- not measured',
          source: null,
          methodNote: '@team',
        },
      },
    ];
    const exported = writeAssessmentCsv(rows);
    // Formula-safe: the hostile source and the text starting with - or @ get an apostrophe.
    expect(exported).toContain(`"'=cmd|""/C calc""!A0"`);
    expect(exported).toContain("'-- not measured");
    expect(exported).toContain("'@team");
    const back = readAssessmentCsv(encode(exported), byCode);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.rows.map((r) => r.entry)).toEqual([
      rows[0]!.entry,
      { ...rows[1]!.entry!, source: 'Monitoring network' },
      rows[2]!.entry,
      rows[3]!.entry,
    ]);
  });
});

describe('completeness and the distance to a city’s own target', () => {
  it('counts core and advanced KPIs and each dimension, never values', () => {
    const statuses = new Map([
      ['EC:ICT:ICT:1C', 'reported' as const],
      ['EC:ICT:WS:2A', 'not-available' as const],
      ['EN:EN:AQ:1C', 'reported' as const],
    ]);
    const c = computeCompleteness(catalogue, statuses);
    expect(c.all).toEqual({ reported: 2, notAvailable: 1, missing: 88, total: 91 });
    expect(c.byType.core).toEqual({ reported: 2, notAvailable: 0, missing: 53, total: 55 });
    expect(c.byType.advanced).toEqual({ reported: 0, notAvailable: 1, missing: 35, total: 36 });
    expect(c.byDimension.EC).toEqual({ reported: 1, notAvailable: 1, missing: 43, total: 45 });
    expect(answeredPercent(c.byDimension.EN)).toBe(5);
    expect(answeredPercent({ reported: 91, notAvailable: 0, missing: 0, total: 91 })).toBe(100);
  });

  it('measures progress from the baseline towards a rising or a falling target', () => {
    const rising = measureProgress(
      [
        { year: 2023, value: 80 },
        { year: 2024, value: null },
        { year: 2025, value: 86 },
      ],
      { baselineYear: 2023, targetValue: 95, targetYear: 2030 },
    );
    expect(rising).toEqual({
      baselineValue: 80,
      latest: { year: 2025, value: 86 },
      distance: 9,
      progressPercent: 40,
      reached: false,
    });
    const falling = measureProgress(
      [
        { year: 2023, value: 17.1 },
        { year: 2025, value: 9.5 },
      ],
      { baselineYear: 2023, targetValue: 10, targetYear: 2030 },
    );
    expect(falling).toMatchObject({ distance: 0.5, reached: true, progressPercent: 107 });
    const noBaseline = measureProgress([{ year: 2025, value: 50 }], {
      baselineYear: 2020,
      targetValue: 60,
      targetYear: 2030,
    });
    expect(noBaseline).toMatchObject({ baselineValue: null, progressPercent: null, distance: 10 });
  });

  it('builds one series per KPI and part, with the target, described in words', () => {
    const air = kpi('EN:EN:AQ:1C');
    const series = buildDashboardSeries(
      [kpi('EC:ICT:ICT:1C'), air],
      [
        { year: 2023, kpiCode: 'EC:ICT:ICT:1C', status: 'reported', value: 80, parts: null },
        { year: 2024, kpiCode: 'EC:ICT:ICT:1C', status: 'not-available', value: null, parts: null },
        { year: 2025, kpiCode: 'EC:ICT:ICT:1C', status: 'reported', value: 86, parts: null },
        {
          year: 2025,
          kpiCode: 'EN:EN:AQ:1C',
          status: 'reported',
          value: null,
          parts: { pm10: 13 },
        },
      ],
      [
        {
          kpiCode: 'EC:ICT:ICT:1C',
          partKey: '',
          baselineYear: 2023,
          targetValue: 95,
          targetYear: 2030,
        },
      ],
    );
    expect(series.map((s) => [s.kpi.code, s.part?.key ?? null])).toEqual([
      ['EC:ICT:ICT:1C', null],
      ...air.measure.parts!.map((p) => ['EN:EN:AQ:1C', p.key]),
    ]);
    expect(series[0]!.points).toEqual([
      { year: 2023, value: 80 },
      { year: 2024, value: null },
      { year: 2025, value: 86 },
    ]);
    expect(describeSeries(i18n, series[0]!)).toBe(
      'Values (% of households): 2023: 80, 2024: Not available, 2025: 86. Target: 95 by 2030, from the 2023 baseline. 9 still to go up. 40% of the way from the baseline.',
    );
    expect(series.find((s) => s.part?.key === 'pm10')!.points).toEqual([{ year: 2025, value: 13 }]);
  });
});
