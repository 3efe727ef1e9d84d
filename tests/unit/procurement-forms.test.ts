import { describe, expect, it } from 'vitest';
import { readScores } from '../../src/server/procurement/evaluation-forms';
import { isIsoDate, parseAmount } from '../../src/server/procurement/form-fields';
import { parseNoticeForm, publicationProblems } from '../../src/server/procurement/notice-form';
import { parsePlanForm } from '../../src/server/procurement/plan-form';

const plan = (extra: Record<string, unknown> = {}) => ({
  title: 'Safer walking routes to school',
  problem: 'Children walk along busy roads without crossings.',
  outcome_1: 'Fewer children hurt',
  measure_1: 'Injuries: from 14 to under 5 a year',
  beneficiaries: 'Pupils and families',
  themes: ['mobility', 'safety'],
  sdgs: '11',
  budget_amount: '250,000.50',
  budget_currency: 'nok',
  budget_usd: '23000',
  ...extra,
});

const now = new Date('2027-01-10T12:00:00Z');
const notice = (extra: Record<string, unknown> = {}) => ({
  problem_statement: 'We want safe walking routes to four schools.',
  deadline: '2027-02-20T12:00',
  deadline_tz: 'UTC',
  criterion_name_1: 'Quality',
  criterion_weight_1: '60',
  criterion_name_2: 'Price',
  criterion_weight_2: '40',
  ...extra,
});

describe('the plan form', () => {
  it('reads a complete plan: amounts as people type them, codes upper-cased, one SDG as a list', () => {
    const parsed = parsePlanForm(plan({ kpi_codes: 'sc:sh:sa:9c, EC: I: T: 4A' }));
    expect(parsed.ok && parsed.input).toMatchObject({
      budgetAmount: 250000.5,
      budgetCurrency: 'NOK',
      budgetUsd: 23000,
      sdgs: [11],
      themes: ['mobility', 'safety'],
      kpiCodes: ['SC:SH:SA:9C', 'EC:I:T:4A'],
      outcomes: [
        { outcome: 'Fewer children hurt', measure: 'Injuries: from 14 to under 5 a year' },
      ],
    });
  });

  it('refuses a currency that is not in the OCDS codelist, naming it', () => {
    const parsed = parsePlanForm(plan({ budget_currency: 'XYZ' }));
    expect(parsed.ok === false && parsed.errors).toEqual([
      { field: 'budget_currency', message: 'procurement.error.currency', params: { value: 'XYZ' } },
    ]);
  });

  it('refuses an amount without its currency, and a non-USD budget without its dollar value', () => {
    const noCurrency = parsePlanForm(plan({ budget_currency: '' }));
    expect(noCurrency.ok === false && noCurrency.errors[0]).toMatchObject({
      field: 'budget_currency',
      message: 'procurement.error.budgetPair',
    });
    const noUsd = parsePlanForm(plan({ budget_usd: '' }));
    expect(noUsd.ok === false && noUsd.errors[0]).toMatchObject({
      field: 'budget_usd',
      message: 'procurement.error.amountUsd',
    });
    const usd = parsePlanForm(plan({ budget_currency: 'USD', budget_usd: '' }));
    expect(usd.ok && usd.input.budgetUsd).toBe(250000.5);
  });

  it('refuses unknown themes, SDGs out of range, KPI codes that are not codes, and a measure without its outcome', () => {
    const parsed = parsePlanForm(
      plan({
        themes: ['mobility', 'teleportation'],
        sdgs: ['18'],
        kpi_codes: 'not a code',
        outcome_2: '',
        measure_2: 'something',
      }),
    );
    expect(parsed.ok === false && parsed.errors.map((e) => e.field).sort()).toEqual([
      'kpi_codes',
      'outcome_2',
      'sdgs',
      'themes',
    ]);
  });

  it('refuses a delivery that ends before it starts, and a date that does not exist', () => {
    const parsed = parsePlanForm(
      plan({
        planned_delivery_start: '2027-05-01',
        planned_delivery_end: '2027-04-01',
        planned_award_on: '2027-02-30',
      }),
    );
    expect(
      parsed.ok === false && parsed.errors.map((e) => `${e.field}:${e.message}`).sort(),
    ).toEqual([
      'planned_award_on:procurement.error.date',
      'planned_delivery_end:procurement.error.periodOrder',
    ]);
  });
});

