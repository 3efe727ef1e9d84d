import type {
  CaseStudyFacetName,
  CaseStudyFilters,
} from '../../lib/case-studies/case-study-filters';
import { caseStudyFacetNames } from '../../lib/case-studies/case-study-filters';
import type {
  PartnerRole,
  ProjectStatus,
  SexDisaggregation,
  WorkflowStatus,
} from '../../lib/case-studies/vocabulary';
import type { FacetCount } from '../../lib/listing/facets';
import type { Need } from '../../lib/organizations/matching';
import type { Queryable } from '../db/types';
import type { CaseStudyResult } from './case-study-form';
import { listLinkableOrganizations } from '../organizations/queries';

/**
 * Reads of the case-study domain, all as the caller (RLS decides what a
 * draft is to whom). Public listings, the connected lists on hub, city,
 * deliverable and directory pages, the home page and open data read
 * published case studies only, even for editors (their drafts are on
 * /case-studies/manage). This is the file other domains import.
 */

export interface CaseStudySummary {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: WorkflowStatus;
  projectStatus: ProjectStatus;
  sdgGoals: number[];
  themes: string[];
  publishedAt: Date | null;
  updatedAt: Date;
  isDemo: boolean;
  genderResponsive: boolean;
  citySlug: string;
  cityName: string;
  cityCountry: string;
  cityRegion: string;
  hubNames: string[];
  verifiedByHubName: string | null;
}

const summaryColumns = `cs.id, cs.slug, cs.title, cs.summary, cs.status, cs.project_status as "projectStatus",
  cs.sdg_goals as "sdgGoals", cs.themes, cs.published_at as "publishedAt", cs.updated_at as "updatedAt",
  cs.is_demo as "isDemo", cs.gender_responsive as "genderResponsive",
  c.slug as "citySlug", c.name as "cityName", c.country as "cityCountry", c.region as "cityRegion",
  array(select h.name from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
         where hc.city_id = c.id order by h.is_demo, h.name) as "hubNames",
  vh.name as "verifiedByHubName"`;
const summaryFrom = `from public.case_studies cs
  join public.cities c on c.id = cs.lead_city_id
  left join public.hubs vh on vh.id = cs.verified_by_hub_id`;
const published = `cs.status = 'published'`;
const clampLimit = (limit: number, max = 50) => Math.min(Math.max(Math.trunc(limit), 1), max);

export const caseStudyPageSize = 12;

// Listing -------------------------------------------------------------------------

/** A facet value for the filter panel: the value in the URL, its label data and count. */
export interface CaseStudyFacetValue extends FacetCount {
  /** For hubs and deliverables: the name or code to show. */
  label?: string;
}

export interface CaseStudyListing {
  items: CaseStudySummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<CaseStudyFacetName, CaseStudyFacetValue[]>;
  /** Filters whose value names nothing (an unknown hub or deliverable slug). */
  unknown: CaseStudyFacetName[];
}

interface Lookups {
  hubs: { id: string; slug: string; name: string; isDemo: boolean }[];
  deliverables: { id: string; slug: string; label: string }[];
}

async function loadLookups(db: Queryable): Promise<Lookups> {
  const [row] = await db.query<Lookups>(
    `select
       coalesce((select jsonb_agg(jsonb_build_object('id', h.id, 'slug', h.slug, 'name', h.name, 'isDemo', h.is_demo)
                   order by h.is_demo, h.name) from public.hubs h), '[]'::jsonb) as hubs,
       coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug,
                   'label', coalesce(d.code, d.title)) order by d.kind desc, d.code, d.title)
                   from public.deliverables d where d.published), '[]'::jsonb) as deliverables`,
  );
  return row!;
}

/** The facet key a filter value stands for in `case_studies.facet_keys`. */
function facetKeyOf(
  name: CaseStudyFacetName,
  filters: CaseStudyFilters,
  lookups: Lookups,
): string | null | undefined {
  const value = filters[name];
  if (value === undefined) return undefined;
  switch (name) {
    case 'hub': {
      const hub = lookups.hubs.find((h) => h.slug === value);
      return hub ? `hub:${hub.id}` : null;
    }
    case 'deliverable': {
      const deliverable = lookups.deliverables.find((d) => d.slug === value);
      return deliverable ? `deliverable:${deliverable.id}` : null;
    }
    case 'kpi':
      return `kpidim:${value}`;
    case 'gender':
      return 'gender:responsive';
    default:
      return `${name}:${value}`;
  }
}

