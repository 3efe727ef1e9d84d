import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  fundingSources,
  partnerRoles,
  projectStatuses,
  sexDisaggregationOptions,
  workflowStatuses,
} from '../../lib/case-studies/vocabulary';
import { kpiCodePattern } from '../../lib/kpis/framework';
import { isSdgTarget } from '../../lib/sdgs';
import { valueBands } from '../../lib/taxonomy/bands';
import { countryCodeSchema, regionKeys } from '../../lib/taxonomy/countries';
import { themeKeys } from '../../lib/taxonomy/themes';
import type { Queryable } from '../db/types';
import { deterministicId } from './deterministic-id';
import { demoUserId } from './seed-demo';
import { upsertCities } from './upsert-places';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const citySchema = z.object({
  slug,
  /** Present for the cities this file adds; absent for demo.json's, which it only describes. */
  name: z.string().optional(),
  country: countryCodeSchema.optional(),
  region: z.enum(regionKeys).optional(),
  hubs: z.array(slug).default([]),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  population: z.number().int().nonnegative(),
  populationYear: z.number().int(),
  sdgPriorities: z.array(z.number().int().min(1).max(17)),
  profile: z.string().max(1500),
  contactEmail: z.email(),
  websiteUrl: z.url(),
});

const caseStudySchema = z.object({
  slug,
  city: slug,
  partnerCities: z.array(slug).default([]),
  author: slug,
  title: z.string().min(3).max(200),
  summary: z.string().max(600),
  challenge: z.string().max(4000),
  solution: z.string().max(4000),
  results: z
    .array(
      z.object({
        label: z.string().min(1).max(160),
        value: z.number(),
        unit: z.string().min(1).max(40),
        baseline: z.number().nullable(),
        measuredOn: date,
      }),
    )
    .default([]),
  projectStatus: z.enum(projectStatuses),
  startedOn: date.optional(),
  endedOn: date.optional(),
  budgetBand: z.enum(valueBands.map((band) => band.key) as [string, ...string[]]).optional(),
  fundingSources: z.array(z.enum(fundingSources)).default([]),
  fundingNote: z.string().default(''),
  sdgGoals: z.array(z.number().int().min(1).max(17)),
  sdgTargets: z.array(z.string().refine(isSdgTarget)).default([]),
  themes: z.array(z.enum(themeKeys)),
  kpiCodes: z.array(z.string().regex(kpiCodePattern)).default([]),
  technologies: z.array(z.string().max(60)).default([]),
  deliverables: z.array(slug).default([]),
  partners: z
    .array(
      z.object({
        organization: slug,
        role: z.enum(partnerRoles),
        contribution: z.string().default(''),
      }),
    )
    .default([]),
  beneficiaries: z.string().default(''),
  sexDisaggregated: z.enum(sexDisaggregationOptions),
  genderParticipation: z.string().default(''),
  lessons: z.string().default(''),
  transferability: z.string().default(''),
  contactRole: z.string().default(''),
  language: z.string().regex(/^[a-z]{2}$/),
  status: z.enum(workflowStatuses),
  /** Days before the first seed run it was published (kept on later runs). */
  publishedDaysAgo: z.number().int().nonnegative().nullable().optional(),
  verifiedBy: slug.optional(),
  comments: z
    .array(
      z.object({
        author: slug,
        decision: z.enum(['submitted', 'changes_requested', 'published', 'unpublished']).nullable(),
        body: z.string().min(1),
      }),
    )
    .default([]),
});

/** `supabase/seed/demo-case-studies.json`: invented case studies, their cities and partners. */
export const demoCaseStudiesSchema = z.object({
  about: z.string(),
  cities: z.array(citySchema),
  caseStudies: z.array(caseStudySchema),
});
export type DemoCaseStudies = z.infer<typeof demoCaseStudiesSchema>;

/** `supabase/seed/reference-city-kpi-status.json`: the reference cities' U4SSC KPI facts. */
export const cityKpiStatusSchema = z.object({
  about: z.string(),
  cities: z.array(
    z.object({
      slug,
      year: z.number().int().nullable(),
      verified: z.boolean().nullable(),
      reportUrl: z.url().nullable(),
      basis: z.string(),
    }),
  ),
});

