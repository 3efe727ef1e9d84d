import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';
import type { FieldError } from '../forms';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';
import { submitWithin } from './case-study-writes';

export type StatusChange = 'submit' | 'withdraw' | 'unpublish';

const allowedFrom: Record<StatusChange, readonly string[]> = {
  submit: ['draft', 'changes_requested', 'unpublished'],
  withdraw: ['submitted'],
  unpublish: ['published'],
};

/**
 * Moves a case study without changing its text: submit it as it is,
 * withdraw it from review (back to draft, to edit it), or unpublish it
 * (its editors and reviewers). A note is kept in the review comments.
 */
export async function changeCaseStudyStatus(
  db: RequestDb,
  input: {
    caseStudy: { id: string; status: string };
    userId: string;
    change: StatusChange;
    note?: string;
    /** Words the mail a submission owes the reviewers. */
    wording: NoticeWording;
  },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const { caseStudy, change } = input;
  if (!allowedFrom[change].includes(caseStudy.status))
    return { ok: false, errors: [{ field: 'form', message: `caseStudy.error.cannot.${change}` }] };
  try {
    await db.savepoint(async (tx) => {
      if (change === 'submit') {
        await submitWithin(tx, caseStudy.id, input.userId, input.note);
        return;
      }
      const rows = await tx.query(
        `update public.case_studies set status = $2 where id = $1 and status = $3 returning id`,
        [caseStudy.id, change === 'withdraw' ? 'draft' : 'unpublished', caseStudy.status],
      );
      if (rows.length === 0) throw Object.assign(new Error('not changed'), { code: '42501' });
      if (change === 'unpublish' && input.note?.trim())
        await tx.query(
          `insert into public.case_study_comments (case_study_id, author_id, decision, body)
           values ($1, $2, 'unpublished', $3)`,
          [caseStudy.id, input.userId, input.note.trim()],
        );
    });
    await sendNotices(db, input.wording);
    return { ok: true };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error);
    throw error;
  }
}
