import type { KpiForEntry } from '../../lib/kpi-assessments/entry-rules';
import type { KpiEntry } from '../../lib/kpi-assessments/entry-rules';
import type { EntryStatus } from '../../lib/kpi-assessments/completeness';
import type { Queryable } from '../db/types';

/**
 * Reads of the KPI assessment domain. Every read runs as the request's user:
 * row-level security shows an assessment, its values and the city's targets
 * to the city's editors and its hubs' coordinators, and to everyone else only
 * a published snapshot's shared values. Reads meant for the public (the
 * snapshot page, the city page's status) also filter on publication
 * themselves, so an editor looking at them sees what visitors see.
 */

export interface KpiCity {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
}

/** The city with this slug (public facts only), or null. */
export async function findKpiCity(db: Queryable, slug: string): Promise<KpiCity | null> {
  const [row] = await db.query<KpiCity>(
    'select c.id, c.slug, c.name, c.is_demo as "isDemo" from public.cities c where c.slug = $1',
    [slug],
  );
  return row ?? null;
}

/** The whole catalogue with each KPI's measure, in the framework's order (91 rows). */
export function listKpisForEntry(db: Queryable): Promise<KpiForEntry[]> {
  return db.query<KpiForEntry>(
    `select k.code, k.slug, k.name, k.unit, k.kpi_type as type, k.dimension,
            k.sub_dimension as "subDimension", k.category, k.measure, k.position
       from public.kpis k order by k.position, k.code limit 1000`,
  );
}

export interface KpiGoalLink {
  kpiCode: string;
  goal: number;
  basis: 'confirmed' | 'indicative';
}

/** Each KPI's SDG goals, confirmed if any link to that goal is (for the dashboard's SDG view). */
export function listKpiGoalLinks(db: Queryable): Promise<KpiGoalLink[]> {
  return db.query<KpiGoalLink>(
    `select l.kpi_code as "kpiCode", l.goal::int as goal, min(l.basis) as basis
       from public.kpi_sdg_links l group by l.kpi_code, l.goal order by l.goal, l.kpi_code limit 5000`,
  );
}

export interface Verification {
  verifier: string;
  date: string;
  reportUrl: string;
  scope: string;
  recordedAt: Date;
}

