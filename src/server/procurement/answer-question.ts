import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import { canEdit } from './save-notice';

/**
 * Publishes a question (as the city words it, naming nobody) with the
 * city's answer, linked to the question asked if there was one: a
 * `tenderUpdate` release (the clarifications document).
 */
export function answerQuestion(
  db: RequestDb,
  input: { processId: string; questionId: string | null; question: string; answer: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (!(await canEdit(tx, input.processId))) refuse('form', 'procurement.error.forbidden');
    if (input.questionId) {
      const [asked] = await tx.query<{ answered: boolean }>(
        `select exists (select 1 from public.procurement_answers a where a.question_id = q.id) as answered
           from public.procurement_questions q where q.id = $1 and q.process_id = $2`,
        [input.questionId, input.processId],
      );
      if (!asked) refuse('question_id', 'procurement.error.unknownQuestion');
      if (asked.answered) refuse('question_id', 'procurement.error.alreadyAnswered');
    }
    const [published] = await tx.query<{ ok: boolean }>(
      'select public.is_procurement_notice_published($1) as ok',
      [input.processId],
    );
    if (!published?.ok) refuse('form', 'procurement.error.notPublished');
    await tx.query(
      'insert into public.procurement_answers (process_id, question_id, question, answer) values ($1, $2, $3, $4)',
      [input.processId, input.questionId, input.question, input.answer],
    );
    await publishRelease(tx, input.processId, ['tenderUpdate']);
    return {};
  });
}
