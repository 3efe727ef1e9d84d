import type { RequestDb } from '../db/request-context';
import type { NoticeInput } from './notice-form';
import { publicationProblems } from './notice-form';
import { notifyMatchingOrganizations } from './notify-matching-organizations';
import { inSavepoint, Refusal, refuse, type Outcome } from './outcome';
import { publishPlanWithin } from './publish-plan';
import { publishRelease } from './publish-release';
import type { Notice, ProcessPlan } from './queries';
import { canEdit, writeCriteria, writeNotice } from './save-notice';

/**
 * Publishes the market-engagement notice with its criteria (saved from the
 * form first): the plan too if it is still a draft (a `planning` release),
 * then the notice (a `tender` release), and the matching organizations are
 * told by mail. Refused when it would close within 28 days without a
 * recorded reason, or the weights do not add up to 100; nothing is saved then.
 */
export function publishNotice(
  db: RequestDb,
  input: { plan: ProcessPlan; current: Notice | null; notice: NoticeInput; now: Date },
): Promise<Outcome<{ notified: number }>> {
  return inSavepoint(db, async (tx) => {
    if (input.current?.publishedAt) refuse('form', 'procurement.error.alreadyPublished');
    if (input.plan.status !== 'active' || input.plan.closedAt)
      refuse('form', 'procurement.error.closed');
    if (!(await canEdit(tx, input.plan.id))) refuse('form', 'procurement.error.forbidden');
    const problems = publicationProblems(input.notice, input.now);
    if (problems.length > 0) throw new Refusal(problems);
    if (!input.plan.publishedAt) await publishPlanWithin(tx, input.plan);
    await writeNotice(tx, input.plan.id, input.notice);
    await writeCriteria(tx, input.plan.id, input.notice.criteria);
    await tx.query(
      `update public.procurement_notices set published_at = now() where process_id = $1`,
      [input.plan.id],
    );
    await tx.query(`update public.procurement_processes set stage = 'market' where id = $1`, [
      input.plan.id,
    ]);
    await publishRelease(tx, input.plan.id, ['tender']);
    const notified = await notifyMatchingOrganizations(tx, input.plan, input.notice.deadline);
    return { notified };
  });
}
