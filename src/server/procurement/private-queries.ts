import type { Queryable } from '../db/types';

/**
 * Reads of what only a process's city editors and admins see in full (and an
 * organization sees of its own): questions with who asked, expressions of
 * interest, bids and their scores. Row-level security enforces it; these
 * queries only shape the rows.
 */

export interface QuestionAsked {
  id: string;
  organizationName: string;
  body: string;
  createdAt: Date;
  answerId: string | null;
}

/** Questions about a process with the asking organization, unanswered first. */
export function listQuestions(db: Queryable, processId: string): Promise<QuestionAsked[]> {
  return db.query<QuestionAsked>(
    `select q.id, o.name as "organizationName", q.body, q.created_at as "createdAt", a.id as "answerId"
       from public.procurement_questions q
       join public.organizations o on o.id = q.organization_id
       left join public.procurement_answers a on a.question_id = q.id
      where q.process_id = $1
      order by (a.id is null) desc, q.created_at limit 500`,
    [processId],
  );
}

export interface Interest {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  message: string;
  listedPublicly: boolean;
  createdAt: Date;
}

/** Expressions of interest in a process (the caller's own organization's, or all for its editors). */
export function listInterests(db: Queryable, processId: string): Promise<Interest[]> {
  return db.query<Interest>(
    `select i.id, o.id as "organizationId", o.name as "organizationName", o.slug as "organizationSlug",
            i.message, i.listed_publicly as "listedPublicly", i.created_at as "createdAt"
       from public.procurement_interests i join public.organizations o on o.id = i.organization_id
      where i.process_id = $1 order by i.created_at limit 500`,
    [processId],
  );
}

export interface Bid {
  id: string;
  organizationId: string | null;
  organizationSlug: string | null;
  bidderName: string;
  amount: number | null;
  currency: string | null;
  summary: string;
  receivedOn: string;
  /** Weighted score 0–100 over the criteria scored so far, or null when none is. */
  weightedScore: number | null;
  scoredCriteria: number;
}

/** Bids received, best weighted score first. */
export function listBids(db: Queryable, processId: string): Promise<Bid[]> {
  return db.query<Bid>(
    `select b.id, b.organization_id as "organizationId",
            case when o.status = 'verified' then o.slug end as "organizationSlug", b.bidder_name as "bidderName",
            b.amount::float8 as amount, b.currency, b.summary, to_char(b.received_on, 'YYYY-MM-DD') as "receivedOn",
            (select round(sum(s.score * c.weight) / 100.0, 2)::float8 from public.procurement_scores s
               join public.procurement_criteria c on c.id = s.criterion_id where s.bid_id = b.id) as "weightedScore",
            (select count(*)::int from public.procurement_scores s where s.bid_id = b.id) as "scoredCriteria"
       from public.procurement_bids b left join public.organizations o on o.id = b.organization_id
      where b.process_id = $1
      order by "weightedScore" desc nulls last, b.received_on, b.id limit 200`,
    [processId],
  );
}

export interface Score {
  bidId: string;
  criterionId: string;
  score: number;
  note: string;
}

/** Every score given on a process. */
export function listScores(db: Queryable, processId: string): Promise<Score[]> {
  return db.query<Score>(
    `select bid_id as "bidId", criterion_id as "criterionId", score::float8 as score, note
       from public.procurement_scores where process_id = $1 limit 4000`,
    [processId],
  );
}

export interface DirectoryOrganization {
  id: string;
  name: string;
}

/** Verified organizations to choose a bidder or supplier from (the directory). */
export function listDirectoryOrganizations(db: Queryable): Promise<DirectoryOrganization[]> {
  return db.query<DirectoryOrganization>(
    `select o.id, o.name from public.organizations o where o.status = 'verified'
      order by o.is_demo, o.name limit 1000`,
  );
}

/** How many organizations were told about the notice by mail. */
export async function countNotified(db: Queryable, processId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int as n from public.procurement_notifications where process_id = $1',
    [processId],
  );
  return row?.n ?? 0;
}

/**
 * The themes the given organizations chose to follow, by organization; an
 * organization that has not chosen is absent (it follows its offerings'
 * themes). Row-level security shows the caller its own organizations' choice.
 */
export async function listThemeChoices(
  db: Queryable,
  organizationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db.query<{ organizationId: string; themes: string[] }>(
    `select organization_id as "organizationId", themes from public.procurement_theme_follows
      where organization_id = any ($1::uuid[])`,
    [[...organizationIds]],
  );
  return new Map(rows.map((row) => [row.organizationId, row.themes]));
}

/**
 * The same, for the mail of a notice being published: only the process's
 * city editors get an answer (`procurement_theme_choices`, security definer),
 * and only about the organizations the notice matches.
 */
export async function listThemeChoicesForNotice(
  db: Queryable,
  processId: string,
  organizationIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await db.query<{ organizationId: string; themes: string[] }>(
    `select organization_id as "organizationId", themes
       from public.procurement_theme_choices($1, $2::uuid[])`,
    [processId, [...organizationIds]],
  );
  return new Map(rows.map((row) => [row.organizationId, row.themes]));
}
