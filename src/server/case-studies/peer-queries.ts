import {
  rankPeers,
  cityPeerProfile,
  type PeerCandidate,
  type PeerMatch,
  type PeerProfile,
} from '../../lib/peers/rank-peers';
import { populationBandOf, type PopulationBand } from '../../lib/taxonomy/bands';
import type { Queryable } from '../db/types';

/**
 * Loading what peer matching compares (src/lib/peers/rank-peers.ts does the
 * ranking): a first cut in SQL keeps the candidates that share at least one
 * theme, SDG, target, KPI, technology or word with the subject (at most a
 * few hundred, by how much they share), then every candidate is compared in
 * full and given its reasons. Published case studies only, as the caller.
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

const candidateLimit = 300;
const bandOf = (population: number | null): PopulationBand | null =>
  population === null ? null : populationBandOf(population);

interface ProjectRow {
  id: string;
  slug: string;
  cityId: string;
  name: string;
  summary: string;
  themes: string[];
  sdgGoals: number[];
  sdgTargets: string[];
  technologies: string[];
  kpiCodes: string[];
  region: string;
  population: number | null;
  cityName: string;
  citySlug: string;
  cityCountry: string;
  isDemo: boolean;
  matchedWords: string[];
}

/** The subject's keys as `case_studies.facet_keys` spells them, for the SQL first cut. */
function subjectKeys(subject: PeerProfile): string[] {
  return [...subject.themes.map((t) => `theme:${t}`), ...subject.sdgGoals.map((g) => `sdg:${g}`)];
}

async function loadProjectCandidates(
  db: Queryable,
  subject: PeerProfile,
  words: readonly string[],
  excludeId: string | null,
): Promise<ProjectCandidate[]> {
  const rows = await db.query<ProjectRow>(
    `with subject as (
       select $1::text[] as keys, $2::text[] as targets, $3::text[] as kpis, $4::text[] as technologies,
              $5::text[] as words,
              case when cardinality($5::text[]) = 0 then null
                   else websearch_to_tsquery('english', array_to_string($5::text[], ' or ')) end as words_query
     )
     select cs.id, cs.slug, cs.lead_city_id as "cityId", cs.title as name, cs.summary, cs.themes, cs.sdg_goals as "sdgGoals",
            cs.sdg_targets as "sdgTargets", cs.technologies,
            array(select ck.kpi_code from public.case_study_kpis ck where ck.case_study_id = cs.id) as "kpiCodes",
            c.region, c.population, c.name as "cityName", c.slug as "citySlug", c.country as "cityCountry",
            cs.is_demo as "isDemo",
            array(select w from unnest(s.words) as w
                   where cs.text_vector @@ plainto_tsquery('english', w)) as "matchedWords"
       from public.case_studies cs
       join public.cities c on c.id = cs.lead_city_id
       cross join subject s
      where cs.status = 'published' and cs.id is distinct from $6::uuid
        and (cs.facet_keys && s.keys
             or cs.sdg_targets && s.targets
             or exists (select 1 from unnest(cs.technologies) as t where lower(t) = any (s.technologies))
             or exists (select 1 from public.case_study_kpis ck where ck.case_study_id = cs.id and ck.kpi_code = any (s.kpis))
             or (s.words_query is not null and cs.text_vector @@ s.words_query))
      order by (select count(*) from unnest(cs.facet_keys) as k where k = any (s.keys))
             + 2 * cardinality(array(select unnest(cs.sdg_targets) intersect select unnest(s.targets))) desc,
               cs.published_at desc
      limit ${candidateLimit}`,
    [
      subjectKeys(subject),
      subject.sdgTargets,
      subject.kpiCodes,
      subject.technologies.map((t) => t.toLowerCase()),
      words,
      excludeId,
    ],
  );
  return rows.map(({ population, ...row }) => ({ ...row, populationBand: bandOf(population) }));
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
  caseStudies: Omit<PeerProfile, 'populationBand' | 'region'>[];
}

