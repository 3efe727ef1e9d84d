import { defineMiddleware } from 'astro:middleware';
import { getTranslator } from './lib/i18n';
import { createRequestDb } from './server/db/request-context';
import { ensureDatabaseReady } from './server/db/ready';
import { applySecurityHeaders } from './server/http/security-headers';

/**
 * Builds `locals` for each request (translator, verified claims, a database
 * handle running as the user's Postgres role) and nothing else.
 *
 * The response body is rendered inside the request's transaction, then the
 * transaction commits (or rolls back on a 5xx) before the response is sent, so
 * every query a page makes, even one in a nested component, sees one snapshot
 * under the same policies.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  await ensureDatabaseReady();
  const claims = null;
  const handle = createRequestDb(claims);
  context.locals.db = handle.db;
  context.locals.claims = claims;
  context.locals.i18n = getTranslator();

  let response: Response;
  try {
    const rendered = await next();
    const body = await rendered.arrayBuffer();
    await handle.finish(rendered.status >= 500 ? 'rollback' : 'commit');
    response = new Response(body.byteLength > 0 ? body : null, {
      status: rendered.status,
      statusText: rendered.statusText,
      headers: rendered.headers,
    });
  } catch (error) {
    await handle.finish('rollback').catch(() => {});
    throw error;
  }
  applySecurityHeaders(response.headers, { production: import.meta.env.PROD && !isLocalhost(context.url) });
  return response;
});

function isLocalhost(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
