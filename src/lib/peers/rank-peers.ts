import { bandDistance, populationBands, type PopulationBand } from '../taxonomy/bands';

/**
 * Peer matching: "similar projects" on a case study, "peer cities" on a
 * city page, and the `/peers` challenge form all rank candidates the same
 * way, by what they have in common with the subject: SDG targets and goals,
 * themes, U4SSC KPIs, technologies, words of a described challenge, a
 * similar population and the same region. Each match carries its reasons,
 * which the page puts into words; the relevance number only orders the list
 * and is never shown. Cities are compared with a subject, never ranked
 * against each other by a score of their own (docs/case-studies.md, "Peers").
 *
 * Pure: the queries load the profiles, this file orders them, tests give it
 * hand-made fixtures (tests/unit/rank-peers.test.ts).
 */

/** What a case study, a city or a described challenge is about. */
export interface PeerProfile {
  themes: readonly string[];
  sdgGoals: readonly number[];
  sdgTargets: readonly string[];
  kpiCodes: readonly string[];
  technologies: readonly string[];
  populationBand: PopulationBand | null;
  region: string | null;
}

/** A candidate: a profile with an id and a name (for a stable order among equals). */
export interface PeerCandidate extends PeerProfile {
  id: string;
  name: string;
  /** Words of the subject's free text that this candidate's text contains (from the query). */
  matchedWords?: readonly string[];
}

/** Why a candidate matches, as data; `describePeerReason` (peer-reasons.ts) puts it into words. */
export type PeerReason =
  | { kind: 'sdgTargets'; values: string[] }
  | { kind: 'sdgGoals'; values: number[] }
  | { kind: 'themes'; values: string[] }
  | { kind: 'kpis'; values: string[] }
  | { kind: 'technologies'; values: string[] }
  | { kind: 'words'; values: string[] }
  | { kind: 'population'; band: PopulationBand; same: boolean }
  | { kind: 'region'; region: string };

export interface PeerMatch<T extends PeerCandidate> {
  candidate: T;
  /** Orders the list; never shown. */
  relevance: number;
  reasons: PeerReason[];
}

/**
 * What each shared thing is worth. A shared SDG target says more than a
 * shared goal (and a goal is not counted again when one of its targets is
 * shared); a technology or theme in common is a strong hint of a similar
 * project; size and region weigh less than one shared theme, so they order
 * close topical matches and never make a match on their own.
 */
export const peerWeights = {
  sdgTarget: 3,
  sdgGoal: 1,
  theme: 2,
  kpi: 1.5,
  technology: 2.5,
  word: 1,
  samePopulationBand: 0.75,
  neighbouringPopulationBand: 0.25,
  region: 0.5,
} as const;

const normalise = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

