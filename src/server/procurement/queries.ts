import type { FacetCount } from '../../lib/listing/facets';
import { escapeLike } from '../../lib/listing/query-params';
import type {
  MilestoneStatus,
  ProcurementFilters,
  ProcurementStage,
  ProcurementStatus,
  TenderMethod,
} from '../../lib/procurement/vocabulary';
import { valueBands, type ValueBand } from '../../lib/taxonomy/bands';
import type { Need } from '../../lib/organizations/matching';
import type { Queryable } from '../db/types';

/**
 * The public reads of procurement (and the reads pages and other domains
 * use): the listing with its facets, a process as the caller may see it, the
 * feeds, the releases, and the dashboards. Every query runs as the caller, so
 * row-level security decides what is private.
 */

export interface ProcessSummary {
  id: string;
  ocid: string;
  title: string;
  problem: string;
  cityName: string;
  citySlug: string;
  cityCountry: string;
  stage: ProcurementStage;
  status: ProcurementStatus;
  themes: string[];
  sdgs: number[];
  budgetAmount: number | null;
  budgetCurrency: string | null;
  valueBand: ValueBand | null;
  deadline: Date | null;
  deadlineOpen: boolean;
  publishedAt: Date | null;
  noticePublishedAt: Date | null;
  isDemo: boolean;
}

export interface ProcessListing {
  items: ProcessSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    stage: FacetCount<ProcurementStage>[];
    status: FacetCount<ProcurementStatus>[];
    theme: FacetCount[];
    sdg: FacetCount<number>[];
    country: FacetCount[];
    hub: (FacetCount & { label: string })[];
    open: FacetCount[];
    band: FacetCount<ValueBand>[];
  };
}

export const processPageSize = 20;

/** The value a process is banded by, in US dollars: the award's, else the estimate's. */
const valueUsdSql = `coalesce(a.value_usd, case when a.currency = 'USD' then a.amount end, p.budget_usd)`;
const bandSql = `case ${valueBands
  .map(
    (band) =>
      `when ${valueUsdSql} >= ${band.min}${band.max === null ? '' : ` and ${valueUsdSql} < ${band.max}`} then '${band.key}'`,
  )
  .join(' ')} end`;
const openSql = `(n.published_at is not null and n.deadline > now() and p.status = 'active' and p.closed_at is null)`;

const summaryColumns = `p.id, p.ocid, p.title, left(p.problem, 300) as problem, c.name as "cityName",
  c.slug as "citySlug", c.country as "cityCountry", p.stage, p.status, p.themes, p.sdgs::int[] as sdgs,
  p.budget_amount::float8 as "budgetAmount", p.budget_currency as "budgetCurrency", ${bandSql} as "valueBand",
  case when n.published_at is not null then n.deadline end as deadline, ${openSql} as "deadlineOpen",
  p.published_at as "publishedAt", n.published_at as "noticePublishedAt", p.is_demo as "isDemo"`;

// A draft notice never shows in the listing, even to its editors (the join
// keeps only published notices' rows).
const listingFrom = `from public.procurement_processes p
  join public.cities c on c.id = p.city_id
  left join public.procurement_notices n on n.process_id = p.id and n.published_at is not null
  left join public.procurement_awards a on a.process_id = p.id`;

type FilterName = 'stage' | 'status' | 'theme' | 'sdg' | 'country' | 'hub' | 'open' | 'band' | 'q';

/** The hubs of a city (a city may belong to several). */
const cityHubIds =
  'select /* bounded: the hubs of one city */ hc.hub_id from public.hub_cities hc where hc.city_id = c.id';