const facetPrefix: Record<CaseStudyFacetName, string> = {
  theme: 'theme:',
  sdg: 'sdg:',
  kpi: 'kpidim:',
  hub: 'hub:',
  region: 'region:',
  country: 'country:',
  size: 'size:',
  status: 'status:',
  gender: 'gender:',
  deliverable: 'deliverable:',
  sector: 'sector:',
};

/** The facet keys of the filters in use, and the filters whose value names nothing. */
export async function resolveCaseStudyFilters(db: Queryable, filters: CaseStudyFilters) {
  const lookups = await loadLookups(db);
  const keys = new Map<CaseStudyFacetName, string>();
  const unknown: CaseStudyFacetName[] = [];
  for (const name of caseStudyFacetNames) {
    const key = facetKeyOf(name, filters, lookups);
    if (key === null) unknown.push(name);
    else if (key !== undefined) keys.set(name, key);
  }
  return { keys, unknown, lookups };
}

/**
 * Published case studies matching every filter, newest first, one page, with
 * the count of each facet value: a facet in use is counted without its own
 * filter (so its other values stay visible), every other facet over the
 * matching case studies. One GIN lookup per count (`facet_keys @> …`); a
 * filter that names nothing matches nothing.
 */
export async function listCaseStudies(
  db: Queryable,
  filters: CaseStudyFilters,
): Promise<CaseStudyListing> {
  const { keys, unknown, lookups } = await resolveCaseStudyFilters(db, filters);
  const pageSize = caseStudyPageSize;
  const offset = (filters.page - 1) * pageSize;
  const everyKey = [...keys.values()];
  const nothing = unknown.length > 0;

  // The matching ids and the counts come from security definer reads of
  // published rows (the GIN index cannot serve a visitor's filter under RLS,
  // see the migration); the cards are then read by id, through RLS.
  const page = nothing
    ? []
    : await db.query<{ id: string; total: number }>(
        'select /* bounded: one page, $2 rows */ id, total from public.published_case_study_page($1::text[], $2, $3)',
        [everyKey, pageSize, offset],
      );
  let total = page[0]?.total ?? 0;
  if (!nothing && page.length === 0 && filters.page > 1) {
    const [first] = await db.query<{ total: number }>(
      'select /* bounded: one row */ total from public.published_case_study_page($1::text[], 1, 0)',
      [everyKey],
    );
    total = first?.total ?? 0;
  }
  const items =
    page.length === 0
      ? []
      : await db.query<CaseStudySummary>(
          `select ${summaryColumns} ${summaryFrom}
            where ${published} and cs.id = any ($1::uuid[])
            order by cs.published_at desc, cs.id`,
          [page.map((row) => row.id)],
        );

  const inUse = [...keys].map(([name]) => ({
    facet: name,
    keys: [...keys].filter(([other]) => other !== name).map(([, key]) => key),
    prefix: facetPrefix[name],
  }));
  const counts = nothing
    ? []
    : await db.query<{ facet: string | null; key: string; count: number }>(
        'select /* bounded: one row per facet value */ facet, key, count from public.published_case_study_facets($1::text[], $2::text::jsonb)',
        [everyKey, JSON.stringify(inUse)],
      );

  const facets = Object.fromEntries(
    caseStudyFacetNames.map((name) => [name, [] as CaseStudyFacetValue[]]),
  ) as Record<CaseStudyFacetName, CaseStudyFacetValue[]>;
  for (const row of counts) {
    const name = caseStudyFacetNames.find((facet) => row.key.startsWith(facetPrefix[facet]));
    if (!name) continue;
    // A facet in use takes its counts from its own part only.
    if (keys.has(name) ? row.facet !== name : row.facet !== null) continue;
    const raw = row.key.slice(facetPrefix[name].length);
    if (name === 'hub') {
      const hub = lookups.hubs.find((h) => h.id === raw);
      if (hub) facets.hub.push({ value: hub.slug, label: hub.name, count: row.count });
    } else if (name === 'deliverable') {
      const deliverable = lookups.deliverables.find((d) => d.id === raw);
      if (deliverable)
        facets.deliverable.push({
          value: deliverable.slug,
          label: deliverable.label,
          count: row.count,
        });
    } else {
      facets[name].push({ value: raw, count: row.count });
    }
  }
  for (const name of caseStudyFacetNames) facets[name].sort(facetOrder(name, lookups));
  return {
    items,
    total: nothing ? 0 : total,
    page: filters.page,
    pageSize,
    facets,
    unknown,
  };
}

