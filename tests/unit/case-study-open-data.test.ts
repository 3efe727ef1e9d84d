import { describe, expect, it } from 'vitest';
import { caseStudyJsonLd, jsonForScript } from '../../src/lib/case-studies/json-ld';
import { isChallengeGiven, parseChallengeQuery } from '../../src/lib/peers/challenge-query';
import { clipText, layoutStakeholderMap } from '../../src/lib/case-studies/stakeholder-layout';
import { parseCaseStudyFilters } from '../../src/lib/case-studies/case-study-filters';

describe('JSON-LD of a case study', () => {
  it('cannot close its script element, and parses back to the same value', () => {
    const hostile = { headline: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });

  it('describes the case study as schema.org data, naming verified partners only', () => {
    const data = caseStudyJsonLd(
      {
        slug: 'night-buses',
        title: 'Night buses',
        summary: 'For shift workers.',
        language: 'en',
        publishedAt: new Date('2025-01-02T03:04:05Z'),
        updatedAt: new Date('2025-02-01T00:00:00Z'),
        startedOn: '2024-01-01',
        endedOn: null,
        themes: ['mobility'],
        sdgGoals: [11],
        cityName: 'Fjordby',
        citySlug: 'fjordby',
        cityCountry: 'NO',
        partners: [
          { name: 'TransitLab', slug: 'transitlab', verified: true },
          { name: 'Pending Ltd', slug: 'pending', verified: false },
        ],
        deliverables: [{ slug: 'itu-t-y-4903', code: 'ITU-T Y.4903', title: 'KPIs' }],
        isDemo: true,
      },
      'https://portal.example',
      { publisher: 'U4SSC Hub Portal', sdg: (g) => `SDG ${g}`, theme: (t) => t },
    );
    expect(data).toMatchObject({
      '@type': 'Article',
      url: 'https://portal.example/case-studies/night-buses',
      inLanguage: 'en',
      datePublished: '2025-01-02T03:04:05.000Z',
      temporalCoverage: '2024-01-01/..',
      spatialCoverage: { '@type': 'City', name: 'Fjordby', address: { addressCountry: 'NO' } },
      contributor: [{ name: 'TransitLab', url: 'https://portal.example/directory/transitlab' }],
      citation: [{ name: 'ITU-T Y.4903: KPIs' }],
    });
    expect((data.about as { sameAs?: string }[])[0]!.sameAs).toBe(
      'https://sdgs.un.org/goals/goal11',
    );
  });
});

describe('the /peers query', () => {
  it('reads several themes, SDGs and KPIs, and drops bad values by name', () => {
    const { query, invalid } = parseChallengeQuery(
      new URLSearchParams(
        'theme=water&theme=mobility&theme=magic&sdg=6&sdg=99&kpi=EC:I:WS:3C&size=huge&region=europe&q=+leak+sensors+',
      ),
    );
    expect(query).toEqual({
      themes: ['mobility', 'water'],
      sdgs: [6],
      kpis: ['EC:I:WS:3C'],
      size: null,
      region: 'europe',
      q: 'leak sensors',
    });
    expect(invalid.sort()).toEqual(['sdg', 'size', 'theme']);
    expect(isChallengeGiven(query)).toBe(true);
    expect(
      isChallengeGiven(
        parseChallengeQuery(new URLSearchParams('size=under-50k&region=europe')).query,
      ),
    ).toBe(false);
  });
});

describe('the listing filters', () => {
  it('take one value per facet and name the bad ones', () => {
    const { filters, invalid } = parseCaseStudyFilters(
      new URLSearchParams(
        'theme=water&country=no&size=under-50k&status=done&sector=un-agency&kpi=XX&page=2',
      ),
    );
    expect(filters).toEqual({
      theme: 'water',
      country: 'NO',
      size: 'under-50k',
      sector: 'international-organization',
      page: 2,
    });
    expect(invalid.sort()).toEqual(['kpi', 'status']);
  });
});

describe('the stakeholder map layout', () => {
  it('stacks one band per sector with a line per partner, the subject centred', () => {
    const layout = layoutStakeholderMap([
      { key: 'private-sector', items: 2 },
      { key: 'academia', items: 1 },
    ]);
    expect(layout.bands.map((band) => band.itemYs.length)).toEqual([2, 1]);
    expect(layout.bands[1]!.labelY).toBeGreaterThan(layout.bands[0]!.itemYs.at(-1)!);
    expect(layout.subjectY).toBe(layout.height / 2);
    expect(layoutStakeholderMap([]).height).toBeGreaterThanOrEqual(layout.subjectHeight);
  });

  it('cuts text that would not fit with an ellipsis', () => {
    expect(clipText('Sensorwerk', 20)).toBe('Sensorwerk');
    expect(clipText('A very long organization name indeed', 12)).toBe('A very long…');
  });
});
