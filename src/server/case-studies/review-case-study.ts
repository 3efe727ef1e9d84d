import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';
import type { FieldError } from '../forms';
import { isMultiLineText } from '../../lib/text/control-characters';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';

/** The reviewer's form: a decision, a comment (required to request changes), the badge. */
export const reviewFormSchema = z.object({
  decision: z.enum(['request_changes', 'publish', 'comment'], {
    message: 'caseStudy.review.error.decision',
  }),
  comment: z
    .string()
    .trim()
    .max(4000, { message: 'caseStudy.review.error.commentLength' })
    .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
    .default(''),
  verify_hub: z.union([z.uuid(), z.literal('')]).default(''),
});
export type ReviewForm = z.infer<typeof reviewFormSchema>;

export type ReviewOutcome =
  { ok: true; decision: ReviewForm['decision'] } | { ok: false; errors: FieldError[] };

export interface ReviewedCaseStudy {
  id: string;
  status: string;
  authorId: string | null;
  submittedBy: string | null;
  cityHubs: { id: string }[];
}

/**
 * A reviewer's decision on a submitted case study: request changes (with a
 * comment saying what to change), publish it (optionally "Verified by" one
 * of the lead city's hubs the reviewer coordinates), or only comment. The
 * comment is kept with the decision. The database's guard decides in the
 * end (a reviewer of another hub, or the author approving their own work, is
 * refused there too); here the same rules give a clear message first.
 * A decision mails the author and the submitter.
 */
export async function reviewCaseStudy(
  db: RequestDb,
  input: {
    caseStudy: ReviewedCaseStudy;
    userId: string;
    form: ReviewForm;
    /** Words the mail a decision owes the author and the submitter. */
    wording: NoticeWording;
  },
): Promise<ReviewOutcome> {
  const { caseStudy, userId, form } = input;
  const errors: FieldError[] = [];
  if (form.decision === 'request_changes' && !form.comment)
    errors.push({ field: 'comment', message: 'caseStudy.review.error.commentRequired' });
  if (form.decision === 'comment' && !form.comment)
    errors.push({ field: 'comment', message: 'caseStudy.review.error.commentEmpty' });
  if (form.decision !== 'comment' && caseStudy.status !== 'submitted')
    errors.push({ field: 'decision', message: 'caseStudy.review.error.notSubmitted' });
  const own = caseStudy.authorId === userId || caseStudy.submittedBy === userId;
  if (form.decision === 'publish' && own)
    errors.push({ field: 'decision', message: 'caseStudy.review.error.own' });
  if (form.verify_hub && !caseStudy.cityHubs.some((hub) => hub.id === form.verify_hub))
    errors.push({ field: 'verify_hub', message: 'caseStudy.review.error.verifyHub' });
  if (errors.length > 0) return { ok: false, errors };
  try {
    await db.savepoint(async (tx) => {
      if (form.decision !== 'comment') {
        const rows = await tx.query(
          `update public.case_studies
              set status = $2, verified_by_hub_id = case when $2 = 'published' then $3::uuid else verified_by_hub_id end
            where id = $1 returning id`,
          [
            caseStudy.id,
            form.decision === 'publish' ? 'published' : 'changes_requested',
            form.verify_hub || null,
          ],
        );
        if (rows.length === 0) throw Object.assign(new Error('not visible'), { code: '42501' });
      }
      if (form.comment)
        await tx.query(
          `insert into public.case_study_comments (case_study_id, author_id, decision, body)
           values ($1, $2, $3, $4)`,
          [
            caseStudy.id,
            userId,
            form.decision === 'comment'
              ? null
              : form.decision === 'publish'
                ? 'published'
                : 'changes_requested',
            form.comment,
          ],
        );
    });
    await sendNotices(db, input.wording);
    return { ok: true, decision: form.decision };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error, 'decision');
    throw error;
  }
}
