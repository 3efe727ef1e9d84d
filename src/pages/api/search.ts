import type { APIRoute } from 'astro';
import { readSearchParamsStrict } from '../../lib/search/query-schema';
import { SearchUnavailableError, searchNetwork } from '../../server/search/search-network';

/**
 * A visitor's 200 is public like any page (the render cache stores it and
 * tags it; a signed-in caller's answer is private, no-store: the middleware);
 * errors are never kept.
 */
function json(status: number, body: unknown): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status !== 200) headers['cache-control'] = 'no-store';
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * GET /api/search: the same parameters as /search (q, type, hub, country,
 * sdg, theme, page, pageSize ≤ 50), answered as JSON for the caller's role.
 * Bad parameters get 400 with one entry per problem.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const parsed = readSearchParamsStrict(url.searchParams);
  if (!parsed.ok) {
    return json(400, {
      error: 'invalid_parameters',
      message: 'Some search parameters are not valid.',
      issues: parsed.issues,
    });
  }
  try {
    return json(200, await searchNetwork(locals.db, parsed.params));
  } catch (error) {
    if (error instanceof SearchUnavailableError) {
      return json(503, { error: 'search_unavailable', message: error.message });
    }
    throw error;
  }
};
