import type { APIRoute } from 'astro';
import { answerProcessRecord } from '../../../../../server/procurement/ocds-responses';

/** GET /api/ocds/processes/:id/record: the record package (every release and the compiled release). */
export const GET: APIRoute = ({ locals, params, url }) =>
  answerProcessRecord(locals.db, params.id ?? '', url);
