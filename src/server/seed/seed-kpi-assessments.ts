import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Queryable } from '../db/types';
import { deterministicId } from './deterministic-id';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const code = z.string().regex(/^(EC|EN|SC):[A-Z]{1,3}:[A-Z]{1,3}:[1-9][0-9]?[CA]$/);
const yearKey = z.string().regex(/^\d{4}$/);
const text = z.string().min(2);

/** `supabase/seed/demo-kpi-assessments.json`: invented assessments of the demo cities. */
export const demoKpiAssessmentsSchema = z.object({
  about: z.string(),
  assessments: z.array(
    z.object({
      city: slug,
      years: z.array(z.number().int().min(2000).max(2100)).min(1),
      entries: z.array(
        z
          .object({
            kpi: code,
            source: text.optional(),
            methodNote: text.optional(),
            values: z.record(yearKey, z.number()).optional(),
            parts: z.record(yearKey, z.record(z.string(), z.number().nullable())).optional(),
            notAvailable: z.record(yearKey, text).optional(),
          })
          .refine((e) => [e.values, e.parts, e.notAvailable].filter(Boolean).length === 1, {
            message: 'an entry has exactly one of values, parts and notAvailable',
          }),
      ),
      targets: z.array(
        z.object({
          kpi: code,
          part: z.string().default(''),
          baselineYear: z.number().int(),
          targetValue: z.number(),
          targetYear: z.number().int(),
        }),
      ),
      verification: z
        .object({
          year: z.number().int(),
          verifier: text,
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          reportUrl: z.url(),
          scope: text,
        })
        .optional(),
      snapshot: z.object({ year: z.number().int(), notShared: z.array(code) }).optional(),
    }),
  ),
});
export type DemoKpiAssessments = z.infer<typeof demoKpiAssessmentsSchema>;

interface SeedValueRow {
  kpi_code: string;
  status: 'reported' | 'not-available';
  value: number | null;
  parts: Record<string, number | null> | null;
  reason: string | null;
  source: string | null;
  method_note: string | null;
}

/** Stable id of a demo assessment: `demoAssessmentId('demo-fjordby', 2025)`. */
export function demoAssessmentId(citySlug: string, year: number, version = 1): string {
  return deterministicId('demo-kpi-assessment', `${citySlug}:${year}:${version}`);
}

/**
 * Loads the demo KPI assessments (is_demo = true) from
 * `<seedDir>/demo-kpi-assessments.json` for demo cities already seeded:
 * three years per city with values, sources and "not available" reasons,
 * the cities' own targets, one verified assessment and one published
 * snapshot. Idempotent: rows are upserted by deterministic ids and only
 * differences are written, so a second run changes nothing (and never
 * touches the frozen values of the verified assessment).
 */
export async function seedKpiAssessments(
  db: Queryable,
  seedDir: string,
): Promise<{ assessments: number; values: number }> {
  const demo = demoKpiAssessmentsSchema.parse(
    JSON.parse(fs.readFileSync(path.join(seedDir, 'demo-kpi-assessments.json'), 'utf8')),
  );
  const cityRows = await db.query<{ slug: string; id: string }>(
    'select slug, id from public.cities where is_demo',
  );
  const cityIds = new Map(cityRows.map((row) => [row.slug, row.id]));
  let assessments = 0;
  let values = 0;
  for (const item of demo.assessments) {
    const cityId = cityIds.get(item.city);
    if (!cityId) throw new Error(`Demo KPI assessments name unknown demo city ${item.city}`);
    for (const year of item.years) {
      const id = demoAssessmentId(item.city, year);
      await db.query(
        `insert into public.kpi_assessments (id, city_id, reporting_year, is_demo)
         values ($1, $2, $3, true) on conflict (id) do nothing`,
        [id, cityId, year],
      );
      assessments += 1;
      // A verified assessment is frozen: its values were written before it was verified.
      const [state] = await db.query<{ verified: boolean }>(
        'select verified_at is not null as verified from public.kpi_assessments where id = $1',
        [id],
      );
      if (state?.verified) continue;
      const rows = item.entries.flatMap((entry): SeedValueRow[] => {
        const key = String(year);
        if (entry.notAvailable?.[key]) {
          return [
            {
              kpi_code: entry.kpi,
              status: 'not-available',
              value: null,
              parts: null,
              reason: entry.notAvailable[key],
              source: null,
              method_note: entry.methodNote ?? null,
            },
          ];
        }
        const value = entry.values?.[key];
        const parts = entry.parts?.[key];
        if (value === undefined && parts === undefined) return [];
        return [
          {
            kpi_code: entry.kpi,
            status: 'reported',
            value: value ?? null,
            parts: parts ?? null,
            reason: null,
            source: entry.source ?? 'Demo data',
            method_note: entry.methodNote ?? null,
          },
        ];
      });
      values += rows.length;
      await db.query(
        `insert into public.kpi_assessment_values
           (assessment_id, kpi_code, status, value, parts, not_available_reason, source, method_note)
         select $1, r.kpi_code, r.status, r.value, r.parts, r.reason, r.source, r.method_note
           from jsonb_to_recordset($2::text::jsonb)
             as r(kpi_code text, status text, value numeric, parts jsonb, reason text, source text, method_note text)
         on conflict (assessment_id, kpi_code) do update set
           status = excluded.status, value = excluded.value, parts = excluded.parts,
           not_available_reason = excluded.not_available_reason, source = excluded.source,
           method_note = excluded.method_note
         where (kpi_assessment_values.status, kpi_assessment_values.value, kpi_assessment_values.parts,
                kpi_assessment_values.not_available_reason, kpi_assessment_values.source,
                kpi_assessment_values.method_note)
               is distinct from
               (excluded.status, excluded.value, excluded.parts, excluded.not_available_reason,
                excluded.source, excluded.method_note)`,
        [id, JSON.stringify(rows)],
      );
    }
    for (const target of item.targets) {
      await db.query(
        `insert into public.kpi_targets (city_id, kpi_code, part_key, baseline_year, target_value, target_year)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (city_id, kpi_code, part_key) do update set
           baseline_year = excluded.baseline_year, target_value = excluded.target_value,
           target_year = excluded.target_year
         where (kpi_targets.baseline_year, kpi_targets.target_value, kpi_targets.target_year)
               is distinct from (excluded.baseline_year, excluded.target_value, excluded.target_year)`,
        [
          cityId,
          target.kpi,
          target.part,
          target.baselineYear,
          target.targetValue,
          target.targetYear,
        ],
      );
    }
    if (item.snapshot) {
      // What the snapshot shares is chosen before it is published (and before the freeze).
      await db.query(
        `update public.kpi_assessment_values set shared = not (kpi_code = any($2::text[]))
          where assessment_id = $1 and shared is distinct from not (kpi_code = any($2::text[]))`,
        [demoAssessmentId(item.city, item.snapshot.year), item.snapshot.notShared],
      );
    }
    if (item.verification) {
      const v = item.verification;
      await db.query(
        `update public.kpi_assessments
            set verifier = $2, verification_date = $3::date, verification_report_url = $4,
                verification_scope = $5, verified_at = $3::date + interval '1 day'
          where id = $1 and verified_at is null`,
        [demoAssessmentId(item.city, v.year), v.verifier, v.date, v.reportUrl, v.scope],
      );
    }
    if (item.snapshot) {
      await db.query(
        `update public.kpi_assessments set published_at = now() - interval '30 days'
          where id = $1 and published_at is null`,
        [demoAssessmentId(item.city, item.snapshot.year)],
      );
    }
  }
  return { assessments, values };
}