export interface AssessmentSummary {
  id: string;
  cityId: string;
  year: number;
  version: number;
  supersedesId: string | null;
  /** A newer version of the same year exists: this one is kept, read-only. */
  superseded: boolean;
  verification: Verification | null;
  publishedAt: Date | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const summaryColumns = `a.id, a.city_id as "cityId", a.reporting_year::int as year, a.version::int as version,
  a.supersedes_id as "supersedesId",
  exists (select 1 from public.kpi_assessments n
           where n.city_id = a.city_id and n.reporting_year = a.reporting_year and n.version > a.version) as superseded,
  case when a.verified_at is null then null else jsonb_build_object(
    'verifier', a.verifier, 'date', to_char(a.verification_date, 'YYYY-MM-DD'),
    'reportUrl', a.verification_report_url, 'scope', a.verification_scope, 'recordedAt', a.verified_at) end
    as verification,
  a.published_at as "publishedAt", a.is_demo as "isDemo", a.created_at as "createdAt", a.updated_at as "updatedAt"`;

interface SummaryRow extends Omit<AssessmentSummary, 'verification'> {
  verification: (Omit<Verification, 'recordedAt'> & { recordedAt: string }) | null;
}

function toSummary(row: SummaryRow): AssessmentSummary {
  return {
    ...row,
    verification: row.verification
      ? { ...row.verification, recordedAt: new Date(row.verification.recordedAt) }
      : null,
  };
}

export interface AssessmentWithStatuses extends AssessmentSummary {
  /** KPI code → reported / not available, for completeness (no values). */
  statuses: Map<string, EntryStatus>;
}

/**
 * A city's assessments the user may see (all versions, newest year first),
 * each with its entries' statuses for completeness.
 */
export async function listCityAssessments(
  db: Queryable,
  cityId: string,
): Promise<AssessmentWithStatuses[]> {
  const rows = await db.query<SummaryRow & { statuses: Record<string, EntryStatus> | null }>(
    `select ${summaryColumns},
            (select jsonb_object_agg(v.kpi_code, v.status) from public.kpi_assessment_values v
              where v.assessment_id = a.id) as statuses
       from public.kpi_assessments a
      where a.city_id = $1
      order by a.reporting_year desc, a.version desc
      limit 500`,
    [cityId],
  );
  return rows.map((row) => ({
    ...toSummary(row),
    statuses: new Map(Object.entries(row.statuses ?? {})),
  }));
}

/**
 * One assessment of a city and year: the given version, or the latest one.
 * Null when it does not exist or the user may not see it.
 */
export async function findAssessment(
  db: Queryable,
  cityId: string,
  year: number,
  version?: number,
): Promise<AssessmentSummary | null> {
  const [row] = await db.query<SummaryRow>(
    `select ${summaryColumns} from public.kpi_assessments a
      where a.city_id = $1 and a.reporting_year = $2 and ($3::int is null or a.version = $3::int)
      order by a.version desc limit 1`,
    [cityId, year, version ?? null],
  );
  return row ? toSummary(row) : null;
}

/** The versions of one year (for "other versions"), latest first. */
export async function listAssessmentVersions(
  db: Queryable,
  cityId: string,
  year: number,
): Promise<AssessmentSummary[]> {
  const rows = await db.query<SummaryRow>(
    `select ${summaryColumns} from public.kpi_assessments a
      where a.city_id = $1 and a.reporting_year = $2 order by a.version desc limit 100`,
    [cityId, year],
  );
  return rows.map(toSummary);
}

export interface StoredEntry {
  kpiCode: string;
  entry: KpiEntry;
  shared: boolean;
  updatedAt: Date;
}

interface EntryRow {
  kpiCode: string;
  status: 'reported' | 'not-available';
  value: number | null;
  parts: Record<string, number | null> | null;
  reason: string | null;
  source: string | null;
  methodNote: string | null;
  shared: boolean;
  updatedAt: Date;
}

const entryColumns = `v.kpi_code as "kpiCode", v.status, v.value::float8 as value, v.parts,
  v.not_available_reason as reason, v.source, v.method_note as "methodNote", v.shared,
  v.updated_at as "updatedAt"`;

function toEntry(row: EntryRow): StoredEntry {
  const entry: KpiEntry =
    row.status === 'reported'
      ? {
          status: 'reported',
          value: { value: row.value, parts: row.parts },
          source: row.source ?? '',
          methodNote: row.methodNote,
        }
      : {
          status: 'not-available',
          reason: row.reason ?? '',
          source: row.source,
          methodNote: row.methodNote,
        };
  return { kpiCode: row.kpiCode, entry, shared: row.shared, updatedAt: row.updatedAt };
}

/** Every entry of an assessment the user may see, by KPI code. */
export async function listAssessmentEntries(
  db: Queryable,
  assessmentId: string,
): Promise<Map<string, StoredEntry>> {
  const rows = await db.query<EntryRow>(
    `select ${entryColumns} from public.kpi_assessment_values v
      where v.assessment_id = $1 limit 1000`,
    [assessmentId],
  );
  return new Map(rows.map((row) => [row.kpiCode, toEntry(row)]));
}

export interface StoredTarget {
  kpiCode: string;
  partKey: string;
  baselineYear: number;
  targetValue: number;
  targetYear: number;
}

/** The city's own targets (private to its editors and hub coordinators). */
export function listCityTargets(db: Queryable, cityId: string): Promise<StoredTarget[]> {
  return db.query<StoredTarget>(
    `select t.kpi_code as "kpiCode", t.part_key as "partKey", t.baseline_year::int as "baselineYear",
            t.target_value::float8 as "targetValue", t.target_year::int as "targetYear"
       from public.kpi_targets t where t.city_id = $1 order by t.kpi_code, t.part_key limit 2000`,
    [cityId],
  );
}

export interface YearEntry {
  year: number;
  kpiCode: string;
  status: EntryStatus;
  value: number | null;
  parts: Record<string, number | null> | null;
}

/**
 * A city's values over the years for its dashboard: for each reporting year
 * the latest version's entries (a superseded version is history, not data).
 */
export function listCityValueHistory(db: Queryable, cityId: string): Promise<YearEntry[]> {
  return db.query<YearEntry>(
    `select a.reporting_year::int as year, v.kpi_code as "kpiCode", v.status,
            v.value::float8 as value, v.parts
       from (select distinct on (x.reporting_year) x.id, x.reporting_year
               from public.kpi_assessments x where x.city_id = $1
              order by x.reporting_year, x.version desc) a
       join public.kpi_assessment_values v on v.assessment_id = a.id
      order by a.reporting_year, v.kpi_code
      limit 20000`,
    [cityId],
  );
}

export interface PublishedSnapshot extends AssessmentSummary {
  publishedAt: Date;
}

/** The published snapshot of a city's year, whoever asks (never an unpublished one). */
export async function findPublishedSnapshot(
  db: Queryable,
  cityId: string,
  year: number,
): Promise<PublishedSnapshot | null> {
  const [row] = await db.query<SummaryRow>(
    `select ${summaryColumns} from public.kpi_assessments a
      where a.city_id = $1 and a.reporting_year = $2 and a.published_at is not null limit 1`,
    [cityId, year],
  );
  return row ? (toSummary(row) as PublishedSnapshot) : null;
}

/** The values a published snapshot shares (only those, for editors too). */
export async function listSnapshotEntries(
  db: Queryable,
  assessmentId: string,
): Promise<Map<string, StoredEntry>> {
  const rows = await db.query<EntryRow>(
    `select ${entryColumns} from public.kpi_assessment_values v
       join public.kpi_assessments a on a.id = v.assessment_id and a.published_at is not null
      where v.assessment_id = $1 and v.shared limit 1000`,
    [assessmentId],
  );
  return new Map(rows.map((row) => [row.kpiCode, toEntry(row)]));
}

export interface PublicKpiStatus {
  year: number;
  version: number;
  publishedAt: Date;
  sharedValues: number;
  verification: Verification | null;
}

/**
 * What a city's page says about its KPIs to everyone: its published
 * snapshots, newest year first, with their verification.
 */
export async function listPublishedSnapshots(
  db: Queryable,
  citySlug: string,
): Promise<PublicKpiStatus[]> {
  const rows = await db.query<
    Omit<PublicKpiStatus, 'verification'> & { verification: SummaryRow['verification'] }
  >(
    `select a.reporting_year::int as year, a.version::int as version, a.published_at as "publishedAt",
            (select count(*)::int from public.kpi_assessment_values v
              where v.assessment_id = a.id and v.shared) as "sharedValues",
            case when a.verified_at is null then null else jsonb_build_object(
              'verifier', a.verifier, 'date', to_char(a.verification_date, 'YYYY-MM-DD'),
              'reportUrl', a.verification_report_url, 'scope', a.verification_scope,
              'recordedAt', a.verified_at) end as verification
       from public.kpi_assessments a join public.cities c on c.id = a.city_id
      where c.slug = $1 and a.published_at is not null
      order by a.reporting_year desc limit 100`,
    [citySlug],
  );
  return rows.map((row) => ({
    ...row,
    verification: row.verification
      ? { ...row.verification, recordedAt: new Date(row.verification.recordedAt) }
      : null,
  }));
}

export interface OverviewCity {
  slug: string;
  name: string;
  isDemo: boolean;
  /** The user edits this city (else: coordinates one of its hubs). */
  edits: boolean;
  assessments: {
    year: number;
    version: number;
    verified: boolean;
    published: boolean;
    statuses: Map<string, EntryStatus>;
  }[];
}

/**
 * The cities whose assessments the user looks after (as their editor or a
 * coordinator of one of their hubs), each with which assessments exist
 * (latest version per year) and their entries' statuses, for completeness.
 * No values: the overview never puts cities' figures side by side. Cities
 * are in name order, never ranked.
 */
export async function listAssessmentOverview(db: Queryable): Promise<OverviewCity[]> {
  const rows = await db.query<{
    slug: string;
    name: string;
    isDemo: boolean;
    edits: boolean;
    assessments: {
      year: number;
      version: number;
      verified: boolean;
      published: boolean;
      statuses: Record<string, EntryStatus> | null;
    }[];
  }>(
    `select c.slug, c.name, c.is_demo as "isDemo", public.is_city_editor(c.id) as edits,
            coalesce((
              select jsonb_agg(jsonb_build_object(
                       'year', a.reporting_year, 'version', a.version,
                       'verified', a.verified_at is not null, 'published', a.published_at is not null,
                       'statuses', (select jsonb_object_agg(v.kpi_code, v.status)
                                      from public.kpi_assessment_values v where v.assessment_id = a.id))
                     order by a.reporting_year desc)
                from (select distinct on (x.reporting_year) x.*
                        from public.kpi_assessments x where x.city_id = c.id
                       order by x.reporting_year, x.version desc) a), '[]'::jsonb) as assessments
       from public.cities c
      where c.id in (
              -- The cities of one's roles (read under RLS: one's own memberships), then checked
              -- with the policies' own helpers.
              select m.city_id from public.memberships m
               where m.user_id = (select auth.uid()) and m.role = 'city_editor'
              union
              select hc.city_id from public.hub_cities hc
                join public.memberships m on m.hub_id = hc.hub_id
               where m.user_id = (select auth.uid()) and m.role = 'hub_coordinator')
        and (public.is_city_editor(c.id) or public.is_coordinator_of_city_hub(c.id))
      order by c.name
      limit 500`,
  );
  return rows.map((row) => ({
    ...row,
    assessments: row.assessments.map((a) => ({
      ...a,
      statuses: new Map(Object.entries(a.statuses ?? {})),
    })),
  }));
}

export interface OpenAssessment {
  citySlug: string;
  cityName: string;
  year: number;
  version: number;
  /** KPIs with a value or a reason it is not available. */
  answered: number;
}

/**
 * The open (not yet verified) assessments of these cities, latest version of
 * each year, newest first, for "Your work": how many there are and the first
 * `limit`. Counts of answered KPIs only, no values.
 */
export async function listOpenAssessments(
  db: Queryable,
  cityIds: readonly string[],
  limit: number,
): Promise<{ total: number; items: OpenAssessment[] }> {
  const rows = await db.query<OpenAssessment & { total: number }>(
    `select c.slug as "citySlug", c.name as "cityName", a.reporting_year::int as year,
            a.version::int as version,
            (select count(*)::int from public.kpi_assessment_values v where v.assessment_id = a.id) as answered,
            count(*) over ()::int as total
       from (select distinct on (x.city_id, x.reporting_year) x.*
               from public.kpi_assessments x where x.city_id = any($1::uuid[])
              order by x.city_id, x.reporting_year, x.version desc) a
       join public.cities c on c.id = a.city_id
      where a.verified_at is null
      order by a.reporting_year desc, c.name
      limit ${Number(limit)}`,
    [cityIds],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}