/** The items of `wanted` that `offered` also has, in `wanted`'s order, without repeats. */
function shared<V>(wanted: readonly V[], offered: readonly V[], key: (v: V) => V = (v) => v) {
  const have = new Set(offered.map(key));
  const seen = new Set<V>();
  const out: V[] = [];
  for (const item of wanted) {
    const k = key(item);
    if (have.has(k) && !seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/** The reasons one candidate matches the subject, strongest kind first, and its relevance. */
export function comparePeers(
  subject: PeerProfile,
  candidate: PeerCandidate,
): { relevance: number; reasons: PeerReason[]; topical: number } {
  const reasons: PeerReason[] = [];
  let relevance = 0;
  let topical = 0;
  const add = (reason: PeerReason, weight: number, isTopical: boolean) => {
    reasons.push(reason);
    relevance += weight;
    if (isTopical) topical += 1;
  };

  const targets = shared(subject.sdgTargets, candidate.sdgTargets);
  if (targets.length > 0)
    add({ kind: 'sdgTargets', values: targets }, targets.length * peerWeights.sdgTarget, true);
  const goalsOfTargets = new Set(targets.map((code) => Number(code.split('.')[0])));
  const goals = shared(subject.sdgGoals, candidate.sdgGoals).filter((g) => !goalsOfTargets.has(g));
  if (goals.length > 0)
    add({ kind: 'sdgGoals', values: goals }, goals.length * peerWeights.sdgGoal, true);
  const technologies = shared(subject.technologies, candidate.technologies, normalise);
  if (technologies.length > 0)
    add(
      { kind: 'technologies', values: technologies },
      technologies.length * peerWeights.technology,
      true,
    );
  const themes = shared(subject.themes, candidate.themes);
  if (themes.length > 0)
    add({ kind: 'themes', values: themes }, themes.length * peerWeights.theme, true);
  const kpis = shared(subject.kpiCodes, candidate.kpiCodes);
  if (kpis.length > 0) add({ kind: 'kpis', values: kpis }, kpis.length * peerWeights.kpi, true);
  const words = [...new Set(candidate.matchedWords ?? [])];
  if (words.length > 0)
    add({ kind: 'words', values: words }, words.length * peerWeights.word, true);

  if (subject.populationBand && candidate.populationBand) {
    const distance = bandDistance(
      populationBands,
      subject.populationBand,
      candidate.populationBand,
    );
    if (distance === 0)
      add(
        { kind: 'population', band: candidate.populationBand, same: true },
        peerWeights.samePopulationBand,
        false,
      );
    else if (distance === 1)
      add(
        { kind: 'population', band: candidate.populationBand, same: false },
        peerWeights.neighbouringPopulationBand,
        false,
      );
  }
  if (subject.region && subject.region === candidate.region)
    add({ kind: 'region', region: subject.region }, peerWeights.region, false);
  return { relevance, reasons, topical };
}

/**
 * Ranks candidates by what they share with the subject. A candidate needs at
 * least one topical thing in common (a target, goal, theme, KPI, technology
 * or word); equals keep a stable order: more topical reasons first, then by
 * name, then by id.
 */
export function rankPeers<T extends PeerCandidate>(
  subject: PeerProfile,
  candidates: readonly T[],
  options: { limit?: number; excludeIds?: readonly string[] } = {},
): PeerMatch<T>[] {
  const excluded = new Set(options.excludeIds ?? []);
  const scored: (PeerMatch<T> & { topical: number })[] = [];
  for (const candidate of candidates) {
    if (excluded.has(candidate.id)) continue;
    const { relevance, reasons, topical } = comparePeers(subject, candidate);
    if (topical === 0) continue;
    scored.push({ candidate, relevance, reasons, topical });
  }
  scored.sort(
    (a, b) =>
      b.relevance - a.relevance ||
      b.topical - a.topical ||
      a.candidate.name.localeCompare(b.candidate.name, 'en') ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored
    .slice(0, options.limit ?? 6)
    .map(({ candidate, relevance, reasons }) => ({ candidate, relevance, reasons }));
}

/**
 * The profile of a city for peer matching: what its published case studies
 * are about, plus the SDGs it has chosen to prioritise, its size and region.
 */
export function cityPeerProfile(city: {
  sdgPriorities: readonly number[];
  populationBand: PopulationBand | null;
  region: string | null;
  caseStudies: readonly Omit<PeerProfile, 'populationBand' | 'region'>[];
}): PeerProfile {
  const union = <V>(pick: (p: Omit<PeerProfile, 'populationBand' | 'region'>) => readonly V[]) => [
    ...new Set(city.caseStudies.flatMap((study) => [...pick(study)])),
  ];
  return {
    themes: union((s) => s.themes),
    sdgGoals: [...new Set([...city.sdgPriorities, ...union((s) => s.sdgGoals)])].sort(
      (a, b) => a - b,
    ),
    sdgTargets: union((s) => s.sdgTargets),
    kpiCodes: union((s) => s.kpiCodes),
    technologies: union((s) => s.technologies),
    populationBand: city.populationBand,
    region: city.region,
  };
}