/** Stable id of a demo case study, for tests: `demoCaseStudyId('demo-fjordby-on-demand-buses')`. */
export function demoCaseStudyId(key: string): string {
  return deterministicId('demo-case-study', key);
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The U4SSC KPI status of the reference cities (year of the report, third-party
 * verification, report link), from their sources. Real data: seeded with or
 * without the demo records. Only differences are written.
 */
export async function seedCityKpiStatus(db: Queryable, seedDir: string): Promise<number> {
  const data = cityKpiStatusSchema.parse(
    readJson(path.join(seedDir, 'reference-city-kpi-status.json')),
  );
  await db.query(
    `update public.cities c set kpi_year = s.year, kpi_verified = s.verified, kpi_report_url = s.report_url
       from jsonb_to_recordset($1::text::jsonb) as s(slug text, year smallint, verified boolean, report_url text)
      where c.slug = s.slug
        and (c.kpi_year, c.kpi_verified, c.kpi_report_url) is distinct from (s.year, s.verified, s.report_url)`,
    [
      JSON.stringify(
        data.cities.map((city) => ({
          slug: city.slug,
          year: city.year,
          verified: city.verified,
          report_url: city.reportUrl,
        })),
      ),
    ],
  );
  return data.cities.length;
}

/**
 * The demo case studies (is_demo = true) with their cities' profiles and
 * their links (partners: the verified organizations of demo-organizations.json), in every workflow state. Upserts
 * by slug and writes only differences, so a second run changes nothing (no
 * revision, no comment, no new id); publication dates stay those of the
 * first run. Runs as the owner, past the workflow guard: the states are set
 * as they would stand after their reviews.
 */
export async function seedCaseStudies(
  db: Queryable,
  seedDir: string,
): Promise<{ caseStudies: number; cities: number }> {
  const demo = demoCaseStudiesSchema.parse(readJson(path.join(seedDir, 'demo-case-studies.json')));
  const hubRows = await db.query<{ slug: string; id: string }>('select slug, id from public.hubs');
  const hubIds = new Map(hubRows.map((row) => [row.slug, row.id]));

  const added = demo.cities.filter((city) => city.name);
  await upsertCities(
    db,
    added.map((city) => ({
      slug: city.slug,
      name: city.name!,
      country: city.country!,
      region: city.region!,
      latitude: city.latitude!,
      longitude: city.longitude!,
      hubs: city.hubs,
      uncertain: false,
    })),
    hubIds,
    true,
  );
  await db.query(
    `update public.cities c set population = p.population, population_year = p.population_year,
            sdg_priorities = p.sdg_priorities, profile = p.profile, contact_email = p.contact_email,
            website_url = p.website_url
       from jsonb_to_recordset($1::text::jsonb) as p(slug text, population integer, population_year smallint,
            sdg_priorities smallint[], profile text, contact_email text, website_url text)
      where c.slug = p.slug and c.is_demo
        and (c.population, c.population_year, c.sdg_priorities, c.profile, c.contact_email, c.website_url)
            is distinct from (p.population, p.population_year, p.sdg_priorities, p.profile, p.contact_email, p.website_url)`,
    [
      JSON.stringify(
        demo.cities.map((city) => ({
          slug: city.slug,
          population: city.population,
          population_year: city.populationYear,
          sdg_priorities: city.sdgPriorities,
          profile: city.profile,
          contact_email: city.contactEmail,
          website_url: city.websiteUrl,
        })),
      ),
    ],
  );

  const ids = async (table: string, where = 'true') => {
    const rows = await db.query<{ key: string; id: string }>(
      `select slug as key, id from public.${table} where ${where}`,
    );
    return new Map(rows.map((row) => [row.key, row.id]));
  };
  const [cityIds, orgIds, deliverableIds] = [
    await ids('cities'),
    // The partners domain's demo organizations; only verified ones may be linked.
    await ids('organizations', "status = 'verified'"),
    await ids('deliverables'),
  ];
  const need = (map: Map<string, string>, key: string, what: string, owner: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Demo case study ${owner} names unknown ${what} ${key}`);
    return id;
  };

  const day = 24 * 3600 * 1000;
  for (const item of demo.caseStudies) {
    const id = demoCaseStudyId(item.slug);
    const leadCityId = need(cityIds, item.city, 'city', item.slug);
    const publishedAt =
      item.publishedDaysAgo === null || item.publishedDaysAgo === undefined
        ? null
        : new Date(Date.now() - item.publishedDaysAgo * day);
    const verifiedHubId = item.verifiedBy ? need(hubIds, item.verifiedBy, 'hub', item.slug) : null;
    const author = demoUserId(item.author);
    const values = [
      id,
      item.slug,
      leadCityId,
      item.title,
      item.summary,
      item.challenge,
      item.solution,
      JSON.stringify(item.results),
      item.projectStatus,
      item.startedOn ?? null,
      item.endedOn ?? null,
      item.budgetBand ?? null,
      item.fundingSources,
      item.fundingNote,
      [...new Set([...item.sdgGoals, ...item.sdgTargets.map((t) => Number(t.split('.')[0]))])].sort(
        (a, b) => a - b,
      ),
      item.sdgTargets,
      themeKeys.filter((key) => item.themes.includes(key)),
      item.technologies,
      item.beneficiaries,
      item.sexDisaggregated,
      item.genderParticipation,
      item.lessons,
      item.transferability,
      item.contactRole,
      item.language,
      item.status,
      author,
      publishedAt,
      verifiedHubId,
    ];
    await db.query(
      `insert into public.case_studies (id, slug, lead_city_id, title, summary, challenge, solution, results,
         project_status, started_on, ended_on, budget_band, funding_sources, funding_note, sdg_goals, sdg_targets,
         themes, technologies, beneficiaries, sex_disaggregated, gender_participation, lessons, transferability,
         contact_role, language, status, author_id, updated_by, submitted_by, submitted_at, published_at,
         verified_by_hub_id, verified_at, is_demo)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10::date, $11::date, $12, $13::text[], $14,
         $15::smallint[], $16::text[], $17::text[], $18::text[], $19, $20, $21, $22, $23, $24, $25, $26, $27::uuid, $27::uuid,
         case when $26::text = 'draft' then null else $27::uuid end,
         case when $26::text = 'draft' then null else coalesce($28::timestamptz, now()) end,
         $28::timestamptz, $29::uuid, case when $29::uuid is null then null else $28::timestamptz end, true)
       on conflict (slug) do update set
         title = excluded.title, summary = excluded.summary, challenge = excluded.challenge,
         solution = excluded.solution, results = excluded.results, project_status = excluded.project_status,
         started_on = excluded.started_on, ended_on = excluded.ended_on, budget_band = excluded.budget_band,
         funding_sources = excluded.funding_sources, funding_note = excluded.funding_note,
         sdg_goals = excluded.sdg_goals, sdg_targets = excluded.sdg_targets, themes = excluded.themes,
         technologies = excluded.technologies, beneficiaries = excluded.beneficiaries,
         sex_disaggregated = excluded.sex_disaggregated, gender_participation = excluded.gender_participation,
         lessons = excluded.lessons, transferability = excluded.transferability,
         contact_role = excluded.contact_role, language = excluded.language, status = excluded.status,
         published_at = coalesce(case_studies.published_at, excluded.published_at),
         verified_by_hub_id = excluded.verified_by_hub_id,
         verified_at = case when excluded.verified_by_hub_id is null then null
                            else coalesce(case_studies.verified_at, excluded.verified_at) end,
         is_demo = true
       where (case_studies.title, case_studies.summary, case_studies.challenge, case_studies.solution,
              case_studies.results, case_studies.project_status, case_studies.started_on, case_studies.ended_on,
              case_studies.budget_band, case_studies.funding_sources, case_studies.funding_note,
              case_studies.sdg_goals, case_studies.sdg_targets, case_studies.themes, case_studies.technologies,
              case_studies.beneficiaries, case_studies.sex_disaggregated, case_studies.gender_participation,
              case_studies.lessons, case_studies.transferability, case_studies.contact_role,
              case_studies.language, case_studies.status, case_studies.verified_by_hub_id)
             is distinct from
             (excluded.title, excluded.summary, excluded.challenge, excluded.solution, excluded.results,
              excluded.project_status, excluded.started_on, excluded.ended_on, excluded.budget_band,
              excluded.funding_sources, excluded.funding_note, excluded.sdg_goals, excluded.sdg_targets,
              excluded.themes, excluded.technologies, excluded.beneficiaries, excluded.sex_disaggregated,
              excluded.gender_participation, excluded.lessons, excluded.transferability,
              excluded.contact_role, excluded.language, excluded.status, excluded.verified_by_hub_id)`,
      values,
    );
    const [row] = await db.query<{ id: string }>(
      'select id from public.case_studies where slug = $1',
      [item.slug],
    );
    const caseStudyId = row!.id;
    await writeSeedLinks(db, caseStudyId, {
      cities: item.partnerCities.map((key) => need(cityIds, key, 'city', item.slug)),
      kpis: item.kpiCodes,
      deliverables: item.deliverables.map((key) =>
        need(deliverableIds, key, 'deliverable', item.slug),
      ),
      partners: item.partners.map((partner, position) => ({
        organization_id: need(orgIds, partner.organization, 'organization', item.slug),
        role: partner.role,
        contribution: partner.contribution,
        position,
      })),
    });
    // The review conversation, written once (a later run finds it there).
    const [existing] = await db.query<{ n: number }>(
      'select count(*)::int as n from public.case_study_comments where case_study_id = $1',
      [caseStudyId],
    );
    if (existing!.n === 0) {
      for (const comment of item.comments) {
        await db.query(
          `insert into public.case_study_comments (case_study_id, author_id, decision, body) values ($1, $2, $3, $4)`,
          [caseStudyId, demoUserId(comment.author), comment.decision, comment.body],
        );
      }
    }
  }
  return { caseStudies: demo.caseStudies.length, cities: added.length };
}

/** The links of a seeded case study, written only where they differ. */
async function writeSeedLinks(
  db: Queryable,
  id: string,
  links: {
    cities: string[];
    kpis: string[];
    deliverables: string[];
    partners: { organization_id: string; role: string; contribution: string; position: number }[];
  },
): Promise<void> {
  const pairs: [string, string, string, unknown[]][] = [
    ['case_study_cities', 'city_id', 'uuid', links.cities],
    ['case_study_kpis', 'kpi_code', 'text', links.kpis],
    ['case_study_deliverables', 'deliverable_id', 'uuid', links.deliverables],
  ];
  for (const [table, column, type, values] of pairs) {
    await db.query(
      `delete from public.${table} where case_study_id = $1 and ${column} <> all ($2::${type}[])`,
      [id, values],
    );
    await db.query(
      `insert into public.${table} (case_study_id, ${column}) select $1, unnest($2::${type}[]) on conflict do nothing`,
      [id, values],
    );
  }
  const partners = JSON.stringify(links.partners);
  await db.query(
    `delete from public.case_study_partners where case_study_id = $1
        and organization_id <> all (array(select (p ->> 'organization_id')::uuid from jsonb_array_elements($2::text::jsonb) as p))`,
    [id, partners],
  );
  await db.query(
    `insert into public.case_study_partners (case_study_id, organization_id, role, contribution, position)
     select $1, p.organization_id, p.role, p.contribution, p.position
       from jsonb_to_recordset($2::text::jsonb) as p(organization_id uuid, role text, contribution text, position smallint)
     on conflict (case_study_id, organization_id) do update
       set role = excluded.role, contribution = excluded.contribution, position = excluded.position
       where (case_study_partners.role, case_study_partners.contribution, case_study_partners.position)
             is distinct from (excluded.role, excluded.contribution, excluded.position)`,
    [id, partners],
  );
}
