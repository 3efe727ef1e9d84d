import type { APIRoute } from 'astro';
import { answerAllReleases } from '../../../server/procurement/ocds-responses';

/** GET /api/ocds/releases?since=&page=: a release package of all public procurement processes. */
export const GET: APIRoute = ({ locals, url }) => answerAllReleases(locals.db, url);
