import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import type { AssessmentSummary } from './queries';

/** Deleting asks for a ticked confirmation: it takes every entry (and the snapshot) with it. */
export const deleteAssessmentFormSchema = z.object({
  intent: z.literal('delete'),
  confirm: z.literal('yes', { message: 'kpiAssessments.delete.confirmRequired' }),
});

export type DeleteAssessmentOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Deletes an open (unverified) assessment with its entries, e.g. one opened
 * for the wrong year; a new version deleted leaves the verified version it
 * superseded as the year's latest. A verified assessment is never deleted
 * (the database refuses it too): it is corrected by a new version.
 */
export async function deleteAssessment(
  db: RequestDb,
  input: { assessment: AssessmentSummary },
): Promise<DeleteAssessmentOutcome> {
  const { assessment } = input;
  if (assessment.verification) {
    return { ok: false, errors: [{ field: 'form', message: 'kpiAssessments.delete.verified' }] };
  }
  try {
    const deleted = await db.savepoint(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        'delete from public.kpi_assessments where id = $1 and verified_at is null returning id',
        [assessment.id],
      );
      return rows.length > 0;
    });
    if (deleted) return { ok: true };
  } catch (error) {
    if (sqlStateOf(error) !== '42501') throw error;
  }
  return { ok: false, errors: [{ field: 'form', message: 'kpiAssessments.delete.refused' }] };
}
