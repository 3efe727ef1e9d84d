import { describe, expect, it } from 'vitest';
import { richTextFieldSchema } from '../../src/lib/rich-text/rich-text-field';
import { caseStudyLimits, parseCaseStudyForm } from '../../src/server/case-studies/case-study-form';
import {
  caseStudyDraftLimits,
  caseStudyDraftOf,
  cutAt,
} from '../../src/server/procurement/case-study-draft';
import type { ProcessDetail } from '../../src/server/procurement/queries';

const cityId = '00000000-0000-4000-8000-000000000001';
const supplierId = '00000000-0000-4000-8000-000000000002';

function closedProcess(overrides: Partial<ProcessDetail['plan']> = {}): ProcessDetail {
  return {
    plan: {
      id: 'p1',
      ocid: 'ocds-u4sscx-p1',
      cityId,
      cityName: 'Fjordby (demo)',
      citySlug: 'demo-fjordby',
      cityCountry: 'NO',
      cityRegion: 'europe',
      title: 'Online building permits',
      problem: 'Permits take 140 days on paper.',
      outcomes: [
        { outcome: 'Faster decisions', measure: 'Average days to a decision' },
        { outcome: 'Fewer visits', measure: '' },
        { outcome: ' ', measure: '' },
      ],
      beneficiaries: 'Households and small builders.',
      themes: ['e-government', 'urban-planning'],
      sdgs: [9, 11],
      kpiCodes: ['EC:ICT:ICT:1C'],
      budgetAmount: 400000,
      budgetCurrency: 'NOK',
      budgetUsd: 40000,
      fundingSource: 'Municipal budget',
      plannedNoticeOn: null,
      plannedAwardOn: null,
      plannedDeliveryStart: '2026-01-10',
      plannedDeliveryEnd: null,
      genderAffected: 'Single parents apply more often.',
      genderConsultation: 'Two workshops with women builders.',
      genderCriteria: 'Accessible forms.',
      stage: 'delivery',
      status: 'complete',
      tenderMethod: 'open',
      tenderMethodRationale: '',
      tenderRecordedAt: new Date('2026-01-01T00:00:00Z'),
      closingNote: 'Permits are applied for online; the average decision now takes 52 days.',
      lessonsLearned: 'Start with the forms people use most.',
      closedAt: new Date('2026-11-20T10:00:00Z'),
      cancellationReason: '',
      publishedAt: new Date('2025-10-01T00:00:00Z'),
      createdAt: new Date('2025-09-01T00:00:00Z'),
      updatedAt: new Date('2026-11-20T10:00:00Z'),
      isDemo: true,
      ...overrides,
    },
    notice: null,
    criteria: [],
    amendments: [],
    answers: [],
    award: {
      id: 'a1',
      bidId: 'b1',
      organizationId: supplierId,
      organizationSlug: 'demo-sensorwerk',
      supplierName: 'Sensorwerk (demo)',
      amount: 2_000_000,
      currency: 'NOK',
      valueUsd: 180_000,
      awardedOn: '2026-01-05',
      justification: 'Best score.',
      nonBidderReason: '',
      createdAt: new Date('2026-01-05T00:00:00Z'),
      updatedAt: new Date('2026-01-05T00:00:00Z'),
    },
    contract: {
      id: 'c1',
      awardId: 'a1',
      amount: 2_000_000,
      currency: 'NOK',
      periodStart: '2026-02-01',
      periodEnd: '2026-12-31',
      signedOn: '2026-01-20',
      status: 'terminated',
      createdAt: new Date('2026-01-20T00:00:00Z'),
      updatedAt: new Date('2026-11-20T00:00:00Z'),
    },
    milestones: [],
    parties: [],
    releaseCount: 9,
  };
}

describe('closing note → case study draft', () => {
  it('is offered only once the process is closed', () => {
    expect(caseStudyDraftOf(closedProcess({ closedAt: null }))).toBeNull();
  });

  it('fills the case-study form with what the process publishes, as a draft of its city', () => {
    const draft = caseStudyDraftOf(closedProcess())!;
    expect(draft).toMatchObject({
      action: 'save',
      lead_city: cityId,
      title: 'Online building permits',
      summary: 'Permits take 140 days on paper.',
      challenge: 'Permits take 140 days on paper.',
      solution: 'Permits are applied for online; the average decision now takes 52 days.',
      lessons: 'Start with the forms people use most.',
      project_status: 'completed',
      started_on: '2026-02-01',
      ended_on: '2026-11-20',
      themes: ['e-government', 'urban-planning'],
      sdg_goals: ['9', '11'],
      kpi_codes: 'EC:ICT:ICT:1C',
      // The award's US-dollar value decides the band, not the estimate.
      budget_band: '100k-500k',
      funding_note: 'Municipal budget',
      beneficiaries: 'Households and small builders.',
      gender_participation:
        'Single parents apply more often.\n\nTwo workshops with women builders.',
      partner_org_1: supplierId,
      partner_role_1: 'implementer',
    });
    // Nothing private: no bid, score, question or criterion text.
    expect(JSON.stringify(draft)).not.toMatch(/Best score|Accessible forms/);
  });

  it('lists the outcomes wanted in the body, a rich-text document the editor accepts', () => {
    const draft = caseStudyDraftOf(closedProcess())!;
    const body = richTextFieldSchema.parse(draft.body);
    expect(body).toEqual({
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Faster decisions — Average days to a decision' },
                  ],
                },
              ],
            },
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fewer visits' }] }],
            },
          ],
        },
      ],
    });
  });

  it('names no partner for a supplier outside the directory, and no end before the start', () => {
    const detail = closedProcess({ closedAt: new Date('2026-01-15T00:00:00Z') });
    detail.award = {
      ...detail.award!,
      organizationId: null,
      organizationSlug: null,
      valueUsd: null,
    };
    const draft = caseStudyDraftOf(detail)!;
    expect(draft.partner_org_1).toBeUndefined();
    expect(draft.started_on).toBe('2026-02-01');
    expect(draft.ended_on).toBe('');
    // Without the award's value, the estimate's band.
    expect(draft.budget_band).toBe('under-100k');
  });

  it('cuts long texts to the case-study form limits at a word boundary', () => {
    const problem = 'word '.repeat(1000).trim();
    const draft = caseStudyDraftOf(closedProcess({ problem }))!;
    const summary = draft.summary as string;
    expect(summary.length).toBeLessThanOrEqual(600);
    expect(summary.endsWith('word…')).toBe(true);
    expect((draft.challenge as string).length).toBeLessThanOrEqual(4000);
    expect(cutAt('short', 10)).toBe('short');
    expect(cutAt('abcdefghijkl', 5)).toBe('abcd…');
  });

  it('is accepted as it stands by the case-study form it posts to (the cases domain)', () => {
    const long = 'word '.repeat(1000).trim();
    for (const detail of [
      closedProcess(),
      closedProcess({ problem: long, closingNote: long, lessonsLearned: long }),
    ]) {
      const parsed = parseCaseStudyForm(caseStudyDraftOf(detail)!);
      expect(parsed.ok, JSON.stringify(parsed.ok ? null : parsed.errors)).toBe(true);
    }
    for (const [field, max] of Object.entries(caseStudyDraftLimits))
      expect(caseStudyLimits[field as keyof typeof caseStudyLimits], field).toBe(max);
  });
});
