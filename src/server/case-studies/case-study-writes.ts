import type { Queryable } from '../db/types';
import type { FieldError } from '../forms';
import type { CaseStudyInput } from './case-study-form';

/**
 * What creating and updating a case study share: the references only the
 * database can check, the content columns, writing the links, submitting.
 */

export type SaveCaseStudyOutcome =
  { ok: true; id: string; slug: string } | { ok: false; errors: FieldError[] };

export interface References {
  kpiCodes: string[];
  deliverableIds: string[];
  partnerCityIds: string[];
}

/**
 * Checks what only the database knows, naming each value it refuses: KPI
 * codes of the catalogue, published deliverables, verified organizations,
 * cities of the portal (not the lead city itself).
 */
export async function resolveReferences(
  db: Queryable,
  form: CaseStudyInput,
  leadCityId: string,
): Promise<{ ok: true; refs: References } | { ok: false; errors: FieldError[] }> {
  const [row] = await db.query<{
    kpis: string[];
    deliverables: { slug: string; id: string }[];
    organizations: string[];
    cities: { slug: string; id: string }[];
  }>(
    `select
       array(select k.code from public.kpis k where k.code = any ($1::text[])) as kpis,
       coalesce((select jsonb_agg(jsonb_build_object('slug', d.slug, 'id', d.id)) from public.deliverables d
                  where d.slug = any ($2::text[]) and d.published), '[]'::jsonb) as deliverables,
       array(select o.id::text from public.organizations o
              where o.id = any ($3::uuid[]) and o.status = 'verified') as organizations,
       coalesce((select jsonb_agg(jsonb_build_object('slug', c.slug, 'id', c.id)) from public.cities c
                  where c.slug = any ($4::text[])), '[]'::jsonb) as cities`,
    [
      form.kpiCodes,
      form.deliverableSlugs,
      form.partners.map((p) => p.organizationId),
      form.partnerCitySlugs,
    ],
  );
  const errors: FieldError[] = [];
  const unknownKpi = form.kpiCodes.find((code) => !row!.kpis.includes(code));
  if (unknownKpi)
    errors.push({
      field: 'kpi_codes',
      message: 'caseStudy.error.kpiUnknown',
      params: { value: unknownKpi },
    });
  const unknownDeliverable = form.deliverableSlugs.find(
    (slug) => !row!.deliverables.some((d) => d.slug === slug),
  );
  if (unknownDeliverable)
    errors.push({
      field: 'deliverables',
      message: 'caseStudy.error.deliverable',
      params: { value: unknownDeliverable },
    });
  form.partners.forEach((partner, index) => {
    if (!row!.organizations.includes(partner.organizationId))
      errors.push({
        field: `partner_org_${index + 1}`,
        message: 'caseStudy.error.partner',
        params: { value: partner.organizationId },
      });
  });
  const partnerCityIds: string[] = [];
  form.partnerCitySlugs.forEach((slug, index) => {
    const city = row!.cities.find((c) => c.slug === slug);
    if (!city)
      errors.push({
        field: `partner_city_${index + 1}`,
        message: 'caseStudy.error.city',
        params: { value: slug },
      });
    else if (city.id === leadCityId)
      errors.push({ field: `partner_city_${index + 1}`, message: 'caseStudy.error.cityIsLead' });
    else partnerCityIds.push(city.id);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    refs: {
      kpiCodes: form.kpiCodes,
      deliverableIds: form.deliverableSlugs.map(
        (slug) => row!.deliverables.find((d) => d.slug === slug)!.id,
      ),
      partnerCityIds,
    },
  };
}

/** The content columns in the order of `contentParams`, each with its cast. */
const contentColumnList = [
  ['title', ''],
  ['summary', ''],
  ['challenge', ''],
  ['solution', ''],
  ['results', '::text::jsonb'],
  ['project_status', ''],
  ['started_on', '::date'],
  ['ended_on', '::date'],
  ['budget_band', ''],
  ['funding_sources', '::text[]'],
  ['funding_note', ''],
  ['sdg_goals', '::smallint[]'],
  ['sdg_targets', '::text[]'],
  ['themes', '::text[]'],
  ['technologies', '::text[]'],
  ['beneficiaries', ''],
  ['sex_disaggregated', ''],
  ['gender_participation', ''],
  ['lessons', ''],
  ['transferability', ''],
  ['contact_role', ''],
  ['body', '::text::jsonb'],
  ['language', ''],
] as const;
/** `title = $2, summary = $3, …` (the id is $1). */
export const contentAssignments = contentColumnList
  .map(([column, cast], index) => `${column} = $${index + 2}${cast}`)
  .join(', ');
/** `title, summary, …` and `$4, $5, …` for an insert whose first three values are slug, city, author. */
export const contentInsertColumns = contentColumnList.map(([column]) => column).join(', ');
export const contentInsertValues = contentColumnList
  .map(([, cast], index) => `$${index + 4}${cast}`)
  .join(', ');

export function contentParams(form: CaseStudyInput): unknown[] {
  return [
    form.title,
    form.summary,
    form.challenge,
    form.solution,
    JSON.stringify(form.results),
    form.projectStatus,
    form.startedOn,
    form.endedOn,
    form.budgetBand,
    form.fundingSources,
    form.fundingNote,
    form.sdgGoals,
    form.sdgTargets,
    form.themes,
    form.technologies,
    form.beneficiaries,
    form.sexDisaggregated,
    form.genderParticipation,
    form.lessons,
    form.transferability,
    form.contactRole,
    JSON.stringify(form.body),
    form.language,
  ];
}

/**
 * Makes the links of a case study what the form says, writing only the
 * differences (so an unchanged save records no link change).
 */
export async function writeLinks(
  tx: Queryable,
  id: string,
  form: CaseStudyInput,
  refs: References,
): Promise<void> {
  await tx.query(
    `delete from public.case_study_cities where case_study_id = $1 and city_id <> all ($2::uuid[])`,
    [id, refs.partnerCityIds],
  );
  await tx.query(
    `insert into public.case_study_cities (case_study_id, city_id)
     select $1, unnest($2::uuid[]) on conflict do nothing`,
    [id, refs.partnerCityIds],
  );
  await tx.query(
    `delete from public.case_study_kpis where case_study_id = $1 and kpi_code <> all ($2::text[])`,
    [id, refs.kpiCodes],
  );
  await tx.query(
    `insert into public.case_study_kpis (case_study_id, kpi_code)
     select $1, unnest($2::text[]) on conflict do nothing`,
    [id, refs.kpiCodes],
  );
  await tx.query(
    `delete from public.case_study_deliverables where case_study_id = $1 and deliverable_id <> all ($2::uuid[])`,
    [id, refs.deliverableIds],
  );
  await tx.query(
    `insert into public.case_study_deliverables (case_study_id, deliverable_id)
     select $1, unnest($2::uuid[]) on conflict do nothing`,
    [id, refs.deliverableIds],
  );
  const partners = form.partners.map((p, position) => ({
    organization_id: p.organizationId,
    role: p.role,
    contribution: p.contribution,
    position,
  }));
  await tx.query(
    `delete from public.case_study_partners where case_study_id = $1 and organization_id <> all ($2::uuid[])`,
    [id, partners.map((p) => p.organization_id)],
  );
  await tx.query(
    `update public.case_study_partners cp set role = p.role, contribution = p.contribution, position = p.position
       from jsonb_to_recordset($2::text::jsonb) as p(organization_id uuid, role text, contribution text, position smallint)
      where cp.case_study_id = $1 and cp.organization_id = p.organization_id
        and (cp.role, cp.contribution, cp.position) is distinct from (p.role, p.contribution, p.position)`,
    [id, JSON.stringify(partners)],
  );
  await tx.query(
    `insert into public.case_study_partners (case_study_id, organization_id, role, contribution, position)
     select $1, p.organization_id, p.role, p.contribution, p.position
       from jsonb_to_recordset($2::text::jsonb) as p(organization_id uuid, role text, contribution text, position smallint)
     on conflict (case_study_id, organization_id) do nothing`,
    [id, JSON.stringify(partners)],
  );
}

/** Moves a case study into review, with the author's note to the reviewers if any. */
export async function submitWithin(
  tx: Queryable,
  id: string,
  userId: string,
  note?: string,
): Promise<void> {
  const rows = await tx.query(
    `update public.case_studies set status = 'submitted'
      where id = $1 and status in ('draft', 'changes_requested', 'unpublished') returning id`,
    [id],
  );
  if (rows.length === 0) throw Object.assign(new Error('cannot submit'), { code: '42501' });
  if (note?.trim())
    await tx.query(
      `insert into public.case_study_comments (case_study_id, author_id, decision, body)
       values ($1, $2, 'submitted', $3)`,
      [id, userId, note.trim()],
    );
}
