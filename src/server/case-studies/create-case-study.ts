import { insertWithUniqueSlug } from '../db/insert-with-unique-slug';
import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';
import { missingForReview, type CaseStudyInput } from './case-study-form';
import {
  contentInsertColumns,
  contentInsertValues,
  contentParams,
  resolveReferences,
  submitWithin,
  writeLinks,
  type SaveCaseStudyOutcome,
} from './case-study-writes';
import { caseStudyFailure, isDatabaseRefusal } from './outcomes';

/**
 * Creates a case study for a city, as a draft or straight into review
 * (`submit`): the row and all its links in one savepoint, so a refusal or a
 * failure leaves nothing. RLS decides whether the caller edits this city.
 * A submission mails the reviewers (the database records the notices).
 */
export async function createCaseStudy(
  db: RequestDb,
  input: {
    leadCityId: string;
    userId: string;
    form: CaseStudyInput;
    submit: boolean;
    note?: string;
    /** Words the mail a submission owes the reviewers. */
    wording: NoticeWording;
  },
): Promise<SaveCaseStudyOutcome> {
  const errors = input.submit ? missingForReview(input.form) : [];
  const resolved = await resolveReferences(db, input.form, input.leadCityId);
  if (!resolved.ok) errors.push(...resolved.errors);
  if (errors.length > 0 || !resolved.ok) return { ok: false, errors };
  try {
    const row = await insertWithUniqueSlug(db, input.form.title, async (tx, slug) => {
      const [inserted] = await tx.query<{ id: string; slug: string }>(
        `insert into public.case_studies (slug, lead_city_id, author_id, ${contentInsertColumns})
         values ($1, $2, $3, ${contentInsertValues}) returning id, slug`,
        [slug, input.leadCityId, input.userId, ...contentParams(input.form)],
      );
      await writeLinks(tx, inserted!.id, input.form, resolved.refs);
      if (input.submit) await submitWithin(tx, inserted!.id, input.userId, input.note);
      return inserted!;
    });
    await sendNotices(db, input.wording);
    return { ok: true, id: row.id, slug: row.slug };
  } catch (error) {
    if (isDatabaseRefusal(error)) return caseStudyFailure(error, 'lead_city');
    throw error;
  }
}
