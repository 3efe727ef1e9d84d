import { describe, expect, it } from 'vitest';
import {
  isValidDate,
  missingForReview,
  parseCaseStudyForm,
  parseFigure,
} from '../../src/server/case-studies/case-study-form';

const valid = {
  title: 'Solar water kiosks',
  summary: 'Kiosks bring treated water to the hillsides.',
  challenge: 'No network connection.',
  solution: 'Forty kiosks.',
  themes: ['water', 'health'],
  sdg_goals: ['6'],
  body: '',
};

const errorsOf = (fields: Record<string, string | string[]>) => {
  const parsed = parseCaseStudyForm({ ...valid, ...fields });
  return parsed.ok ? [] : parsed.errors;
};

describe('the case-study form', () => {
  it('reads a complete form, adding the goal of each target and keeping the taxonomy order', () => {
    const parsed = parseCaseStudyForm({
      ...valid,
      themes: ['health', 'water'],
      sdg_targets: '6.1, 1.4; 6.A',
      kpi_codes: 'EC:I:WS:1C,\nEN: EN: WS: 1C',
      technologies: 'solar pumps, Solar pumps, prepaid cards',
      result_label_2: 'Residents served',
      result_value_2: '58 000',
      result_unit_2: 'residents',
      result_date_2: '2023-12-31',
      partner_org_1: '5f0c6a43-9a54-4c7e-8e8b-2c5b3a7c1d11',
      partner_role_1: 'funder',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({
      themes: ['water', 'health'],
      sdgGoals: [1, 6],
      sdgTargets: ['6.1', '1.4', '6.a'],
      kpiCodes: ['EC:I:WS:1C', 'EN:EN:WS:1C'],
      technologies: ['solar pumps', 'prepaid cards'],
      results: [
        {
          label: 'Residents served',
          value: 58000,
          unit: 'residents',
          baseline: null,
          measuredOn: '2023-12-31',
        },
      ],
      partners: [
        {
          organizationId: '5f0c6a43-9a54-4c7e-8e8b-2c5b3a7c1d11',
          role: 'funder',
          contribution: '',
        },
      ],
      projectStatus: 'in-progress',
      sexDisaggregated: 'unknown',
      language: 'en',
    });
  });

  it('names every refused value beside its field', () => {
    expect(
      errorsOf({
        themes: ['water', 'teleportation'],
        sdg_targets: '11.9',
        kpi_codes: 'not-a-code',
        sdg_goals: ['18'],
        language: 'klingon',
        result_label_1: 'Leaks',
        result_value_1: '1,5',
        result_unit_1: '%',
        result_date_1: '2023-02-30',
        partner_org_1: 'sensorwerk',
        partner_city_1: 'Not A Slug',
      }),
    ).toEqual([
      { field: 'language', message: 'caseStudy.error.language', params: { value: 'klingon' } },
      { field: 'themes', message: 'theme.error.unknown', params: { value: 'teleportation' } },
      { field: 'sdg_targets', message: 'sdg.error.target', params: { value: '11.9' } },
      { field: 'sdg_goals', message: 'sdg.error.goal', params: { value: '18' } },
      { field: 'kpi_codes', message: 'kpis.error.code', params: { value: 'not-a-code' } },
      { field: 'result_value_1', message: 'caseStudy.error.number', params: { value: '1,5' } },
      { field: 'result_date_1', message: 'caseStudy.error.date', params: { value: '2023-02-30' } },
      {
        field: 'partner_org_1',
        message: 'caseStudy.error.partner',
        params: { value: 'sensorwerk' },
      },
      { field: 'partner_city_1', message: 'caseStudy.error.city', params: { value: 'Not A Slug' } },
    ]);
  });

  it('keeps every limit, with the limit in the message', () => {
    expect(errorsOf({ title: 'x'.repeat(201) })).toEqual([
      { field: 'title', message: 'caseStudy.error.tooLong', params: { max: 200 } },
    ]);
    expect(errorsOf({ title: 'ab' })).toEqual([
      { field: 'title', message: 'caseStudy.error.title' },
    ]);
    expect(errorsOf({ summary: 's'.repeat(601) })[0]).toMatchObject({
      field: 'summary',
      params: { max: 600 },
    });
    expect(
      errorsOf({ technologies: Array.from({ length: 13 }, (_, i) => `tech ${i}`).join(',') }),
    ).toEqual([{ field: 'technologies', message: 'caseStudy.error.tooMany', params: { max: 12 } }]);
    expect(errorsOf({ technologies: 'x'.repeat(61) })[0]).toMatchObject({
      field: 'technologies',
      message: 'caseStudy.error.technology',
    });
    expect(errorsOf({ title: 'Tab\tis fine', summary: 'Bell \u0007 is not' })).toEqual([
      { field: 'summary', message: 'text.error.controlCharacters' },
    ]);
    expect(errorsOf({ started_on: '2024-05-01', ended_on: '2024-04-30' })).toEqual([
      { field: 'ended_on', message: 'caseStudy.error.endBeforeStart' },
    ]);
  });

  it('asks for the whole row of a result or partner, and refuses a partner named twice', () => {
    expect(errorsOf({ result_value_3: '12' }).map((e) => e.field)).toEqual([
      'result_label_3',
      'result_unit_3',
      'result_date_3',
    ]);
    const id = '5f0c6a43-9a54-4c7e-8e8b-2c5b3a7c1d11';
    expect(
      errorsOf({
        partner_org_1: id,
        partner_role_1: 'funder',
        partner_org_2: id,
        partner_role_2: 'advisor',
      }),
    ).toEqual([{ field: 'partner_org_2', message: 'caseStudy.error.partnerTwice' }]);
    expect(errorsOf({ partner_contribution_1: 'Did things' })).toEqual([
      { field: 'partner_org_1', message: 'caseStudy.error.partnerMissing' },
    ]);
    expect(errorsOf({ partner_org_1: id, partner_role_1: 'overlord' })).toEqual([
      {
        field: 'partner_role_1',
        message: 'caseStudy.error.partnerRole',
        params: { value: 'overlord' },
      },
    ]);
  });

  it('refuses rich text that is not a document', () => {
    expect(errorsOf({ body: '{"type":"script"}' })).toEqual([
      { field: 'body', message: 'richText.error.invalid' },
    ]);
    expect(errorsOf({ body: 'not json' })).toEqual([
      { field: 'body', message: 'richText.error.invalid' },
    ]);
  });

  it('says what a reviewer needs before it can be submitted', () => {
    const parsed = parseCaseStudyForm({ title: 'Only a title', body: '' });
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(missingForReview(parsed.input).map((e) => e.field)).toEqual([
        'summary',
        'challenge',
        'solution',
        'themes',
        'sdg_goals',
      ]);
  });

  it('reads figures and dates strictly', () => {
    expect(parseFigure('12.5')).toBe(12.5);
    expect(parseFigure('-3')).toBe(-3);
    expect(parseFigure('1 250')).toBe(1250);
    expect(parseFigure('1,5')).toBeNull();
    expect(parseFigure('1e5')).toBeNull();
    expect(parseFigure('')).toBeNull();
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('1989-12-31')).toBe(false);
    expect(isValidDate('31/12/2024')).toBe(false);
  });
});
