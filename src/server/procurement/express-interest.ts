import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { responseLimitWait, responseProblem } from './response-rules';

/**
 * A member of a verified organization expresses interest in an open notice,
 * once per organization; `listedPublicly` is its consent to be named as an
 * interested party in the open contracting data once the tender is recorded.
 */
export function expressInterest(
  db: RequestDb,
  input: { processId: string; organizationId: string; message: string; listedPublicly: boolean },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const problem = await responseProblem(tx, input.processId, input.organizationId);
    if (problem) refuse(problem.field, problem.message);
    const wait = await responseLimitWait(tx);
    if (wait > 0) refuse('form', 'procurement.error.rateLimited', { minutes: wait });
    const [already] = await tx.query(
      'select 1 from public.procurement_interests where process_id = $1 and organization_id = $2',
      [input.processId, input.organizationId],
    );
    if (already) refuse('organization', 'procurement.error.alreadyInterested');
    await tx.query(
      `insert into public.procurement_interests (process_id, organization_id, message, listed_publicly)
       values ($1, $2, $3, $4)`,
      [input.processId, input.organizationId, input.message, input.listedPublicly],
    );
    return {};
  });
}
