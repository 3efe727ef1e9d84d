import {
  cityPeerProfile,
  rankPeers,
  type PeerCandidate,
  type PeerMatch,
  type PeerProfile,
} from '../../lib/peers/rank-peers';
import { populationBandOf, type PopulationBand } from '../../lib/taxonomy/bands';
import type { Queryable } from '../db/types';

/**
 * Loading what peer matching compares (src/lib/peers/rank-peers.ts does the
 * ranking). A first cut in SQL (`published_peer_candidates`,
 * `published_peer_city_ids`: published case studies sharing a theme, SDG,
 * target, KPI, technology or word with the subject, scored with the
 * ranking's weights through the listing's GIN index) keeps the best hundred;
 * they are then loaded as the caller, compared in full and given their
 * reasons.
 */

export interface ProjectCandidate extends PeerCandidate {
  slug: string;
  cityId: string;
  summary: string;
  cityName: string;
  citySlug: string;
  cityCountry: string;
  isDemo: boolean;
}

export interface CityCandidate extends PeerCandidate {
  slug: string;
  country: string;
  isDemo: boolean;
  caseStudies: number;
}

/** How many candidates the first cut keeps for the full comparison. */
const candidateLimit = 100;
const bandOf = (population: number | null): PopulationBand | null =>
  population === null ? null : populationBandOf(population);

/** The subject's topical keys as `case_studies.facet_keys` spells them. */
function subjectKeys(subject: PeerProfile): string[] {
  return [
    ...subject.themes.map((t) => `theme:${t}`),
    ...subject.sdgGoals.map((g) => `sdg:${g}`),
    ...subject.sdgTargets.map((t) => `target:${t}`),
    ...subject.kpiCodes.map((k) => `kpi:${k}`),
    ...subject.technologies.map((t) => `tech:${t.trim().toLowerCase()}`),
  ];
}

/** A profile from topical keys (`theme:water`, `sdg:6`, `target:6.4`, `kpi:…`, `tech:…`). */
function profileOfKeys(keys: readonly string[]): Omit<PeerProfile, 'populationBand' | 'region'> {
  const of = (prefix: string) =>
    keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  return {
    themes: of('theme:'),
    sdgGoals: of('sdg:').map(Number),
    sdgTargets: of('target:'),
    kpiCodes: of('kpi:'),
    technologies: of('tech:'),
  };
}

interface ProjectRow extends Omit<ProjectCandidate, 'populationBand' | 'matchedWords'> {
  population: number | null;
}

async function loadProjectCandidates(
  db: Queryable,
  subject: PeerProfile,
  words: readonly string[],
  excludeId: string | null,
): Promise<ProjectCandidate[]> {
  const found = await db.query<{ id: string; matchedWords: string[] }>(
    `select id, matched_words as "matchedWords"
       from public.published_peer_candidates($1::text[], $2::text[], $3::uuid, $4)`,
    [subjectKeys(subject), words, excludeId, candidateLimit],
  );
  if (found.length === 0) return [];
  const rows = await db.query<ProjectRow>(
    `select cs.id, cs.slug, cs.lead_city_id as "cityId", cs.title as name, cs.summary, cs.themes,
            cs.sdg_goals as "sdgGoals", cs.sdg_targets as "sdgTargets", cs.technologies,
            array(select ck.kpi_code from public.case_study_kpis ck where ck.case_study_id = cs.id) as "kpiCodes",
            c.region, c.population, c.name as "cityName", c.slug as "citySlug", c.country as "cityCountry",
            cs.is_demo as "isDemo"
       from public.case_studies cs join public.cities c on c.id = cs.lead_city_id
      where cs.status = 'published' and cs.id = any ($1::uuid[])
      limit ${candidateLimit}`,
    [found.map((row) => row.id)],
  );
  const wordsOf = new Map(found.map((row) => [row.id, row.matchedWords]));
  const order = new Map(found.map((row, index) => [row.id, index]));
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map(({ population, ...row }) => ({
      ...row,
      populationBand: bandOf(population),
      matchedWords: wordsOf.get(row.id) ?? [],
    }));
}

/** The words of a described challenge worth matching: 3+ letters, at most 8, without repeats. */
export function challengeWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
  return [...new Set(words)].slice(0, 8);
}

/** Published case studies like this one, with their reasons (the case study page's "similar projects"). */
export async function findSimilarCaseStudies(
  db: Queryable,
  caseStudy: PeerProfile & { id: string },
  limit = 4,
): Promise<PeerMatch<ProjectCandidate>[]> {
  const candidates = await loadProjectCandidates(db, caseStudy, [], caseStudy.id);
  return rankPeers(caseStudy, candidates, { limit });
}

interface CityRow {
  id: string;
  slug: string;
  name: string;
  country: string;
  region: string;
  population: number | null;
  sdgPriorities: number[];
  isDemo: boolean;
}