/** The order of a facet's values in the panel: the vocabulary's own order where it has one. */
function facetOrder(name: CaseStudyFacetName, lookups: Lookups) {
  return (a: CaseStudyFacetValue, b: CaseStudyFacetValue): number => {
    switch (name) {
      case 'sdg':
        return Number(a.value) - Number(b.value);
      case 'hub':
        return (
          lookups.hubs.findIndex((h) => h.slug === a.value) -
          lookups.hubs.findIndex((h) => h.slug === b.value)
        );
      case 'size':
      case 'status':
      case 'theme':
      case 'kpi':
        return 0;
      default:
        return b.count - a.count || a.value.localeCompare(b.value);
    }
  };
}

// One case study ---------------------------------------------------------------------

export interface CaseStudyPartner {
  organizationId: string;
  slug: string;
  name: string;
  sector: string;
  verified: boolean;
  isDemo: boolean;
  role: PartnerRole;
  contribution: string;
}

export interface CaseStudyCityLink {
  id: string;
  slug: string;
  name: string;
  country: string;
  isDemo: boolean;
}

export interface CaseStudyKpiLink {
  code: string;
  slug: string;
  name: string;
  dimension: string;
}

export interface CaseStudyDeliverableLink {
  id: string;
  slug: string;
  code: string | null;
  title: string;
}

export interface CaseStudyHubLink {
  id: string;
  slug: string;
  name: string;
}

export interface CaseStudy extends CaseStudySummary {
  leadCityId: string;
  challenge: string;
  solution: string;
  results: CaseStudyResult[];
  startedOn: string | null;
  endedOn: string | null;
  budgetBand: string | null;
  fundingSources: string[];
  fundingNote: string;
  sdgTargets: string[];
  technologies: string[];
  beneficiaries: string;
  sexDisaggregated: SexDisaggregation;
  genderParticipation: string;
  lessons: string;
  transferability: string;
  contactRole: string;
  contactEmail: string | null;
  body: unknown;
  language: string;
  authorId: string | null;
  authorName: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  verifiedByHubId: string | null;
  verifiedByHubSlug: string | null;
  verifiedAt: Date | null;
  cityPopulation: number | null;
  cityHubs: CaseStudyHubLink[];
  partnerCities: CaseStudyCityLink[];
  partners: CaseStudyPartner[];
  kpis: CaseStudyKpiLink[];
  deliverables: CaseStudyDeliverableLink[];
}

