import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import type { AssessmentSummary } from './queries';

/**
 * The snapshot form: which entries to share (a checkbox per KPI, `share`),
 * then publish; or take the snapshot down.
 */
export const snapshotFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('publish'),
    share: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  }),
  z.object({ intent: z.literal('unpublish') }),
]);

export type SnapshotOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Publishes the snapshot of an assessment's latest version with the entries
 * the city chose (`/cities/<slug>/kpis/<year>`); another version's snapshot
 * of the same year is taken down first (one per year). Allowed on a verified
 * assessment too: what a snapshot shares is the city's choice, the verified
 * figures stay frozen.
 */
export async function publishSnapshot(
  db: RequestDb,
  input: {
    assessment: AssessmentSummary;
    share: readonly string[];
    entryCodes: ReadonlySet<string>;
  },
): Promise<SnapshotOutcome> {
  const { assessment } = input;
  if (assessment.superseded) {
    return {
      ok: false,
      errors: [{ field: 'form', message: 'kpiAssessments.snapshot.superseded' }],
    };
  }
  const unknown = input.share.filter((code) => !input.entryCodes.has(code));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: [{ field: 'share', message: 'kpiAssessments.snapshot.unknownEntry' }],
    };
  }
  try {
    const published = await db.savepoint(async (tx) => {
      await tx.query(
        `update public.kpi_assessment_values set shared = (kpi_code = any($2::text[]))
          where assessment_id = $1 and shared is distinct from (kpi_code = any($2::text[]))`,
        [assessment.id, [...input.share]],
      );
      await tx.query(
        `update public.kpi_assessments set published_at = null
          where city_id = $1 and reporting_year = $2 and id <> $3 and published_at is not null`,
        [assessment.cityId, assessment.year, assessment.id],
      );
      return tx.query(
        'update public.kpi_assessments set published_at = now() where id = $1 returning id',
        [assessment.id],
      );
    });
    if (published.length === 0) {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    return { ok: true };
  } catch (error) {
    if (sqlStateOf(error) === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    throw error;
  }
}

/** Takes an assessment's snapshot down: nothing of it is public any more. */
export async function unpublishSnapshot(
  db: RequestDb,
  input: { assessment: AssessmentSummary },
): Promise<SnapshotOutcome> {
  const rows = await db.query(
    'update public.kpi_assessments set published_at = null where id = $1 and published_at is not null returning id',
    [input.assessment.id],
  );
  if (rows.length === 0) {
    return {
      ok: false,
      errors: [{ field: 'form', message: 'kpiAssessments.snapshot.notPublished' }],
    };
  }
  return { ok: true };
}
