import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { describePeerReasons } from '../../src/lib/peers/peer-reasons';
import {
  cityPeerProfile,
  comparePeers,
  rankPeers,
  type PeerCandidate,
  type PeerProfile,
} from '../../src/lib/peers/rank-peers';

const none: PeerProfile = {
  themes: [],
  sdgGoals: [],
  sdgTargets: [],
  kpiCodes: [],
  technologies: [],
  populationBand: null,
  region: null,
};
const candidate = (id: string, profile: Partial<PeerCandidate>): PeerCandidate => ({
  ...none,
  id,
  name: id,
  ...profile,
});

/** A transport challenge of a mid-sized European city. */
const subject: PeerProfile = {
  themes: ['mobility', 'social-inclusion'],
  sdgGoals: [11, 10],
  sdgTargets: ['11.2'],
  kpiCodes: ['EC:I:T:1C'],
  technologies: ['Demand-responsive transport'],
  populationBand: '50k-200k',
  region: 'europe',
};

describe('peer ranking', () => {
  const fixtures = [
    // Same target, technology, theme, KPI, size and region: the closest project.
    candidate('twin', {
      themes: ['mobility'],
      sdgGoals: [11],
      sdgTargets: ['11.2'],
      kpiCodes: ['EC:I:T:1C'],
      technologies: ['demand-responsive  TRANSPORT'],
      populationBand: '50k-200k',
      region: 'europe',
    }),
    // Same target and theme, far away and much larger.
    candidate('far', {
      themes: ['mobility'],
      sdgGoals: [11],
      sdgTargets: ['11.2'],
      populationBand: '1-5m-plus',
      region: 'africa',
    }),
    // Only the goal and a theme in common, but next door and the same size.
    candidate('near', {
      themes: ['social-inclusion'],
      sdgGoals: [10],
      populationBand: '50k-200k',
      region: 'europe',
    }),
    // Same size and region, nothing topical: not a peer.
    candidate('lookalike', { themes: ['culture'], populationBand: '50k-200k', region: 'europe' }),
    // Nothing at all.
    candidate('stranger', { themes: ['food'], sdgGoals: [2] }),
  ];

  it('orders candidates by what they share, topical things first', () => {
    const ranked = rankPeers(subject, fixtures);
    expect(ranked.map((match) => match.candidate.id)).toEqual(['twin', 'far', 'near']);
  });

  it('gives each match its reasons, strongest kind first, and counts a goal once with its target', () => {
    const [twin, far, near] = rankPeers(subject, fixtures);
    expect(twin!.reasons).toEqual([
      { kind: 'sdgTargets', values: ['11.2'] },
      { kind: 'technologies', values: ['Demand-responsive transport'] },
      { kind: 'themes', values: ['mobility'] },
      { kind: 'kpis', values: ['EC:I:T:1C'] },
      { kind: 'population', band: '50k-200k', same: true },
      { kind: 'region', region: 'europe' },
    ]);
    // SDG 11 is not repeated as a goal: target 11.2 already says it.
    expect(far!.reasons).toEqual([
      { kind: 'sdgTargets', values: ['11.2'] },
      { kind: 'themes', values: ['mobility'] },
    ]);
    expect(near!.reasons).toEqual([
      { kind: 'sdgGoals', values: [10] },
      { kind: 'themes', values: ['social-inclusion'] },
      { kind: 'population', band: '50k-200k', same: true },
      { kind: 'region', region: 'europe' },
    ]);
  });

  it('says why in words, as the pages show it', () => {
    const i18n = getTranslator('en');
    const [twin] = rankPeers(subject, fixtures);
    expect(describePeerReasons(i18n, twin!.reasons, () => 'Public Transport Network')).toBe(
      'Both address SDG target 11.2; both use Demand-responsive transport; shared themes: Mobility and transport; both affect the KPI “Public Transport Network”; similar population (50,000 to 200,000 inhabitants); also in Europe.',
    );
  });

  it('keeps a stable order among equals: more topical reasons, then name, then id', () => {
    const equal = (id: string, name: string) =>
      candidate(id, { name, themes: ['mobility'], sdgGoals: [11] });
    const ranked = rankPeers({ ...none, themes: ['mobility'], sdgGoals: [11] }, [
      equal('3', 'Bravo'),
      equal('2', 'Alpha'),
      equal('1', 'Alpha'),
    ]);
    expect(ranked.map((m) => m.candidate.id)).toEqual(['1', '2', '3']);
  });

  it('leaves the subject out, limits the list, and never ranks on size or region alone', () => {
    expect(
      rankPeers(subject, fixtures, { excludeIds: ['twin'], limit: 1 }).map((m) => m.candidate.id),
    ).toEqual(['far']);
    expect(rankPeers(subject, [fixtures[3]!])).toEqual([]);
    expect(comparePeers(subject, fixtures[3]!).topical).toBe(0);
  });

  it('counts a neighbouring size band for less than the same band', () => {
    const same = comparePeers(
      subject,
      candidate('a', { themes: ['mobility'], populationBand: '50k-200k' }),
    );
    const next = comparePeers(
      subject,
      candidate('b', { themes: ['mobility'], populationBand: '200k-500k' }),
    );
    const distant = comparePeers(
      subject,
      candidate('c', { themes: ['mobility'], populationBand: '1-5m-plus' }),
    );
    expect(same.relevance).toBeGreaterThan(next.relevance);
    expect(next.relevance).toBeGreaterThan(distant.relevance);
    expect(next.reasons.at(-1)).toEqual({ kind: 'population', band: '200k-500k', same: false });
  });

  it('matches the words of a described challenge', () => {
    const [match] = rankPeers(none, [
      candidate('words', { matchedWords: ['sensor', 'flood', 'sensor'] }),
    ]);
    expect(match!.reasons).toEqual([{ kind: 'words', values: ['sensor', 'flood'] }]);
  });

  it('builds a city profile from its case studies and its own priorities', () => {
    expect(
      cityPeerProfile({
        sdgPriorities: [13, 7],
        populationBand: 'under-50k',
        region: 'europe',
        caseStudies: [
          {
            themes: ['energy'],
            sdgGoals: [7],
            sdgTargets: ['7.2'],
            kpiCodes: ['EN:E:E:1C'],
            technologies: ['rooftop solar'],
          },
          {
            themes: ['energy', 'climate'],
            sdgGoals: [13],
            sdgTargets: [],
            kpiCodes: [],
            technologies: [],
          },
        ],
      }),
    ).toEqual({
      themes: ['energy', 'climate'],
      sdgGoals: [7, 13],
      sdgTargets: ['7.2'],
      kpiCodes: ['EN:E:E:1C'],
      technologies: ['rooftop solar'],
      populationBand: 'under-50k',
      region: 'europe',
    });
  });
});
