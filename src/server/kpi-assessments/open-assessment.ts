import { z } from 'zod';
import { reportingYearSchema } from '../../lib/kpi-assessments/sections';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';

/** "Open an assessment for a reporting year": from 2000 to the current year. */
export function openAssessmentFormSchema(currentYear: number) {
  return z.object({ intent: z.literal('open'), year: reportingYearSchema(currentYear) });
}

export type OpenAssessmentOutcome =
  { ok: true; year: number } | { ok: false; errors: FieldError[] };

/**
 * Opens a city's assessment for a reporting year (version 1). RLS lets only
 * the city's editors do it; a year that already has one is refused with a
 * message that leads to it.
 */
export async function openAssessment(
  db: RequestDb,
  input: { cityId: string; year: number },
): Promise<OpenAssessmentOutcome> {
  try {
    await db.savepoint((tx) =>
      tx.query(
        'insert into public.kpi_assessments (city_id, reporting_year) values ($1, $2) returning id',
        [input.cityId, input.year],
      ),
    );
    return { ok: true, year: input.year };
  } catch (error) {
    const code = sqlStateOf(error);
    if (code === '23505') {
      return {
        ok: false,
        errors: [
          { field: 'year', message: 'kpiAssessments.open.exists', params: { year: input.year } },
        ],
      };
    }
    if (code === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    throw error;
  }
}