/** The case study with this slug as the caller may see it (drafts for their editors and reviewers), or null. */
export async function findCaseStudy(db: Queryable, slug: string): Promise<CaseStudy | null> {
  const [row] = await db.query<CaseStudy>(
    `select ${summaryColumns}, cs.lead_city_id as "leadCityId", cs.challenge, cs.solution, cs.results,
            to_char(cs.started_on, 'YYYY-MM-DD') as "startedOn", to_char(cs.ended_on, 'YYYY-MM-DD') as "endedOn",
            cs.budget_band as "budgetBand", cs.funding_sources as "fundingSources", cs.funding_note as "fundingNote",
            cs.sdg_targets as "sdgTargets", cs.technologies, cs.beneficiaries,
            cs.sex_disaggregated as "sexDisaggregated", cs.gender_participation as "genderParticipation",
            cs.lessons, cs.transferability, cs.contact_role as "contactRole", c.contact_email as "contactEmail",
            cs.body, cs.language, cs.author_id as "authorId", p.display_name as "authorName",
            cs.submitted_by as "submittedBy", cs.submitted_at as "submittedAt",
            cs.verified_by_hub_id as "verifiedByHubId", vh.slug as "verifiedByHubSlug",
            cs.verified_at as "verifiedAt", c.population as "cityPopulation",
            coalesce((select jsonb_agg(jsonb_build_object('id', h.id, 'slug', h.slug, 'name', h.name)
                        order by h.is_demo, h.name)
                        from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
                       where hc.city_id = c.id), '[]'::jsonb) as "cityHubs",
            coalesce((select jsonb_agg(jsonb_build_object('id', pc.id, 'slug', pc.slug, 'name', pc.name,
                        'country', pc.country, 'isDemo', pc.is_demo) order by pc.name)
                        from public.case_study_cities cc join public.cities pc on pc.id = cc.city_id
                       where cc.case_study_id = cs.id), '[]'::jsonb) as "partnerCities",
            coalesce((select jsonb_agg(jsonb_build_object('organizationId', o.id, 'slug', o.slug, 'name', o.name,
                        'sector', o.kind, 'verified', o.status = 'verified', 'isDemo', o.is_demo,
                        'role', cp.role, 'contribution', cp.contribution) order by cp.position, o.name)
                        from public.case_study_partners cp join public.organizations o on o.id = cp.organization_id
                       where cp.case_study_id = cs.id), '[]'::jsonb) as partners,
            coalesce((select jsonb_agg(jsonb_build_object('code', k.code, 'slug', k.slug, 'name', k.name,
                        'dimension', k.dimension) order by k.position)
                        from public.case_study_kpis ck join public.kpis k on k.code = ck.kpi_code
                       where ck.case_study_id = cs.id), '[]'::jsonb) as kpis,
            coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'slug', d.slug, 'code', d.code,
                        'title', d.title) order by d.code nulls last, d.title)
                        from public.case_study_deliverables cd join public.deliverables d on d.id = cd.deliverable_id
                       where cd.case_study_id = cs.id), '[]'::jsonb) as deliverables
       ${summaryFrom}
       left join public.profiles p on p.id = cs.author_id
      where cs.slug = $1`,
    [slug],
  );
  return row ?? null;
}

export interface CaseStudyComment {
  id: string;
  authorName: string | null;
  decision: 'submitted' | 'changes_requested' | 'published' | 'unpublished' | null;
  body: string;
  createdAt: Date;
}

/** The review conversation, oldest first (RLS: the case study's editors and reviewers). */
export function listCaseStudyComments(
  db: Queryable,
  caseStudyId: string,
): Promise<CaseStudyComment[]> {
  return db.query<CaseStudyComment>(
    `select cm.id::text, p.display_name as "authorName", cm.decision, cm.body, cm.created_at as "createdAt"
       from public.case_study_comments cm left join public.profiles p on p.id = cm.author_id
      where cm.case_study_id = $1 order by cm.id limit 200`,
    [caseStudyId],
  );
}

export interface CaseStudyRevision {
  id: string;
  action:
    | 'created'
    | 'edited'
    | 'submitted'
    | 'withdrawn'
    | 'changes_requested'
    | 'published'
    | 'unpublished'
    | 'verified'
    | 'verification_removed';
  changedFields: string[];
  status: WorkflowStatus;
  title: string;
  createdAt: Date;
  editorName: string | null;
}

/** The revision history, newest first (RLS: the case study's editors and reviewers). */
export function listCaseStudyRevisions(
  db: Queryable,
  caseStudyId: string,
): Promise<CaseStudyRevision[]> {
  return db.query<CaseStudyRevision>(
    `select r.id::text, r.action, r.changed_fields as "changedFields", r.status, r.title,
            r.created_at as "createdAt", p.display_name as "editorName"
       from public.case_study_revisions r left join public.profiles p on p.id = r.editor_id
      where r.case_study_id = $1 order by r.id desc limit 200`,
    [caseStudyId],
  );
}

// Work lists ------------------------------------------------------------------------

/**
 * Every case study of the cities the caller edits (and any they wrote), in
 * every state: the author's one page of where each stands.
 */