function whereClause(filters: ProcurementFilters, except?: FilterName) {
  const conditions = ['p.published_at is not null'];
  const params: unknown[] = [];
  const add = (name: FilterName, value: unknown, sql: (p: string) => string) => {
    if (value === undefined || except === name) return;
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  add('stage', filters.stage, (v) => `p.stage = ${v}`);
  add('status', filters.status, (v) => `p.status = ${v}`);
  add('theme', filters.theme, (v) => `${v}::text = any (p.themes)`);
  add('sdg', filters.sdg, (v) => `${v}::smallint = any (p.sdgs)`);
  add('country', filters.country, (v) => `c.country = ${v}`);
  add(
    'hub',
    filters.hub,
    (v) => `exists (select 1 from public.hubs h where h.slug = ${v} and h.id in (${cityHubIds}))`,
  );
  if (filters.open && except !== 'open') conditions.push(openSql);
  add('band', filters.band, (v) => `(${bandSql}) = ${v}`);
  add(
    'q',
    filters.q && `%${escapeLike(filters.q)}%`,
    (v) => `(p.title ilike ${v} or p.problem ilike ${v} or c.name ilike ${v})`,
  );
  return { sql: `where ${conditions.join(' and ')}`, params };
}

/**
 * Lists published processes, open notices first (soonest deadline), then the
 * newest, with the facet counts of the filter panel: each facet is counted
 * with the other filters applied, so a count says what choosing it gives.
 */
export async function listProcesses(
  db: Queryable,
  filters: ProcurementFilters,
): Promise<ProcessListing> {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * processPageSize;
  const facet = <V extends string | number = string>(
    name: FilterName,
    valueSql: string,
    extraFrom = '',
  ) => {
    const w = whereClause(filters, name);
    return db.query<FacetCount<V>>(
      `select v.value, count(distinct p.id)::int as count ${listingFrom} ${extraFrom}
         cross join lateral (select ${valueSql} as value) v
        ${w.sql} and v.value is not null group by v.value order by v.value limit 100`,
      w.params,
    );
  };
  const byHub = whereClause(filters, 'hub');
  const [items, [totalRow], stage, status, theme, sdg, country, open, band, hub] =
    await Promise.all([
      db.query<ProcessSummary>(
        `select ${summaryColumns} ${listingFrom} ${where.sql}
        order by ${openSql} desc, case when ${openSql} then n.deadline end asc,
          coalesce(n.published_at, p.published_at) desc, p.id
        limit ${processPageSize} offset ${offset}`,
        where.params,
      ),
      db.query<{ total: number }>(
        `select count(*)::int as total ${listingFrom} ${where.sql}`,
        where.params,
      ),
      facet<ProcurementStage>('stage', 'p.stage'),
      facet<ProcurementStatus>('status', 'p.status'),
      facet('theme', 't.theme', 'cross join lateral unnest(p.themes) as t(theme)'),
      facet<number>('sdg', 's.goal::int', 'cross join lateral unnest(p.sdgs) as s(goal)'),
      facet('country', 'c.country'),
      facet('open', `case when ${openSql} then '1' end`),
      facet<ValueBand>('band', bandSql),
      db.query<FacetCount & { label: string }>(
        `select h.slug as value, h.name as label, count(distinct p.id)::int as count ${listingFrom}
             join public.hub_cities hc on hc.city_id = c.id join public.hubs h on h.id = hc.hub_id
            ${byHub.sql} group by h.slug, h.name, h.is_demo order by h.is_demo, h.name limit 100`,
        byHub.params,
      ),
    ]);
  const stageOrder = ['plan', 'market', 'evaluation', 'delivery', 'closed'];
  const bandOrder: string[] = valueBands.map((b) => b.key);
  return {
    items,
    total: totalRow?.total ?? 0,
    page: filters.page,
    pageSize: processPageSize,
    facets: {
      stage: stage.sort((a, b) => stageOrder.indexOf(a.value) - stageOrder.indexOf(b.value)),
      status,
      theme,
      sdg: sdg.sort((a, b) => a.value - b.value),
      country,
      hub,
      open,
      band: band.sort((a, b) => bandOrder.indexOf(a.value) - bandOrder.indexOf(b.value)),
    },
  };
}

// ---------------------------------------------------------------------------
// One process

export interface Outcome {
  outcome: string;
  measure: string;
}

export interface NoticeDocument {
  title: string;
  url: string;
}

export interface ProcessPlan {
  id: string;
  ocid: string;
  cityId: string;
  cityName: string;
  citySlug: string;
  cityCountry: string;
  cityRegion: string;
  title: string;
  problem: string;
  outcomes: Outcome[];
  beneficiaries: string;
  themes: string[];
  sdgs: number[];
  kpiCodes: string[];
  budgetAmount: number | null;
  budgetCurrency: string | null;
  budgetUsd: number | null;
  fundingSource: string;
  plannedNoticeOn: string | null;
  plannedAwardOn: string | null;
  plannedDeliveryStart: string | null;
  plannedDeliveryEnd: string | null;
  genderAffected: string;
  genderConsultation: string;
  genderCriteria: string;
  stage: ProcurementStage;
  status: ProcurementStatus;
  tenderMethod: TenderMethod | null;
  tenderMethodRationale: string;
  tenderRecordedAt: Date | null;
  closingNote: string;
  lessonsLearned: string;
  closedAt: Date | null;
  cancellationReason: string;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  isDemo: boolean;
}

export interface Notice {
  problemStatement: string;
  marketQuestions: string;
  deadline: Date;
  shortDeadlineReason: string;
  documents: NoticeDocument[];
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface Criterion {
  id: string;
  position: number;
  name: string;
  description: string;
  weight: number;
  genderResponsive: boolean;
}

export interface Amendment {
  id: string;
  subject: 'notice' | 'criteria' | 'contract';
  rationale: string;
  description: string;
  changes: { property: string; former_value: unknown; value: unknown }[];
  createdAt: Date;
}

export interface PublishedAnswer {
  id: string;
  question: string;
  answer: string;
  createdAt: Date;
}

export interface Award {
  id: string;
  bidId: string | null;
  organizationId: string | null;
  organizationSlug: string | null;
  supplierName: string;
  amount: number;
  currency: string;
  valueUsd: number | null;
  awardedOn: string;
  justification: string;
  nonBidderReason: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Contract {
  id: string;
  awardId: string;
  amount: number;
  currency: string;
  periodStart: string;
  periodEnd: string;
  signedOn: string | null;
  status: 'active' | 'terminated';
  createdAt: Date;
  updatedAt: Date;
}

export interface Milestone {
  id: string;
  title: string;
  description: string;
  dueOn: string;
  status: MilestoneStatus;
  metOn: string | null;
  updatedAt: Date;
}

export interface PublicParty {
  partyKey: string;
  organizationId: string | null;
  name: string;
  role: 'tenderer' | 'interestedParty';
  slug: string | null;
  country: string | null;
}

export interface ProcessDetail {
  plan: ProcessPlan;
  notice: Notice | null;
  criteria: Criterion[];
  amendments: Amendment[];
  answers: PublishedAnswer[];
  award: Award | null;
  contract: Contract | null;
  milestones: Milestone[];
  parties: PublicParty[];
  releaseCount: number;
}

const dateText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const planColumns = `p.id, p.ocid, p.city_id as "cityId", c.name as "cityName", c.slug as "citySlug",
  c.country as "cityCountry", c.region as "cityRegion", p.title, p.problem, p.outcomes, p.beneficiaries,
  p.themes, p.sdgs::int[] as sdgs, p.kpi_codes as "kpiCodes", p.budget_amount::float8 as "budgetAmount",
  p.budget_currency as "budgetCurrency", p.budget_usd::float8 as "budgetUsd", p.funding_source as "fundingSource",
  ${dateText('p.planned_notice_on')} as "plannedNoticeOn", ${dateText('p.planned_award_on')} as "plannedAwardOn",
  ${dateText('p.planned_delivery_start')} as "plannedDeliveryStart",
  ${dateText('p.planned_delivery_end')} as "plannedDeliveryEnd", p.gender_affected as "genderAffected",
  p.gender_consultation as "genderConsultation", p.gender_criteria as "genderCriteria", p.stage, p.status,
  p.tender_method as "tenderMethod", p.tender_method_rationale as "tenderMethodRationale",
  p.tender_recorded_at as "tenderRecordedAt", p.closing_note as "closingNote",
  p.lessons_learned as "lessonsLearned", p.closed_at as "closedAt",
  p.cancellation_reason as "cancellationReason", p.published_at as "publishedAt",
  p.created_at as "createdAt", p.updated_at as "updatedAt", p.is_demo as "isDemo"`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan of a process as the caller may see it (drafts: its city's editors and admins), or null. */
export async function findProcessPlan(db: Queryable, id: string): Promise<ProcessPlan | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db.query<ProcessPlan>(
    `select ${planColumns} from public.procurement_processes p join public.cities c on c.id = p.city_id
      where p.id = $1`,
    [id],
  );
  return row ?? null;
}

/**
 * A whole process as the caller may see it: each stage as far as it is
 * public (or, for its city's editors and admins, drafted). Bids, scores and
 * who asked or expressed interest are not here (`private-queries.ts`).
 */
export async function findProcess(db: Queryable, id: string): Promise<ProcessDetail | null> {
  const plan = await findProcessPlan(db, id);
  if (!plan) return null;
  const [
    notices,
    criteria,
    amendments,
    answers,
    awards,
    contracts,
    milestones,
    parties,
    [releases],
  ] = await Promise.all([
    db.query<Notice>(
      `select /* bounded: one notice per process (its key) */ problem_statement as "problemStatement", market_questions as "marketQuestions", deadline,
                short_deadline_reason as "shortDeadlineReason", documents, published_at as "publishedAt",
                updated_at as "updatedAt"
           from public.procurement_notices where process_id = $1`,
      [id],
    ),
    db.query<Criterion>(
      `select id, position, name, description, weight, gender_responsive as "genderResponsive"
           from public.procurement_criteria where process_id = $1 order by position limit 20`,
      [id],
    ),
    db.query<Amendment>(
      `select id, subject, rationale, description, changes, created_at as "createdAt"
           from public.procurement_amendments where process_id = $1 order by created_at, id limit 200`,
      [id],
    ),
    db.query<PublishedAnswer>(
      `select id, question, answer, created_at as "createdAt"
           from public.procurement_answers where process_id = $1 order by created_at, id limit 500`,
      [id],
    ),
    db.query<Award>(
      `select /* bounded: one award per process (unique) */ a.id, a.bid_id as "bidId", a.organization_id as "organizationId",
                case when o.status = 'verified' then o.slug end as "organizationSlug",
                a.supplier_name as "supplierName", a.amount::float8 as amount, a.currency,
                a.value_usd::float8 as "valueUsd", ${dateText('a.awarded_on')} as "awardedOn", a.justification,
                a.non_bidder_reason as "nonBidderReason", a.created_at as "createdAt", a.updated_at as "updatedAt"
           from public.procurement_awards a left join public.organizations o on o.id = a.organization_id
          where a.process_id = $1`,
      [id],
    ),
    db.query<Contract>(
      `select /* bounded: one contract per process (unique) */ id, award_id as "awardId", amount::float8 as amount, currency,
                ${dateText('period_start')} as "periodStart", ${dateText('period_end')} as "periodEnd",
                ${dateText('signed_on')} as "signedOn", status, created_at as "createdAt", updated_at as "updatedAt"
           from public.procurement_contracts where process_id = $1`,
      [id],
    ),
    db.query<Milestone>(
      `select id, title, description, ${dateText('due_on')} as "dueOn", status, ${dateText('met_on')} as "metOn",
                updated_at as "updatedAt"
           from public.procurement_milestones where process_id = $1 order by due_on, created_at, id limit 100`,
      [id],
    ),
    db.query<PublicParty>(
      `select party_key as "partyKey", organization_id as "organizationId", name, role, slug, country
           from public.procurement_public_parties($1) order by role, name limit 500`,
      [id],
    ),
    db.query<{ n: number }>(
      'select count(*)::int as n from public.procurement_releases where process_id = $1',
      [id],
    ),
  ]);
  return {
    plan,
    notice: notices[0] ?? null,
    criteria,
    amendments,
    answers,
    award: awards[0] ?? null,
    contract: contracts[0] ?? null,
    milestones,
    parties,
    releaseCount: releases?.n ?? 0,
  };
}

// ---------------------------------------------------------------------------
// Feeds

export interface OpenNotice {
  id: string;
  title: string;
  problemStatement: string;
  cityName: string;
  deadline: Date;
  publishedAt: Date;
  updatedAt: Date;
  themes: string[];
  sdgs: number[];
  isDemo: boolean;
}

const openNoticeColumns = `p.id, p.title, n.problem_statement as "problemStatement", c.name as "cityName",
  n.deadline, n.published_at as "publishedAt", greatest(n.updated_at, p.updated_at) as "updatedAt", p.themes,
  p.sdgs::int[] as sdgs, p.is_demo as "isDemo"`;
const noticeFrom = `from public.procurement_processes p join public.cities c on c.id = p.city_id
  join public.procurement_notices n on n.process_id = p.id`;

/** Notices open now, newest first (RSS; an organization's dashboard). */
export function listOpenNotices(db: Queryable, limit = 50): Promise<OpenNotice[]> {
  return db.query<OpenNotice>(
    `select ${openNoticeColumns} ${noticeFrom}
      where p.published_at is not null and ${openSql}
      order by n.published_at desc, p.id limit ${Math.min(Math.max(limit, 1), 200)}`,
  );
}

/** A notice as one of its city's needs: matchmaking's `Need`, with the city it belongs to. */
export interface CityProcurementNeed extends Need {
  cityId: string;
  /** `procurement:<process id>` */
  id: string;
  kind: 'procurement';
  url: string;
}

/**
 * The notices open now of the given cities ("partners for your challenges"
 * counts a city's open market engagements among its needs), soonest deadline
 * first, at most `perCity` each.
 */
export function listCityOpenNoticeNeeds(
  db: Queryable,
  cityIds: readonly string[],
  perCity = 10,
): Promise<CityProcurementNeed[]> {
  if (cityIds.length === 0) return Promise.resolve([]);
  return db.query<CityProcurementNeed>(
    `select x.city_id as "cityId", 'procurement:' || x.id as id, 'procurement' as kind, x.title,
            '/procurement/' || x.id as url, x.themes, x.sdgs
       from (select p.city_id, p.id, p.title, p.themes, p.sdgs::int[] as sdgs,
                    row_number() over (partition by p.city_id order by n.deadline, p.id) as position
               ${noticeFrom}
              where p.city_id = any ($1::uuid[]) and p.published_at is not null and ${openSql}) as x
      where x.position <= ${Math.min(Math.max(perCity, 1), 50)}
      order by x.city_id, x.position`,
    [cityIds],
  );
}

/** Deadlines of published notices from 90 days ago on (iCalendar). */
export function listNoticeDeadlines(db: Queryable): Promise<OpenNotice[]> {
  return db.query<OpenNotice>(
    `select ${openNoticeColumns} ${noticeFrom}
      where p.published_at is not null and n.published_at is not null and n.deadline >= now() - interval '90 days'
      order by n.deadline, p.id limit 500`,
  );
}

/**
 * The next moment a published notice's deadline passes: the listing's
 * "deadline open" facet, the feeds and the search record change then.
 */
export async function nextNoticeDeadline(db: Queryable): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(
    `select min(n.deadline) as at from public.procurement_notices n
      where n.published_at is not null and n.deadline > now()`,
  );
  return row?.at ?? null;
}

// ---------------------------------------------------------------------------
// Releases

export interface StoredRelease {
  releaseId: string;
  processId: string;
  sequence: number;
  tags: string[];
  releasedAt: Date;
  release: Record<string, unknown>;
}

const releaseColumns = `release_id as "releaseId", process_id as "processId", sequence, tags,
  released_at as "releasedAt", release`;

/** Every release of one published process, oldest first. */
export function listProcessReleases(db: Queryable, processId: string): Promise<StoredRelease[]> {
  if (!uuidPattern.test(processId)) return Promise.resolve([]);
  return db.query<StoredRelease>(
    `select ${releaseColumns} from public.procurement_releases where process_id = $1
      order by sequence limit 10000`,
    [processId],
  );
}

export const releasesPageSize = 100;

/** All published releases after `since` (exclusive), oldest first, one page at a time. */
export async function listReleasesSince(
  db: Queryable,
  options: { since: Date | null; page: number },
): Promise<{ releases: StoredRelease[]; hasMore: boolean }> {
  const offset = (options.page - 1) * releasesPageSize;
  const rows = await db.query<StoredRelease>(
    `select ${releaseColumns} from public.procurement_releases
      where ($1::timestamptz is null or released_at > $1::timestamptz)
      order by released_at, id limit ${releasesPageSize + 1} offset ${offset}`,
    [options.since],
  );
  return { releases: rows.slice(0, releasesPageSize), hasMore: rows.length > releasesPageSize };
}

/** The process id of an ocid, if that process is published. */
export async function findProcessIdByOcid(db: Queryable, ocid: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    'select /* bounded: ocid is unique */ id from public.procurement_processes where ocid = $1 and published_at is not null',
    [ocid],
  );
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------
// The city's editors: their cities, processes and dashboard

export interface EditableCity {
  id: string;
  slug: string;
  name: string;
}

/** The cities the caller edits (where they may open processes). */
export function listEditableCities(db: Queryable): Promise<EditableCity[]> {
  return db.query<EditableCity>(
    `select c.id, c.slug, c.name from public.cities c where public.is_city_editor(c.id)
      order by c.is_demo, c.name limit 100`,
  );
}

export interface ManagedProcess {
  id: string;
  title: string;
  cityName: string;
  stage: ProcurementStage;
  status: ProcurementStatus;
  published: boolean;
  noticePublished: boolean;
  deadline: Date | null;
  openQuestions: number;
  interests: number;
  bids: number;
  genderResponsive: boolean;
  /** Days spent in each stage so far (the current one up to now). */
  days: Record<'plan' | 'market' | 'evaluation' | 'delivery', number | null>;
  updatedAt: Date;
}

/**
 * Every process of the cities the caller edits, drafts included, with what
 * needs their attention (questions without an answer) and the days spent in
 * each stage: plan from opening to the notice, market from the notice to the
 * tender, evaluation from the tender to the contract, delivery until closing.
 */
export async function listManagedProcesses(db: Queryable): Promise<ManagedProcess[]> {
  const rows = await db.query<
    Omit<ManagedProcess, 'days'> & {
      d_plan: number | null;
      d_market: number | null;
      d_evaluation: number | null;
      d_delivery: number | null;
    }
  >(
    `select p.id, p.title, c.name as "cityName", p.stage, p.status, p.published_at is not null as published,
            n.published_at is not null as "noticePublished", n.deadline,
            (select count(*)::int from public.procurement_questions q where q.process_id = p.id
               and not exists (select 1 from public.procurement_answers x where x.question_id = q.id)) as "openQuestions",
            (select count(*)::int from public.procurement_interests i where i.process_id = p.id) as interests,
            (select count(*)::int from public.procurement_bids b where b.process_id = p.id) as bids,
            exists (select 1 from public.procurement_criteria k where k.process_id = p.id and k.gender_responsive)
              as "genderResponsive",
            p.updated_at as "updatedAt",
            stage_days.plan as d_plan, stage_days.market as d_market,
            stage_days.evaluation as d_evaluation, stage_days.delivery as d_delivery
       from public.procurement_processes p
       join public.cities c on c.id = p.city_id
       left join public.procurement_notices n on n.process_id = p.id
       left join public.procurement_contracts ct on ct.process_id = p.id
       cross join lateral (
         select
           extract(epoch from (coalesce(n.published_at, now()) - p.created_at)) / 86400 as plan,
           case when n.published_at is not null then
             extract(epoch from (coalesce(p.tender_recorded_at, now()) - n.published_at)) / 86400 end as market,
           case when p.tender_recorded_at is not null then
             extract(epoch from (coalesce(ct.created_at, now()) - p.tender_recorded_at)) / 86400 end as evaluation,
           case when ct.created_at is not null then
             extract(epoch from (coalesce(p.closed_at, now()) - ct.created_at)) / 86400 end as delivery
       ) stage_days
      where public.is_city_editor(p.city_id)
      order by p.updated_at desc limit 500`,
  );
  const round = (value: number | null) =>
    value === null ? null : Math.max(0, Math.round(Number(value)));
  return rows.map(({ d_plan, d_market, d_evaluation, d_delivery, ...row }) => ({
    ...row,
    days: {
      plan: round(d_plan),
      market: round(d_market),
      evaluation: round(d_evaluation),
      delivery: round(d_delivery),
    },
  }));
}

// ---------------------------------------------------------------------------
// Organizations: their memberships and what they sent

export interface MemberOrganization {
  id: string;
  slug: string;
  name: string;
  verified: boolean;
}

/** The organizations the caller is a member of, verified ones first. */
export function listMemberOrganizations(db: Queryable): Promise<MemberOrganization[]> {
  return db.query<MemberOrganization>(
    `select o.id, o.slug, o.name, o.status = 'verified' as verified from public.organizations o
      where public.is_org_member(o.id) order by (o.status = 'verified') desc, o.name limit 50`,
  );
}

export interface OrganizationResponse {
  processId: string;
  title: string;
  kind: 'interest' | 'question';
  organizationName: string;
  text: string;
  createdAt: Date;
  answered: boolean;
}

/** What the caller's organizations sent (their expressions of interest and questions), newest first. */
export function listOrganizationResponses(db: Queryable): Promise<OrganizationResponse[]> {
  return db.query<OrganizationResponse>(
    `select * from (
       select i.process_id as "processId", p.title, 'interest' as kind, o.name as "organizationName",
              i.message as text, i.created_at as "createdAt", false as answered
         from public.procurement_interests i join public.procurement_processes p on p.id = i.process_id
         join public.organizations o on o.id = i.organization_id
        where public.is_org_member(i.organization_id)
       union all
       select q.process_id, p.title, 'question', o.name, q.body, q.created_at,
              exists (select 1 from public.procurement_answers x where x.question_id = q.id)
         from public.procurement_questions q join public.procurement_processes p on p.id = q.process_id
         join public.organizations o on o.id = q.organization_id
        where public.is_org_member(q.organization_id)
     ) responses order by "createdAt" desc limit 200`,
  );
}
