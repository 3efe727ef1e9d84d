import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';
import { frozenError } from './frozen';
import type { AssessmentSummary } from './queries';

/**
 * The verification form: who verified the assessment (the third party), on
 * which date, the link to their report, and what they verified (the scope).
 */
export function verificationFormSchema(reportingYear: number, today: string) {
  return z.object({
    intent: z.literal('verify'),
    verifier: z
      .string()
      .trim()
      .min(2, 'kpiAssessments.verification.verifierRequired')
      .max(200, 'kpiAssessments.verification.verifierLong'),
    date: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'kpiAssessments.verification.dateInvalid')
      .refine(
        (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)),
        'kpiAssessments.verification.dateInvalid',
      )
      .refine((d) => d >= `${reportingYear}-01-01`, 'kpiAssessments.verification.dateBeforeYear')
      .refine((d) => d <= today, 'kpiAssessments.verification.dateFuture'),
    reportUrl: z
      .string()
      .trim()
      .max(2000, 'kpiAssessments.verification.reportUrlInvalid')
      .pipe(
        z.url({ protocol: /^https?$/, message: 'kpiAssessments.verification.reportUrlInvalid' }),
      ),
    scope: z
      .string()
      .trim()
      .min(2, 'kpiAssessments.verification.scopeRequired')
      .max(1000, 'kpiAssessments.verification.scopeLong'),
  });
}
export type VerificationForm = z.output<ReturnType<typeof verificationFormSchema>>;

export type RecordVerificationOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Records the third-party verification of an assessment's latest version.
 * From then on the assessment is frozen (database triggers): corrections
 * go into a new version. RLS lets only the city's editors record it.
 */
export async function recordVerification(
  db: RequestDb,
  input: { assessment: AssessmentSummary; form: VerificationForm },
): Promise<RecordVerificationOutcome> {
  const frozen = frozenError(input.assessment);
  if (frozen) return { ok: false, errors: [frozen] };
  const { form } = input;
  try {
    const rows = await db.savepoint((tx) =>
      tx.query(
        `update public.kpi_assessments
            set verifier = $2, verification_date = $3::date, verification_report_url = $4,
                verification_scope = $5, verified_at = now()
          where id = $1 and verified_at is null
          returning id`,
        [input.assessment.id, form.verifier, form.date, form.reportUrl, form.scope],
      ),
    );
    if (rows.length === 0) {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    return { ok: true };
  } catch (error) {
    const code = sqlStateOf(error);
    if (code === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    if (code === '23514') {
      return {
        ok: false,
        errors: [{ field: 'date', message: 'kpiAssessments.verification.dateInvalid' }],
      };
    }
    throw error;
  }
}