export function listManagedCaseStudies(db: Queryable): Promise<CaseStudySummary[]> {
  return db.query<CaseStudySummary>(
    `select ${summaryColumns} ${summaryFrom}
      where public.is_city_editor(cs.lead_city_id) or cs.author_id = (select auth.uid())
      order by case cs.status when 'changes_requested' then 0 when 'draft' then 1 when 'submitted' then 2
                              when 'unpublished' then 3 else 4 end, cs.updated_at desc
      limit 200`,
  );
}

/** Case studies waiting for the caller's review: submitted, in a city of a hub they coordinate (admins: all). */
export function listCaseStudiesToReview(db: Queryable): Promise<CaseStudySummary[]> {
  return db.query<CaseStudySummary>(
    `select ${summaryColumns} ${summaryFrom}
      where cs.status = 'submitted'
        and ((select public.is_platform_admin()) or public.is_coordinator_of_city_hub(cs.lead_city_id))
      order by cs.submitted_at nulls last, cs.id
      limit 200`,
  );
}

// Connected lists (hub, city, deliverable, directory and home pages) ------------------

export type CaseStudyConnection =
  { hubId: string } | { cityId: string } | { deliverableSlug: string } | { organizationId: string };

/**
 * Published case studies connected to a hub (through any of its cities), a
 * city (as lead or partner), a deliverable (applied) or an organization
 * (partner), newest first. The directory's organization pages read this.
 */
export function listConnectedCaseStudies(
  db: Queryable,
  connection: CaseStudyConnection,
  limit = 6,
): Promise<CaseStudySummary[]> {
  let condition: string;
  let id: string;
  if ('hubId' in connection) {
    id = connection.hubId;
    condition = `cs.id in (select l.id from public.case_studies l
                              join public.hub_cities hc on hc.city_id = l.lead_city_id where hc.hub_id = $1::uuid
                            union
                            select cc.case_study_id from public.case_study_cities cc
                              join public.hub_cities hc on hc.city_id = cc.city_id where hc.hub_id = $1::uuid)`;
  } else if ('cityId' in connection) {
    id = connection.cityId;
    condition = `cs.id in (select l.id from public.case_studies l where l.lead_city_id = $1::uuid
                            union
                            select cc.case_study_id from public.case_study_cities cc where cc.city_id = $1::uuid)`;
  } else if ('deliverableSlug' in connection) {
    id = connection.deliverableSlug;
    condition = `exists (select 1 from public.case_study_deliverables cd
                   join public.deliverables d on d.id = cd.deliverable_id
                   where cd.case_study_id = cs.id and d.slug = $1)`;
  } else {
    id = connection.organizationId;
    condition = `exists (select 1 from public.case_study_partners cp
                   where cp.case_study_id = cs.id and cp.organization_id = $1::uuid)`;
  }
  return db.query<CaseStudySummary>(
    `select ${summaryColumns} ${summaryFrom}
      where ${published} and ${condition}
      order by cs.published_at desc, cs.id limit ${clampLimit(limit)}`,
    [id],
  );
}

/** A case study as one of its city's needs: matchmaking's `Need`, with the city it belongs to. */
export interface CityCaseStudyNeed extends Need {
  cityId: string;
  /** `case-study:<uuid>`, as matchmaking's needs are named. */
  id: string;
  kind: 'case-study';
  url: string;
}

/**
 * What these cities work on, as matchmaking reads it (the partners domain's
 * "needs"): each city's published case studies, as lead or partner city,
 * with their themes and SDG goals, newest first, at most `perCity` each.
 */
