import { describe, expect, it } from 'vitest';
import {
  matchNotice,
  organizationsToNotify,
  rankOpportunities,
  type OrganizationInterests,
} from '../../src/server/procurement/match-opportunities';

const notice = (id: string, themes: string[], sdgs: number[], days: number) => ({
  id,
  themes,
  sdgs,
  deadline: new Date(Date.UTC(2027, 0, 1 + days)),
});
const org = (extra: Partial<OrganizationInterests>): OrganizationInterests => ({
  id: 'org',
  verified: true,
  offerings: [],
  followedThemes: [],
  ...extra,
});
const sensors = {
  id: 'o1',
  title: 'Air-quality sensors',
  themes: ['environment', 'data-and-ai'],
  sdgs: [11],
};

describe('matching notices and organizations', () => {
  it('matches on a shared theme or SDG of an offering, or a followed theme, and says why', () => {
    expect(
      matchNotice(notice('n', ['environment', 'health'], [3], 10), org({ offerings: [sensors] })),
    ).toEqual({
      noticeId: 'n',
      score: 2,
      sharedThemes: ['environment'],
      sharedSdgs: [],
      followedThemes: [],
      offerings: ['Air-quality sensors'],
    });
    expect(
      matchNotice(notice('n', ['mobility'], [11], 10), org({ offerings: [sensors] }))?.sharedSdgs,
    ).toEqual([11]);
    expect(
      matchNotice(notice('n', ['mobility'], [], 10), org({ followedThemes: ['mobility'] }))?.score,
    ).toBe(3);
    expect(
      matchNotice(
        notice('n', ['water'], [6], 10),
        org({ offerings: [sensors], followedThemes: ['mobility'] }),
      ),
    ).toBeNull();
  });

  it('ranks by score, then the nearest deadline', () => {
    const interests = org({ offerings: [sensors], followedThemes: ['environment'] });
    const ranked = rankOpportunities(
      [
        notice('late-strong', ['environment', 'data-and-ai'], [11], 40),
        notice('weak', ['data-and-ai'], [], 5),
        notice('soon-strong', ['environment', 'data-and-ai'], [11], 20),
        notice('none', ['food'], [2], 1),
      ],
      interests,
    );
    expect(ranked.map((m) => m.noticeId)).toEqual(['soon-strong', 'late-strong', 'weak']);
  });

  it('mails only verified organizations with a matching offering that follow one of the notice’s themes', () => {
    const n = notice('n', ['environment'], [11], 10);
    const everyone = [
      org({ id: 'follows-and-offers', offerings: [sensors], followedThemes: ['environment'] }),
      org({ id: 'offers-only', offerings: [sensors] }),
      org({ id: 'follows-only', followedThemes: ['environment'] }),
      org({
        id: 'unverified',
        verified: false,
        offerings: [sensors],
        followedThemes: ['environment'],
      }),
      org({ id: 'follows-other', offerings: [sensors], followedThemes: ['mobility'] }),
    ];
    expect(organizationsToNotify(n, everyone)).toEqual(['follows-and-offers']);
  });
});
