import type { RequestDb } from '../db/request-context';
import type { Queryable } from '../db/types';
import { isShortNotice, type NoticeInput } from './notice-form';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { publishRelease } from './publish-release';
import type { Criterion, Notice, ProcessPlan } from './queries';
import { writeCriteria, writeNotice } from './save-notice';

export interface Change {
  property: string;
  former_value: unknown;
  value: unknown;
}

/** What an amendment changes in the notice's own fields. */
export function noticeChanges(current: Notice, next: NoticeInput): Change[] {
  const changes: Change[] = [];
  const compare = (property: string, before: unknown, after: unknown) => {
    if (JSON.stringify(before) !== JSON.stringify(after))
      changes.push({ property, former_value: before, value: after });
  };
  compare('problemStatement', current.problemStatement, next.problemStatement);
  compare('marketQuestions', current.marketQuestions, next.marketQuestions);
  compare('deadline', current.deadline.toISOString(), next.deadline.toISOString());
  compare('shortDeadlineReason', current.shortDeadlineReason, next.shortDeadlineReason);
  compare('documents', current.documents, next.documents);
  return changes;
}

const criteriaShape = (list: readonly Omit<Criterion, 'id'>[]) =>
  list.map((c) => ({
    name: c.name,
    description: c.description,
    weight: c.weight,
    genderResponsive: c.genderResponsive,
  }));

/** What an amendment changes in the criteria and weights (the whole list, before and after). */
export function criteriaChanges(
  current: readonly Criterion[],
  next: NoticeInput['criteria'],
): Change[] {
  const before = criteriaShape(current);
  const after = criteriaShape(next);
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ property: 'criteria', former_value: before, value: after }];
}

/** "Deadline: 1 March → 15 March; weights: Quality 60 → 50, Price 40 → 50" in plain words. */
export function describeChanges(changes: readonly Change[]): string {
  return changes
    .map((change) => {
      if (change.property === 'criteria') {
        const list = (value: unknown) =>
          (value as { name: string; weight: number }[])
            .map((c) => `${c.name} ${c.weight}%`)
            .join(', ');
        return `Criteria and weights: ${list(change.former_value)} → ${list(change.value)}`;
      }
      if (change.property === 'deadline')
        return `Deadline: ${String(change.former_value)} → ${String(change.value)}`;
      return `${change.property} changed`;
    })
    .join('; ');
}

async function recordAmendment(
  tx: Queryable,
  processId: string,
  subject: 'notice' | 'criteria',
  rationale: string,
  changes: Change[],
) {
  await tx.query(
    `insert into public.procurement_amendments (process_id, subject, rationale, description, changes)
     values ($1, $2, $3, $4, $5::text::jsonb)`,
    [processId, subject, rationale, describeChanges(changes), JSON.stringify(changes)],
  );
}

/**
 * Amends a published notice: each change to its fields or criteria is an
 * amendment with the editor's rationale and the before and after values,
 * shown with its date, and a `tenderAmendment` release. Refused when nothing
 * changed, without a rationale, once the tender is recorded, or when the new
 * deadline would leave less than 28 days without a reason.
 */
export function amendNotice(
  db: RequestDb,
  input: {
    plan: ProcessPlan;
    current: Notice;
    criteria: readonly Criterion[];
    notice: NoticeInput;
  },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    if (!input.current.publishedAt) refuse('form', 'procurement.error.notPublished');
    if (input.plan.tenderRecordedAt || input.plan.closedAt || input.plan.status !== 'active')
      refuse('form', 'procurement.error.amendClosed');
    if (input.notice.rationale.trim().length < 10)
      refuse('rationale', 'procurement.error.rationale');
    if (
      isShortNotice(input.notice.deadline, input.current.publishedAt!) &&
      input.notice.shortDeadlineReason.trim().length < 10
    )
      refuse('short_deadline_reason', 'procurement.error.shortDeadline', { days: 28 });
    const notice = noticeChanges(input.current, input.notice);
    const criteria = criteriaChanges(input.criteria, input.notice.criteria);
    if (notice.length === 0 && criteria.length === 0)
      refuse('form', 'procurement.error.nothingChanged');
    if (notice.length > 0) {
      await recordAmendment(tx, input.plan.id, 'notice', input.notice.rationale, notice);
      await writeNotice(tx, input.plan.id, input.notice);
    }
    if (criteria.length > 0) {
      await recordAmendment(tx, input.plan.id, 'criteria', input.notice.rationale, criteria);
      await writeCriteria(tx, input.plan.id, input.notice.criteria);
      // The weights' total is checked now, inside this savepoint, not at commit.
      await tx.query('set constraints public.procurement_criteria_weights_total immediate');
      await tx.query('set constraints public.procurement_criteria_weights_total deferred');
    }
    await publishRelease(tx, input.plan.id, ['tenderAmendment']);
    return {};
  });
}