describe('the notice form', () => {
  it('reads criteria in order, with gender-responsive ones marked', () => {
    const parsed = parseNoticeForm(notice({ criterion_gender_2: 'on' }), now);
    expect(parsed.ok && parsed.input.criteria).toEqual([
      { position: 1, name: 'Quality', description: '', weight: 60, genderResponsive: false },
      { position: 2, name: 'Price', description: '', weight: 40, genderResponsive: true },
    ]);
    expect(parsed.ok && parsed.input.deadline.toISOString()).toBe('2027-02-20T12:00:00.000Z');
  });

  it('refuses a deadline in the past, in the notice’s own time zone', () => {
    const parsed = parseNoticeForm(
      notice({ deadline: '2027-01-10T12:30', deadline_tz: 'Asia/Tokyo' }),
      now,
    );
    expect(parsed.ok === false && parsed.errors).toEqual([
      { field: 'deadline', message: 'procurement.error.deadlinePast' },
    ]);
  });

  it('refuses weights that do not add up to 100, saying what they add up to', () => {
    const parsed = parseNoticeForm(notice({ criterion_weight_2: '30' }), now);
    expect(parsed.ok === false && parsed.errors).toEqual([
      {
        field: 'criterion_weight_1',
        message: 'procurement.error.weightsTotal',
        params: { total: 90 },
      },
    ]);
  });

  it('refuses a notice without criteria, a weight out of range, and a document without its address', () => {
    const none = parseNoticeForm(
      notice({
        criterion_name_1: '',
        criterion_weight_1: '',
        criterion_name_2: '',
        criterion_weight_2: '',
      }),
      now,
    );
    expect(none.ok === false && none.errors[0]!.message).toBe('procurement.error.criteriaMissing');
    const bad = parseNoticeForm(
      notice({ criterion_weight_2: '140', document_title_1: 'Map' }),
      now,
    );
    expect(bad.ok === false && bad.errors.map((e) => e.field).sort()).toEqual([
      'criterion_weight_2',
      'document_url_1',
    ]);
    const unsafe = parseNoticeForm(
      notice({ document_title_1: 'Map', document_url_1: 'javascript:alert(1)' }),
      now,
    );
    expect(unsafe.ok === false && unsafe.errors[0]!.field).toBe('document_url_1');
  });

  it('asks for a reason when the notice would be open less than 28 days', () => {
    const short = parseNoticeForm(notice({ deadline: '2027-01-30T12:00' }), now);
    if (!short.ok) throw new Error('short notice should parse');
    expect(publicationProblems(short.input, now)).toEqual([
      {
        field: 'short_deadline_reason',
        message: 'procurement.error.shortDeadline',
        params: { days: 28 },
      },
    ]);
    const withReason = parseNoticeForm(
      notice({
        deadline: '2027-01-30T12:00',
        short_deadline_reason: 'The grant must be spent this year.',
      }),
      now,
    );
    expect(withReason.ok && publicationProblems(withReason.input, now)).toEqual([]);
    const long = parseNoticeForm(notice(), now);
    expect(long.ok && publicationProblems(long.input, now)).toEqual([]);
  });
});

describe('small readers', () => {
  it('reads amounts as people type them, and nothing else', () => {
    expect(parseAmount('250,000.50')).toBe(250000.5);
    expect(parseAmount('1 000')).toBe(1000);
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('1e6')).toBeNull();
    expect(parseAmount('12.345')).toBeNull();
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('29.02.2028')).toBe(false);
  });

  it('reads scores per bid and criterion, naming bad ones', () => {
    const bid = '11111111-1111-4111-8111-111111111111';
    const criterion = '22222222-2222-4222-8222-222222222222';
    const other = '33333333-3333-4333-8333-333333333333';
    expect(
      readScores({
        [`score_${bid}_${criterion}`]: '85.5',
        [`score_${bid}_${other}`]: '',
        ignored: 'x',
      }),
    ).toEqual({
      scores: [
        { bidId: bid, criterionId: criterion, score: 85.5 },
        { bidId: bid, criterionId: other, score: null },
      ],
      bad: [],
    });
    expect(readScores({ [`score_${bid}_${criterion}`]: '101' }).bad).toEqual([
      `score_${bid}_${criterion}`,
    ]);
  });
});
