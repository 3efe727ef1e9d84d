import type { RequestDb } from '../db/request-context';
import type { Queryable } from '../db/types';
import type { CriterionInput, NoticeInput } from './notice-form';
import { inSavepoint, refuse, type Outcome } from './outcome';
import type { Notice } from './queries';

/** Writes the notice's fields (insert or update). */
export async function writeNotice(
  tx: Queryable,
  processId: string,
  notice: NoticeInput,
): Promise<void> {
  await tx.query(
    `insert into public.procurement_notices (process_id, problem_statement, market_questions, deadline,
       short_deadline_reason, documents)
     values ($1, $2, $3, $4, $5, $6::text::jsonb)
     on conflict (process_id) do update set problem_statement = excluded.problem_statement,
       market_questions = excluded.market_questions, deadline = excluded.deadline,
       short_deadline_reason = excluded.short_deadline_reason, documents = excluded.documents`,
    [
      processId,
      notice.problemStatement,
      notice.marketQuestions,
      notice.deadline,
      notice.shortDeadlineReason,
      JSON.stringify(notice.documents),
    ],
  );
}

/** Replaces the criteria with `criteria` (a published notice's only with an amendment in the transaction). */
export async function writeCriteria(
  tx: Queryable,
  processId: string,
  criteria: readonly CriterionInput[],
): Promise<void> {
  await tx.query('delete from public.procurement_criteria where process_id = $1', [processId]);
  for (const c of criteria) {
    await tx.query(
      `insert into public.procurement_criteria (process_id, position, name, description, weight, gender_responsive)
       values ($1, $2, $3, $4, $5, $6)`,
      [processId, c.position, c.name, c.description, c.weight, c.genderResponsive],
    );
  }
}

/**
 * Saves the draft notice and its criteria (nothing public yet). A published
 * notice is changed with `amendNotice` instead.
 */
export function saveNoticeDraft(
  db: RequestDb,
  input: { processId: string; current: Notice | null; notice: NoticeInput },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (input.current?.publishedAt) refuse('form', 'procurement.error.alreadyPublished');
    if (!(await canEdit(tx, input.processId))) refuse('form', 'procurement.error.forbidden');
    await writeNotice(tx, input.processId, input.notice);
    await writeCriteria(tx, input.processId, input.notice.criteria);
    return {};
  });
}

/** Whether the caller edits the process's city (RLS would refuse the writes; this says so clearly). */
export async function canEdit(tx: Queryable, processId: string): Promise<boolean> {
  const [row] = await tx.query<{ ok: boolean }>('select public.can_edit_procurement($1) as ok', [
    processId,
  ]);
  return row?.ok === true;
}
