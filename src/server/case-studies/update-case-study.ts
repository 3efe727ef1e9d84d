import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';
import { missingForReview, type CaseStudyInput } from './case-study-form';
import {
  contentAssignments,
  contentParams,
  resolveReferences,
  submitWithin,
  writeLinks,
  type SaveCaseStudyOutcome,
} from './case-study-writes';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';

/**
 * Saves changes to a case study (and submits it for review when asked). The
 * text first, then the links, then the state, in one savepoint: the links
 * cannot change once it waits for review. A published case study stays
 * published; its "Verified by" badge goes when someone other than a
 * reviewer changes it (the database's guard).
 */
export async function updateCaseStudy(
  db: RequestDb,
  input: {
    caseStudy: { id: string; slug: string; leadCityId: string };
    userId: string;
    form: CaseStudyInput;
    submit: boolean;
    note?: string;
    /** Words the mail a submission owes the reviewers. */
    wording: NoticeWording;
  },
): Promise<SaveCaseStudyOutcome> {
  const errors = input.submit ? missingForReview(input.form) : [];
  const resolved = await resolveReferences(db, input.form, input.caseStudy.leadCityId);
  if (!resolved.ok) errors.push(...resolved.errors);
  if (errors.length > 0 || !resolved.ok) return { ok: false, errors };
  try {
    await db.savepoint(async (tx) => {
      const rows = await tx.query(
        `update public.case_studies set ${contentAssignments} where id = $1 returning id`,
        [input.caseStudy.id, ...contentParams(input.form)],
      );
      if (rows.length === 0) throw Object.assign(new Error('not visible'), { code: '42501' });
      await writeLinks(tx, input.caseStudy.id, input.form, resolved.refs);
      if (input.submit) await submitWithin(tx, input.caseStudy.id, input.userId, input.note);
    });
    await sendNotices(db, input.wording);
    return { ok: true, id: input.caseStudy.id, slug: input.caseStudy.slug };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error);
    throw error;
  }
}