/** These cities' peer profiles: their published case studies' keys, priorities, size and region. */
async function loadCityProfiles(
  db: Queryable,
  cityIds: readonly string[],
): Promise<CityCandidate[]> {
  if (cityIds.length === 0) return [];
  const cities = await db.query<CityRow>(
    `select c.id, c.slug, c.name, c.country, c.region, c.population, c.sdg_priorities as "sdgPriorities",
            c.is_demo as "isDemo"
       from public.cities c where c.id = any ($1::uuid[]) limit ${candidateLimit * 2}`,
    [cityIds],
  );
  const profiles = await db.query<{ cityId: string; keys: string[]; caseStudies: number }>(
    `select city_id as "cityId", keys, case_studies as "caseStudies"
       from public.published_city_profiles($1::uuid[])`,
    [cityIds],
  );
  const profileOf = new Map(profiles.map((profile) => [profile.cityId, profile]));
  return cities.map((city) => {
    const found = profileOf.get(city.id);
    const profile = cityPeerProfile({
      sdgPriorities: city.sdgPriorities,
      populationBand: bandOf(city.population),
      region: city.region,
      caseStudies: found ? [profileOfKeys(found.keys)] : [],
    });
    return {
      ...profile,
      id: city.id,
      slug: city.slug,
      name: city.name,
      country: city.country,
      isDemo: city.isDemo,
      caseStudies: found?.caseStudies ?? 0,
    };
  });
}

/** A city's own peer profile: its published case studies, priorities, size and region. */
export async function loadCityPeerProfile(
  db: Queryable,
  cityId: string,
): Promise<CityCandidate | null> {
  const [city] = await loadCityProfiles(db, [cityId]);
  return city ?? null;
}

/**
 * Cities with something in common with `subject`: published case studies
 * (as lead or partner city) sharing a theme, goal, target, KPI or
 * technology, or SDG priorities it shares. Never the subject city itself.
 */
async function loadCityCandidates(
  db: Queryable,
  subject: PeerProfile,
  excludeId: string | null,
): Promise<CityCandidate[]> {
  const byCaseStudies = await db.query<{ cityId: string }>(
    `select city_id as "cityId" from public.published_peer_city_ids($1::text[], $2::uuid, $3)`,
    [subjectKeys(subject), excludeId, candidateLimit],
  );
  const byPriorities = await db.query<{ cityId: string }>(
    `select c.id as "cityId" from public.cities c
      where c.sdg_priorities && $1::smallint[] and c.id is distinct from $2::uuid
      order by c.is_demo, c.name limit ${candidateLimit}`,
    [subject.sdgGoals, excludeId],
  );
  const ids = [...new Set([...byCaseStudies, ...byPriorities].map((row) => row.cityId))];
  return loadCityProfiles(db, ids);
}

/** The city page's "peer cities": cities working on what this one works on. */
export async function findPeerCities(
  db: Queryable,
  city: CityCandidate,
  limit = 6,
): Promise<PeerMatch<CityCandidate>[]> {
  const candidates = await loadCityCandidates(db, city, city.id);
  return rankPeers(city, candidates, { limit });
}

/** A challenge described on `/peers`. */
export interface Challenge extends PeerProfile {
  text: string;
}

/** Projects and cities for a described challenge (`/peers`), each with its reasons. */
export async function findPeersForChallenge(
  db: Queryable,
  challenge: Challenge,
  limits: { projects: number; cities: number } = { projects: 10, cities: 6 },
): Promise<{ projects: PeerMatch<ProjectCandidate>[]; cities: PeerMatch<CityCandidate>[] }> {
  const words = challengeWords(challenge.text);
  const projectCandidates = await loadProjectCandidates(db, challenge, words, null);
  const cityCandidates = await loadCityCandidates(db, challenge, null);
  // A city mentions what its published case studies mention; a city whose
  // case study matched only by words is a candidate too.
  const wordsByCity = new Map<string, Set<string>>();
  for (const project of projectCandidates) {
    if ((project.matchedWords ?? []).length === 0) continue;
    const set = wordsByCity.get(project.cityId) ?? new Set<string>();
    for (const word of project.matchedWords ?? []) set.add(word);
    wordsByCity.set(project.cityId, set);
  }
  const missing = [...wordsByCity.keys()].filter(
    (cityId) => !cityCandidates.some((city) => city.id === cityId),
  );
  const cities = [...cityCandidates, ...(await loadCityProfiles(db, missing))];
  for (const city of cities) {
    const found = wordsByCity.get(city.id);
    if (found) city.matchedWords = [...found];
  }
  return {
    projects: rankPeers(challenge, projectCandidates, { limit: limits.projects }),
    cities: rankPeers(challenge, cities, { limit: limits.cities }),
  };
}
