import { z } from 'zod';
import { getConfig } from '../config';
import type { Queryable } from '../db/types';
import { buildRecordPackage, buildReleasePackage } from './ocds-packages';
import { listProcessReleases, listReleasesSince, releasesPageSize } from './queries';

/**
 * The OCDS endpoints' answers, as `Response`s, so the routes stay one line:
 * a release package per process, a record package with the compiled
 * release, and a paginated release package of all public processes.
 * Everything is read as the caller: a draft is a 404 to a visitor.
 */
const publisherName = 'U4SSC Hub Portal';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=60',
      'access-control-allow-origin': '*',
      ...headers,
    },
  });
}

const notFound = () =>
  json(404, { error: 'not_found', message: 'No published procurement process has this id.' });

/** GET /api/ocds/processes/:id/releases */
export async function answerProcessReleases(
  db: Queryable,
  id: string,
  url: URL,
): Promise<Response> {
  const releases = await listProcessReleases(db, id);
  if (releases.length === 0) return notFound();
  const { siteUrl } = getConfig().server;
  return json(
    200,
    buildReleasePackage(
      releases,
      { uri: `${url.origin}${url.pathname}`, siteUrl, publisherName },
      new Date(),
    ),
  );
}

/** GET /api/ocds/processes/:id/record */
export async function answerProcessRecord(db: Queryable, id: string, url: URL): Promise<Response> {
  const releases = await listProcessReleases(db, id);
  if (releases.length === 0) return notFound();
  const { siteUrl } = getConfig().server;
  const uri = `${url.origin}${url.pathname}`;
  return json(
    200,
    buildRecordPackage(
      releases,
      { uri, siteUrl, publisherName, releasePackageUri: uri.replace(/\/record$/, '/releases') },
      new Date(),
    ),
  );
}

const pageParamsSchema = z.object({
  since: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/**
 * GET /api/ocds/releases?since=<ISO date-time>&page=<n>: the releases of all
 * public processes published after `since`, oldest first, 100 a page; the
 * next page is in the `Link: <…>; rel="next"` header and `links.next`.
 */
export async function answerAllReleases(db: Queryable, url: URL): Promise<Response> {
  const parsed = pageParamsSchema.safeParse({
    since: url.searchParams.get('since') ?? undefined,
    page: url.searchParams.get('page') ?? undefined,
  });
  if (!parsed.success) {
    return json(400, {
      error: 'invalid_parameters',
      message:
        'since must be an ISO 8601 date-time with a time zone (2026-12-01T00:00:00Z); page a whole number from 1.',
      issues: parsed.error.issues.map((issue) => ({
        parameter: String(issue.path[0]),
        message: issue.message,
      })),
    });
  }
  const { since, page } = parsed.data;
  const { releases, hasMore } = await listReleasesSince(db, {
    since: since ? new Date(since) : null,
    page,
  });
  const { siteUrl } = getConfig().server;
  const uri = `${url.origin}${url.pathname}${url.search}`;
  const next = new URL(url.pathname, url.origin);
  if (since) next.searchParams.set('since', since);
  next.searchParams.set('page', String(page + 1));
  const body = buildReleasePackage(releases, { uri, siteUrl, publisherName }, new Date());
  return json(200, hasMore ? { ...body, links: { next: next.toString() } } : body, {
    ...(hasMore ? { link: `<${next.toString()}>; rel="next"` } : {}),
    'x-page-size': String(releasesPageSize),
  });
}
