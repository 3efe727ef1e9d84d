import type { APIRoute } from 'astro';
import { answerProcessReleases } from '../../../../../server/procurement/ocds-responses';

/** GET /api/ocds/processes/:id/releases: the release package of one published process. */
export const GET: APIRoute = ({ locals, params, url }) =>
  answerProcessReleases(locals.db, params.id ?? '', url);