const cityProfileColumns = `c.id, c.slug, c.name, c.country, c.region, c.population,
  c.sdg_priorities as "sdgPriorities", c.is_demo as "isDemo",
  coalesce((select jsonb_agg(jsonb_build_object('themes', cs.themes, 'sdgGoals', cs.sdg_goals,
              'sdgTargets', cs.sdg_targets, 'technologies', cs.technologies,
              'kpiCodes', array(select ck.kpi_code from public.case_study_kpis ck where ck.case_study_id = cs.id)))
              from (select cs.* from public.case_studies cs
                     where cs.status = 'published'
                       and cs.id in (select l.id from public.case_studies l where l.lead_city_id = c.id
                                     union
                                     select cc.case_study_id from public.case_study_cities cc where cc.city_id = c.id)
                     order by cs.published_at desc limit 50) as cs), '[]'::jsonb) as "caseStudies"`;

function toCityCandidate(row: CityRow): CityCandidate {
  const profile = cityPeerProfile({
    sdgPriorities: row.sdgPriorities,
    populationBand: bandOf(row.population),
    region: row.region,
    caseStudies: row.caseStudies,
  });
  return {
    ...profile,
    id: row.id,
    slug: row.slug,
    name: row.name,
    country: row.country,
    isDemo: row.isDemo,
    caseStudies: row.caseStudies.length,
  };
}

/** A city's own peer profile: its published case studies, priorities, size and region. */
export async function loadCityPeerProfile(
  db: Queryable,
  cityId: string,
): Promise<CityCandidate | null> {
  const [row] = await db.query<CityRow>(
    `select ${cityProfileColumns} from public.cities c where c.id = $1`,
    [cityId],
  );
  return row ? toCityCandidate(row) : null;
}

/**
 * Cities with something in common with `subject`: SDG priorities or
 * published case studies (as lead or partner city) sharing a theme, goal,
 * target, KPI or technology. Never the subject city itself.
 */
async function loadCityCandidates(
  db: Queryable,
  subject: PeerProfile,
  excludeId: string | null,
): Promise<CityCandidate[]> {
  const rows = await db.query<CityRow>(
    `with subject as (select $1::text[] as keys, $2::text[] as targets, $3::text[] as kpis,
                             $4::text[] as technologies, $5::smallint[] as goals),
     matching as (
       select distinct x.city_id from (
         select cs.lead_city_id as city_id, cs.id from public.case_studies cs, subject s
          where cs.status = 'published'
            and (cs.facet_keys && s.keys or cs.sdg_targets && s.targets
                 or exists (select 1 from unnest(cs.technologies) as t where lower(t) = any (s.technologies))
                 or exists (select 1 from public.case_study_kpis ck where ck.case_study_id = cs.id and ck.kpi_code = any (s.kpis)))
         union all
         select cc.city_id, cs.id from public.case_studies cs join public.case_study_cities cc on cc.case_study_id = cs.id,
                subject s
          where cs.status = 'published' and (cs.facet_keys && s.keys or cs.sdg_targets && s.targets)
         union all
         select c.id, null from public.cities c, subject s where c.sdg_priorities && s.goals
       ) as x
       where x.city_id is distinct from $6::uuid
       limit ${candidateLimit}
     )
     select ${cityProfileColumns} from public.cities c join matching m on m.city_id = c.id`,
    [
      subjectKeys(subject),
      subject.sdgTargets,
      subject.kpiCodes,
      subject.technologies.map((t) => t.toLowerCase()),
      subject.sdgGoals,
      excludeId,
    ],
  );
  return rows.map(toCityCandidate);
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
  const [projectCandidates, cityCandidates] = [
    await loadProjectCandidates(db, challenge, words, null),
    await loadCityCandidates(db, challenge, null),
  ];
  // A city mentions what its published case studies mention.
  const wordsByCity = new Map<string, Set<string>>();
  for (const project of projectCandidates) {
    const set = wordsByCity.get(project.cityId) ?? new Set<string>();
    for (const word of project.matchedWords ?? []) set.add(word);
    wordsByCity.set(project.cityId, set);
  }
  const citiesWithWords = [...cityCandidates];
  for (const [cityId, found] of wordsByCity) {
    if (found.size === 0) continue;
    const city = citiesWithWords.find((candidate) => candidate.id === cityId);
    if (city) city.matchedWords = [...found];
  }
  return {
    projects: rankPeers(challenge, projectCandidates, { limit: limits.projects }),
    cities: rankPeers(challenge, citiesWithWords, { limit: limits.cities }),
  };
}
