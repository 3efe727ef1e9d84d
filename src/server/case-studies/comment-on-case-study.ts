import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';

/** Adds a reply to the review conversation (the case study's editors and reviewers). */
export async function commentOnCaseStudy(
  db: RequestDb,
  input: { caseStudyId: string; userId: string; body: string },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const body = input.body.trim();
  if (!body)
    return {
      ok: false,
      errors: [{ field: 'comment', message: 'caseStudy.review.error.commentEmpty' }],
    };
  if (body.length > 4000)
    return {
      ok: false,
      errors: [{ field: 'comment', message: 'caseStudy.review.error.commentLength' }],
    };
  try {
    await db.savepoint((tx) =>
      tx.query(
        `insert into public.case_study_comments (case_study_id, author_id, body) values ($1, $2, $3)`,
        [input.caseStudyId, input.userId, body],
      ),
    );
    return { ok: true };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error, 'comment');
    throw error;
  }
}
