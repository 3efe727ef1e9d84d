import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import type { AssessmentSummary } from './queries';

export const openNewVersionFormSchema = z.object({ intent: z.literal('new-version') });

export type OpenNewVersionOutcome =
  { ok: true; version: number } | { ok: false; errors: FieldError[] };

/**
 * Supersedes a verified assessment with a new version of the same year,
 * which starts as a copy of its entries (and of what its snapshot shares) and
 * can be edited; the verified version stays as it is, readable. The
 * database allows it only for the latest version, once verified.
 */
export async function openNewVersion(
  db: RequestDb,
  input: { assessment: AssessmentSummary },
): Promise<OpenNewVersionOutcome> {
  const { assessment } = input;
  if (!assessment.verification || assessment.superseded) {
    return {
      ok: false,
      errors: [{ field: 'form', message: 'kpiAssessments.newVersion.notVerified' }],
    };
  }
  try {
    const version = await db.savepoint(async (tx) => {
      const [created] = await tx.query<{ id: string; version: number }>(
        `insert into public.kpi_assessments (city_id, reporting_year, supersedes_id)
         values ($1, $2, $3) returning id, version::int as version`,
        [assessment.cityId, assessment.year, assessment.id],
      );
      await tx.query(
        `insert into public.kpi_assessment_values
           (assessment_id, kpi_code, status, value, parts, not_available_reason, source, method_note, shared)
         select $1, v.kpi_code, v.status, v.value, v.parts, v.not_available_reason, v.source, v.method_note, v.shared
           from public.kpi_assessment_values v where v.assessment_id = $2`,
        [created!.id, assessment.id],
      );
      return created!.version;
    });
    return { ok: true, version };
  } catch (error) {
    if (sqlStateOf(error) === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.newVersion.refused' }],
      };
    }
    throw error;
  }
}
