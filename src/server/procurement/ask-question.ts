import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import { responseLimitWait, responseProblem } from './response-rules';

/**
 * A member of a verified organization asks a question about an open notice.
 * The question is private to the organization and the city's editors; the
 * city publishes it with its answer without saying who asked.
 */
export function askQuestion(
  db: RequestDb,
  input: { processId: string; organizationId: string; body: string },
): Promise<Outcome> {
  return inSavepoint(db, async (tx) => {
    const problem = await responseProblem(tx, input.processId, input.organizationId);
    if (problem) refuse(problem.field, problem.message);
    const wait = await responseLimitWait(tx);
    if (wait > 0) refuse('form', 'procurement.error.rateLimited', { minutes: wait });
    await tx.query(
      'insert into public.procurement_questions (process_id, organization_id, body) values ($1, $2, $3)',
      [input.processId, input.organizationId, input.body],
    );
    return {};
  });
}
