import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/lib/procurement/dashboard';
import { currencyCodes, currencyLabel, isCurrencyCode } from '../../src/lib/procurement/currencies';
import { missingRequired, planChecklist } from '../../src/lib/procurement/plan-checklist';
import {
  milestoneStatuses,
  parseProcurementFilters,
  tenderMethods,
} from '../../src/lib/procurement/vocabulary';
import { parseCsv } from '../../src/lib/csv';
import { ocdsReferenceDir, ocdsSuite } from '../support/ocds-schemas';

const rootDir = path.resolve(import.meta.dirname, '../..');
const suite = ocdsSuite();
const codes = (file: string, current = false) => {
  const parsed = parseCsv(fs.readFileSync(path.join(ocdsReferenceDir()!, 'codelists', file)));
  if (!parsed.ok) throw new Error(file);
  const code = parsed.header.indexOf('Code');
  const until = parsed.header.indexOf('Valid Until');
  return parsed.records.filter((r) => !current || !r.values[until]).map((r) => r.values[code]);
};

describe.skipIf(!suite.run)('procurement vocabularies against the OCDS 1.1.5 codelists', () => {
  it('offers exactly the current currencies of currency.csv', () => {
    expect([...currencyCodes]).toEqual(codes('currency.csv', true));
  });
  it('uses the method and milestoneStatus codelists, in their order', () => {
    expect([...tenderMethods]).toEqual(codes('method.csv'));
    expect([...milestoneStatuses]).toEqual(codes('milestoneStatus.csv'));
  });
});

describe('procurement vocabularies', () => {
  it('the database checks the same currencies as the forms', () => {
    const sql = fs.readFileSync(
      path.join(rootDir, 'supabase/migrations/20261203130000_procurement.sql'),
      'utf8',
    );
    const list = /select code = any \('\{([^}]*)\}'::text\[\]\)/
      .exec(sql)![1]!
      .split(',')
      .map((c) => c.trim());
    expect(list).toEqual([...currencyCodes]);
  });

  it('knows a currency by its code, and names it', () => {
    expect(isCurrencyCode('NOK')).toBe(true);
    expect(isCurrencyCode('ADP')).toBe(false); // withdrawn in 2003
    expect(currencyLabel('en', 'NOK')).toBe('NOK · Norwegian Krone');
  });

  it('drops a bad filter and keeps the others', () => {
    const { filters, invalid } = parseProcurementFilters(
      new URLSearchParams('stage=market&theme=teleportation&sdg=11&band=huge&open=1&country=no'),
    );
    expect(filters).toMatchObject({ stage: 'market', sdg: 11, open: '1', country: 'NO' });
    expect(invalid.sort()).toEqual(['band', 'theme']);
  });

  it('lists what the plan still misses; required items gate publication', () => {
    const items = planChecklist({
      problem: 'Children walk to school along busy roads.',
      outcomes: [{ outcome: 'Fewer injuries', measure: '' }],
      beneficiaries: '',
      themes: ['safety'],
      sdgs: [],
      kpiCodes: [],
      budgetAmount: 1000,
      fundingSource: '',
      plannedAwardOn: null,
      plannedDeliveryStart: null,
      genderAffected: '',
      genderConsultation: '',
      genderCriteria: '',
    });
    expect(missingRequired(items).map((item) => item.key)).toEqual(['beneficiaries']);
    expect(items.filter((item) => !item.done).map((item) => item.key)).toEqual([
      'measurable',
      'beneficiaries',
      'goals',
      'funding',
      'timeline',
      'genderAffected',
      'genderConsultation',
      'genderCriteria',
    ]);
  });

  it('computes the dashboard: counts by stage, average days per stage reached, gender-responsive share', () => {
    const days = (plan: number | null, market: number | null = null) => ({
      plan,
      market,
      evaluation: null,
      delivery: null,
    });
    const figures = dashboardFigures([
      { stage: 'plan', genderResponsive: false, days: days(10) },
      { stage: 'market', genderResponsive: true, days: days(20, 5) },
      { stage: 'market', genderResponsive: false, days: days(31, 8) },
    ]);
    expect(figures.byStage.map((row) => row.count)).toEqual([1, 2, 0, 0, 0]);
    expect(figures.averageDays).toEqual([
      { stage: 'plan', days: 20, processes: 3 },
      { stage: 'market', days: 7, processes: 2 },
      { stage: 'evaluation', days: null, processes: 0 },
      { stage: 'delivery', days: null, processes: 0 },
    ]);
    expect([figures.genderResponsive, figures.total]).toEqual([1, 3]);
  });
});