export function listCityCaseStudyNeeds(
  db: Queryable,
  cityIds: readonly string[],
  perCity = 10,
): Promise<CityCaseStudyNeed[]> {
  if (cityIds.length === 0) return Promise.resolve([]);
  return db.query<CityCaseStudyNeed>(
    `select x.city_id as "cityId", 'case-study:' || x.id as id, 'case-study' as kind, x.title,
            '/case-studies/' || x.slug as url, x.themes, x.sdg_goals::int[] as sdgs
       from (select links.city_id, cs.id, cs.slug, cs.title, cs.themes, cs.sdg_goals,
                    row_number() over (partition by links.city_id order by cs.published_at desc, cs.id) as n
               from (select l.lead_city_id as city_id, l.id from public.case_studies l
                      where l.lead_city_id = any ($1::uuid[]) and l.status = 'published'
                     union
                     select cc.city_id, cc.case_study_id from public.case_study_cities cc
                      where cc.city_id = any ($1::uuid[])) as links
               join public.case_studies cs on cs.id = links.id
              where ${published}) as x
      where x.n <= ${clampLimit(perCity)}
      order by x.city_id, x.n`,
    [cityIds],
  );
}

/** The latest published case studies of the whole network (home page). */
export function listLatestCaseStudies(db: Queryable, limit = 4): Promise<CaseStudySummary[]> {
  return db.query<CaseStudySummary>(
    `select ${summaryColumns} ${summaryFrom} where ${published}
      order by cs.published_at desc, cs.id limit ${clampLimit(limit)}`,
  );
}

