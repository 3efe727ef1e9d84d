import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';
import type { ReviewedCaseStudy } from './review-case-study';

/**
 * Sets or removes the "Verified by <hub>" badge of a published case study
 * (a reviewer, for a hub of the lead city they coordinate; never their own).
 */
export async function setCaseStudyVerification(
  db: RequestDb,
  input: { caseStudy: ReviewedCaseStudy; userId: string; hubId: string | null },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const { caseStudy, userId, hubId } = input;
  if (caseStudy.status !== 'published')
    return {
      ok: false,
      errors: [{ field: 'verify_hub', message: 'caseStudy.review.error.verifyUnpublished' }],
    };
  if (hubId && (caseStudy.authorId === userId || caseStudy.submittedBy === userId))
    return {
      ok: false,
      errors: [{ field: 'verify_hub', message: 'caseStudy.review.error.ownVerify' }],
    };
  if (hubId && !caseStudy.cityHubs.some((hub) => hub.id === hubId))
    return {
      ok: false,
      errors: [{ field: 'verify_hub', message: 'caseStudy.review.error.verifyHub' }],
    };
  try {
    await db.savepoint(async (tx) => {
      const rows = await tx.query(
        'update public.case_studies set verified_by_hub_id = $2 where id = $1 returning id',
        [caseStudy.id, hubId],
      );
      if (rows.length === 0) throw Object.assign(new Error('not visible'), { code: '42501' });
    });
    return { ok: true };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error, 'verify_hub');
    throw error;
  }
}
