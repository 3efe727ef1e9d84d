/**
 * Matchmaking between what cities need and what organizations offer, both
 * ways, each match with its reasons. Pure code over plain inputs, so the
 * rules are tested on hand-made fixtures and explained on the page in the
 * same words (`matchingRules`).
 *
 * A need is something a city works on: a published case study, one of its
 * SDG priorities, an open procurement need, or a challenge described in the
 * matching form. An offering matches a need when they share a theme or an
 * SDG; only such topical overlaps make a match. Where the organization works
 * (the city's country, its region, a hub both belong to) then adds to the
 * score, never on its own.
 */

export interface Need {
  /** Stable id, e.g. `case-study:<uuid>` or `challenge`. */
  id: string;
  kind: 'case-study' | 'priority' | 'procurement' | 'challenge';
  title: string;
  url?: string;
  themes: readonly string[];
  sdgs: readonly number[];
}

export interface Place {
  /** ISO 3166-1 alpha-2 code. */
  country: string | null;
  region: string | null;
  hubIds: readonly string[];
}

export interface OfferingInput {
  title: string;
  themes: readonly string[];
  sdgs: readonly number[];
}

export interface PartnerInput {
  id: string;
  offerings: readonly OfferingInput[];
  /** Headquarters country (ISO code). */
  country: string | null;
  countriesServed: readonly string[];
  regionsServed: readonly string[];
  hubIds: readonly string[];
}

export type MatchReason =
  | { kind: 'theme'; theme: string; offering: string; need: string; needUrl?: string }
  | { kind: 'sdg'; sdg: number; offering: string; need: string; needUrl?: string }
  | { kind: 'country'; country: string }
  | { kind: 'region'; region: string }
  | { kind: 'global' }
  | { kind: 'hub'; hubId: string };

export interface Match<Subject> {
  subject: Subject;
  score: number;
  reasons: MatchReason[];
}

/** The weights, in one place: the page's explanation reads them from here. */
export const matchingWeights = {
  theme: 3,
  sdg: 2,
  country: 3,
  region: 2,
  global: 1,
  hub: 2,
} as const;

/** At most this many matches are shown. */
export const matchLimit = 10;

/**
 * The topical overlap of one partner with a set of needs: for every need,
 * its best offering (most shared themes, then SDGs), each shared theme and
 * SDG counted once per need. Returns the score and the reasons.
 */
function topicalOverlap(
  offerings: readonly OfferingInput[],
  needs: readonly Need[],
): { score: number; reasons: MatchReason[] } {
  let score = 0;
  const reasons: MatchReason[] = [];
  for (const need of needs) {
    let best: { score: number; reasons: MatchReason[] } | null = null;
    for (const offering of offerings) {
      const themes = offering.themes.filter((theme) => need.themes.includes(theme));
      const sdgs = offering.sdgs.filter((sdg) => need.sdgs.includes(sdg));
      const value = themes.length * matchingWeights.theme + sdgs.length * matchingWeights.sdg;
      if (value === 0 || (best && best.score >= value)) continue;
      best = {
        score: value,
        reasons: [
          ...themes.map((theme): MatchReason => ({
            kind: 'theme',
            theme,
            offering: offering.title,
            need: need.title,
            needUrl: need.url,
          })),
          ...sdgs.map((sdg): MatchReason => ({
            kind: 'sdg',
            sdg,
            offering: offering.title,
            need: need.title,
            needUrl: need.url,
          })),
        ],
      };
    }
    if (best) {
      score += best.score;
      reasons.push(...best.reasons);
    }
  }
  return { score, reasons };
}

/** Where the partner works compared with the city's place: country, region (or global), shared hubs. */
function placeOverlap(
  partner: PartnerInput,
  place: Place,
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  let score = 0;
  if (
    place.country &&
    (partner.country === place.country || partner.countriesServed.includes(place.country))
  ) {
    score += matchingWeights.country;
    reasons.push({ kind: 'country', country: place.country });
  } else if (place.region && partner.regionsServed.includes(place.region)) {
    score += matchingWeights.region;
    reasons.push({ kind: 'region', region: place.region });
  } else if (partner.regionsServed.includes('global')) {
    score += matchingWeights.global;
    reasons.push({ kind: 'global' });
  }
  for (const hubId of partner.hubIds) {
    if (place.hubIds.includes(hubId)) {
      score += matchingWeights.hub;
      reasons.push({ kind: 'hub', hubId });
    }
  }
  return { score, reasons };
}

function rank<S>(matches: Match<S>[], nameOf: (subject: S) => string): Match<S>[] {
  return matches
    .sort((a, b) => b.score - a.score || nameOf(a.subject).localeCompare(nameOf(b.subject)))
    .slice(0, matchLimit);
}

/**
 * "Partners for your challenges": partners whose offerings share a theme or
 * an SDG with the city's needs, best first, each with its reasons. Partners
 * with no topical overlap are not matched, however close they are.
 */
export function matchPartnersToNeeds<P extends PartnerInput>(
  needs: readonly Need[],
  place: Place,
  partners: readonly P[],
  nameOf: (partner: P) => string,
): Match<P>[] {
  const matches: Match<P>[] = [];
  for (const partner of partners) {
    const topical = topicalOverlap(partner.offerings, needs);
    if (topical.score === 0) continue;
    const where = placeOverlap(partner, place);
    matches.push({
      subject: partner,
      score: topical.score + where.score,
      reasons: [...topical.reasons, ...where.reasons],
    });
  }
  return rank(matches, nameOf);
}

export interface CityInput {
  id: string;
  place: Place;
  needs: readonly Need[];
}

/**
 * "Cities working on what you offer": cities whose needs share a theme or
 * an SDG with the organization's offerings, best first, with the same
 * reasons and the same weights as the other direction.
 */
export function matchCitiesToPartner<C extends CityInput>(
  partner: PartnerInput,
  cities: readonly C[],
  nameOf: (city: C) => string,
): Match<C>[] {
  const matches: Match<C>[] = [];
  for (const city of cities) {
    const topical = topicalOverlap(partner.offerings, city.needs);
    if (topical.score === 0) continue;
    const where = placeOverlap(partner, city.place);
    matches.push({
      subject: city,
      score: topical.score + where.score,
      reasons: [...topical.reasons, ...where.reasons],
    });
  }
  return rank(matches, nameOf);
}

/** Cities in the places a partner serves (no topic in common needed): shown apart, as "nearby". */
export function citiesInPlacesServed<C extends CityInput>(
  partner: PartnerInput,
  cities: readonly C[],
  nameOf: (city: C) => string,
): Match<C>[] {
  const matches: Match<C>[] = [];
  for (const city of cities) {
    const where = placeOverlap(partner, city.place);
    if (where.reasons.some((reason) => reason.kind === 'country' || reason.kind === 'region'))
      matches.push({ subject: city, score: where.score, reasons: where.reasons });
  }
  return rank(matches, nameOf);
}