/** How many case studies are published; demo ones do not count (DESIGN.md: true numbers). */
export async function countPublishedCaseStudies(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from public.case_studies cs where ${published} and not cs.is_demo`,
  );
  return row?.n ?? 0;
}

export interface CityPartner {
  organizationId: string;
  slug: string;
  name: string;
  sector: string;
  isDemo: boolean;
  roles: PartnerRole[];
  caseStudies: number;
}

/**
 * The verified organizations a city has worked with, over all its published
 * case studies (as lead or partner city): their sector, roles and how many
 * case studies. For the city page and its stakeholder map.
 */
export function listCityPartners(db: Queryable, cityId: string): Promise<CityPartner[]> {
  return db.query<CityPartner>(
    `select o.id as "organizationId", o.slug, o.name, o.kind as sector, o.is_demo as "isDemo",
            array_agg(distinct cp.role order by cp.role) as roles, count(distinct cs.id)::int as "caseStudies"
       from public.case_studies cs
       join public.case_study_partners cp on cp.case_study_id = cs.id
       join public.organizations o on o.id = cp.organization_id
      where ${published} and o.status = 'verified'
        and cs.id in (select l.id from public.case_studies l where l.lead_city_id = $1::uuid
                      union
                      select cc.case_study_id from public.case_study_cities cc where cc.city_id = $1::uuid)
      group by o.id
      order by count(distinct cs.id) desc, o.name
      limit 60`,
    [cityId],
  );
}

// Form options -----------------------------------------------------------------------

export interface Option {
  id: string;
  slug: string;
  label: string;
}

/** The cities the caller may write case studies for (admins: every city). */
export function listEditableCities(db: Queryable): Promise<Option[]> {
  return db.query<Option>(
    `select c.id, c.slug, c.name as label from public.cities c
      where (select public.is_platform_admin()) or public.is_city_editor(c.id)
      order by c.is_demo, c.name limit 500`,
  );
}

/** Every city, for choosing the partner cities. */
export function listCityOptions(db: Queryable): Promise<Option[]> {
  return db.query<Option>(
    `select c.id, c.slug, c.name as label from public.cities c order by c.name limit 1000`,
  );
}

export interface PartnerOption extends Option {
  sector: string;
}

/**
 * The partner picker: the organizations the partners domain says may be
 * linked publicly (verified ones only), by name.
 */
export async function listPartnerOptions(db: Queryable): Promise<PartnerOption[]> {
  const organizations = await listLinkableOrganizations(db, { limit: 1000 });
  return organizations
    .map((o) => ({ id: o.id, slug: o.slug, label: o.name, sector: o.kind }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export interface DeliverableOption extends Option {
  kind: string;
}

/** Published deliverables, Recommendations first. */
export function listDeliverableOptions(db: Queryable): Promise<DeliverableOption[]> {
  return db.query<DeliverableOption>(
    `select d.id, d.slug, concat_ws(': ', d.code, d.title) as label, d.kind from public.deliverables d
      where d.published order by d.kind desc, d.code, d.title limit 500`,
  );
}

/** The lead city's hubs the caller may verify a case study for (coordinated hubs; admins: all). */
export function listVerifyingHubs(db: Queryable, cityId: string): Promise<CaseStudyHubLink[]> {
  return db.query<CaseStudyHubLink>(
    `select h.id, h.slug, h.name from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
      where hc.city_id = $1 and ((select public.is_platform_admin()) or public.is_hub_coordinator(h.id))
      order by h.is_demo, h.name limit 50`,
    [cityId],
  );
}

// Open data ---------------------------------------------------------------------------

export interface CaseStudyExport {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
  projectStatus: ProjectStatus;
  startedOn: string | null;
  endedOn: string | null;
  budgetBand: string | null;
  fundingSources: string[];
  fundingNote: string;
  sdgGoals: number[];
  sdgTargets: string[];
  themes: string[];
  technologies: string[];
  challenge: string;
  solution: string;
  results: CaseStudyResult[];
  beneficiaries: string;
  sexDisaggregated: SexDisaggregation;
  genderParticipation: string;
  genderResponsive: boolean;
  lessons: string;
  transferability: string;
  leadCity: { slug: string; name: string; country: string; region: string };
  partnerCities: { slug: string; name: string; country: string }[];
  hubs: { slug: string; name: string }[];
  kpiCodes: string[];
  deliverables: { slug: string; code: string | null; title: string }[];
  partners: { slug: string; name: string; sector: string; role: PartnerRole }[];
  verifiedByHub: string | null;
  publishedAt: Date;
  updatedAt: Date;
  isDemo: boolean;
}

/** The most rows one CSV download holds (the API pages through 50 at a time). */
export const caseStudyExportLimit = 10_000;

/**
 * Published case studies matching the listing's filters, with every public
 * field and link, newest first: what `/case-studies.csv` and
 * `GET /api/case-studies` publish. Only verified partners are named.
 */
export async function listCaseStudiesForExport(
  db: Queryable,
  filters: CaseStudyFilters,
  page: { limit: number; offset: number },
): Promise<{ items: CaseStudyExport[]; total: number }> {
  const { keys, unknown } = await resolveCaseStudyFilters(db, filters);
  if (unknown.length > 0) return { items: [], total: 0 };
  const limit = clampLimit(page.limit, caseStudyExportLimit);
  const offset = Math.max(0, Math.trunc(page.offset));
  const ids = await db.query<{ id: string; total: number }>(
    'select /* bounded: one page, $2 rows */ id, total from public.published_case_study_page($1::text[], $2, $3)',
    [[...keys.values()], limit, offset],
  );
  if (ids.length === 0) return { items: [], total: 0 };
  const rows = await db.query<CaseStudyExport>(
    `select cs.id, cs.slug, cs.title, cs.summary, cs.language, cs.project_status as "projectStatus",
            to_char(cs.started_on, 'YYYY-MM-DD') as "startedOn", to_char(cs.ended_on, 'YYYY-MM-DD') as "endedOn",
            cs.budget_band as "budgetBand", cs.funding_sources as "fundingSources", cs.funding_note as "fundingNote",
            cs.sdg_goals as "sdgGoals", cs.sdg_targets as "sdgTargets", cs.themes, cs.technologies,
            cs.challenge, cs.solution, cs.results, cs.beneficiaries, cs.sex_disaggregated as "sexDisaggregated",
            cs.gender_participation as "genderParticipation", cs.gender_responsive as "genderResponsive",
            cs.lessons, cs.transferability,
            jsonb_build_object('slug', c.slug, 'name', c.name, 'country', c.country, 'region', c.region) as "leadCity",
            coalesce((select jsonb_agg(jsonb_build_object('slug', pc.slug, 'name', pc.name, 'country', pc.country)
                        order by pc.name)
                        from public.case_study_cities cc join public.cities pc on pc.id = cc.city_id
                       where cc.case_study_id = cs.id), '[]'::jsonb) as "partnerCities",
            coalesce((select jsonb_agg(distinct jsonb_build_object('slug', h.slug, 'name', h.name))
                        from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
                       where hc.city_id = cs.lead_city_id
                          or hc.city_id in (select cc.city_id from public.case_study_cities cc
                                             where cc.case_study_id = cs.id)), '[]'::jsonb) as hubs,
            array(select ck.kpi_code from public.case_study_kpis ck where ck.case_study_id = cs.id
                   order by ck.kpi_code) as "kpiCodes",
            coalesce((select jsonb_agg(jsonb_build_object('slug', d.slug, 'code', d.code, 'title', d.title)
                        order by d.code nulls last, d.title)
                        from public.case_study_deliverables cd join public.deliverables d on d.id = cd.deliverable_id
                       where cd.case_study_id = cs.id), '[]'::jsonb) as deliverables,
            coalesce((select jsonb_agg(jsonb_build_object('slug', o.slug, 'name', o.name, 'sector', o.kind,
                        'role', cp.role) order by cp.position, o.name)
                        from public.case_study_partners cp join public.organizations o on o.id = cp.organization_id
                       where cp.case_study_id = cs.id and o.status = 'verified'), '[]'::jsonb) as partners,
            vh.name as "verifiedByHub", cs.published_at as "publishedAt", cs.updated_at as "updatedAt",
            cs.is_demo as "isDemo"
       from public.case_studies cs
       join public.cities c on c.id = cs.lead_city_id
       left join public.hubs vh on vh.id = cs.verified_by_hub_id
      where ${published} and cs.id = any ($1::uuid[])
      order by cs.published_at desc, cs.id`,
    [ids.map((row) => row.id)],
  );
  return { items: rows, total: ids[0]!.total };
}

export interface KpiOption {
  code: string;
  name: string;
  dimension: string;
  subDimension: string;
}

/** The 91 KPIs in the framework's order, for choosing the ones a challenge is about. */
export function listKpiOptions(db: Queryable): Promise<KpiOption[]> {
  return db.query<KpiOption>(
    `select k.code, k.name, k.dimension, k.sub_dimension as "subDimension" from public.kpis k
      order by k.position limit 200`,
  );
}

// "Your work" -----------------------------------------------------------------------

/** Submitted case studies of cities in these hubs (`null`: every hub), oldest submission first, and how many. */
export async function listCaseStudiesWaitingForReview(
  db: Queryable,
  hubIds: readonly string[] | null,
  limit = 5,
): Promise<{ total: number; items: CaseStudySummary[] }> {
  const rows = await db.query<CaseStudySummary & { total: number }>(
    `select ${summaryColumns}, count(*) over ()::int as total ${summaryFrom}
      where cs.status = 'submitted'
        and ($1::uuid[] is null
             or exists (select 1 from public.hub_cities hc
                         where hc.city_id = cs.lead_city_id and hc.hub_id = any ($1::uuid[])))
      order by cs.submitted_at nulls last, cs.id limit ${clampLimit(limit)}`,
    [hubIds],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...item }) => item) };
}

/**
 * The case studies of these cities by workflow state (how many in each, and
 * the first few of each state that needs the city: changes requested,
 * drafts, waiting for review).
 */
export async function listCityCaseStudiesByState(
  db: Queryable,
  cityIds: readonly string[],
  limit = 5,
): Promise<Record<WorkflowStatus, { total: number; items: CaseStudySummary[] }>> {
  const rows = await db.query<CaseStudySummary & { total: number }>(
    `select * from (
       select ${summaryColumns}, count(*) over (partition by cs.status)::int as total,
              row_number() over (partition by cs.status order by cs.updated_at desc, cs.id) as n
         ${summaryFrom}
        where cs.lead_city_id = any ($1::uuid[])) as x
      where x.n <= ${clampLimit(limit)}
      order by x.status, x.n
      limit 200`,
    [cityIds],
  );
  const out = Object.fromEntries(
    (['draft', 'submitted', 'changes_requested', 'published', 'unpublished'] as const).map(
      (status) => [status, { total: 0, items: [] as CaseStudySummary[] }],
    ),
  ) as Record<WorkflowStatus, { total: number; items: CaseStudySummary[] }>;
  for (const { total, n: _n, ...item } of rows as (CaseStudySummary & {
    total: number;
    n: number;
  })[]) {
    out[item.status].total = total;
    out[item.status].items.push(item);
  }
  return out;
}
