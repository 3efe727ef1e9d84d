import type { APIContext, MiddlewareNext } from 'astro';
import type { Translator } from '../../lib/i18n';
import { DatabaseUnavailableError } from '../db/database-unavailable';
import type { RequestDb } from '../db/request-context';

/**
 * What a request gets while the database is unavailable: 503 with
 * Retry-After, never a 500 and never a hang. Decided in one place, the
 * middleware, for every route; routes and use cases know nothing of it.
 */
export const retryAfterSeconds = 5;

/** The route that renders the page (src/pages/503.astro); it is a 404 when visited directly. */
const pagePath = '/503';

let lastLogged = 0;
let suppressed = 0;

/** One log line per burst (an outage answers hundreds of requests), with what was left out. */
function logUnavailable(error: unknown, pathname: string): void {
  const now = Date.now();
  if (now - lastLogged < 5_000) {
    suppressed += 1;
    return;
  }
  const more = suppressed > 0 ? ` (and ${suppressed} more since the last line)` : '';
  lastLogged = now;
  suppressed = 0;
  const reason = error instanceof Error ? error.message : String(error);
  console.warn(`[db] 503 for ${pathname}${more}: ${reason}`);
}

/** A request database that refuses every statement: the 503 page must not query. */
const refusingDb: RequestDb = {
  query: () => Promise.reject(unavailable()),
  savepoint: () => Promise.reject(unavailable()),
};
function unavailable(): DatabaseUnavailableError {
  return new DatabaseUnavailableError('The database is unavailable', { cause: undefined });
}

function headers(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'retry-after': String(retryAfterSeconds),
    'cache-control': 'no-store',
  });
}

/** The page without the layout, for when even that cannot render: plain, translated, accessible. */
function minimalPage(i18n: Translator, retryPath: string | null): string {
  const escape = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
    );
  const next = retryPath
    ? `<p><a href="${escape(retryPath)}">${escape(i18n.t('error.unavailable.retry'))}</a></p>`
    : `<p>${escape(i18n.t('error.unavailable.notSaved'))}</p>`;
  return (
    `<!doctype html><html lang="${i18n.locale}" dir="${i18n.dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escape(i18n.t('error.unavailable.title'))} · ${escape(i18n.t('site.name'))}</title></head>` +
    `<body><main><h1>${escape(i18n.t('error.unavailable.title'))}</h1>` +
    `<p>${escape(i18n.t('error.unavailable.body'))}</p>${next}</main></body></html>`
  );
}

/**
 * Answers a request that failed because the database is unavailable. HTML
 * requests get the site's page (layout, header, footer: none of it needs the
 * database for a visitor) rendered as a visitor; if that fails too, a minimal
 * page. `/api/` gets JSON. Safe methods offer "try again"; a form submission
 * says it was not saved.
 */
export async function respondUnavailable(
  context: APIContext,
  next: MiddlewareNext,
  error: unknown,
): Promise<Response> {
  logUnavailable(error, context.url.pathname);
  const { i18n } = context.locals;
  if (context.url.pathname.startsWith('/api/')) {
    return new Response(
      JSON.stringify({ error: 'database_unavailable', message: i18n.t('error.unavailable.api') }),
      { status: 503, headers: headers('application/json; charset=utf-8') },
    );
  }
  const safe = context.request.method === 'GET' || context.request.method === 'HEAD';
  const retryPath = safe ? `${context.url.pathname}${context.url.search}` : null;
  context.locals.claims = null;
  context.locals.db = refusingDb;
  context.locals.databaseUnavailable = { retryPath };
  try {
    const rendered = await next(new Request(new URL(pagePath, context.url)));
    const body = await rendered.arrayBuffer();
    if (rendered.status < 400 && body.byteLength > 0) {
      return new Response(body, { status: 503, headers: headers('text/html; charset=utf-8') });
    }
  } catch {
    // The layout could not render either: fall through to the plain page.
  }
  return new Response(minimalPage(i18n, retryPath), {
    status: 503,
    headers: headers('text/html; charset=utf-8'),
  });
}
