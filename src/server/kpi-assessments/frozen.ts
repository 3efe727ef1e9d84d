import type { FieldError } from '../forms';
import type { AssessmentSummary } from './queries';

/**
 * The refusal every change to a verified (or superseded) assessment gets:
 * it says when it was verified and how to correct it (a new version). The
 * database's freeze trigger says the same, should anything get past this.
 */
export function frozenError(assessment: AssessmentSummary): FieldError | null {
  if (assessment.superseded) {
    return {
      field: 'form',
      message: 'kpiAssessments.superseded',
      params: { year: assessment.year, version: assessment.version },
    };
  }
  if (assessment.verification) {
    return {
      field: 'form',
      message: 'kpiAssessments.frozen',
      params: {
        year: assessment.year,
        version: assessment.version,
        date: assessment.verification.date,
      },
    };
  }
  return null;
}
