import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { getTranslator } from './lib/i18n';
import { resolveRequestIdentity } from './server/auth/resolve-request-identity';
import { finishResponse } from './server/cache/finish-response';
import { getConfig } from './server/config';
import { isDatabaseUnavailable } from './server/db/database-unavailable';
import { answerAccessDenied } from './server/permissions/answer-access-denied';
import { AccessDenied } from './server/permissions/require-permission';
import {
  applySecurityHeaders,
  extractScriptHashes,
  isLocalHostname,
} from './server/http/security-headers';
import { withStandardStatusText } from './server/http/status-text';
import { respondUnavailable } from './server/http/unavailable-response';

/**
 * Builds `locals` for each request (translator, verified claims, a database
 * handle running as the user's Postgres role) and puts the security headers
 * on the response; nothing else. The database was migrated and the mail
 * worker started when the server started (`src/server/boot`), not here.
 *
 * Identity: the session token is verified (signature, expiry, claim shape),
 * then its session row is checked in the request's own transaction (revoked,
 * idle, expired, disabled or deleted account) with one function call; only
 * then do the claims reach `createRequestDb`, so RLS decides as that user.
 *
 * The response body is rendered inside the request's transaction, then the
 * transaction commits (or rolls back on a 5xx) before the response is sent, so
 * every query a page makes, even one in a nested component, sees one snapshot
 * under the same policies.
 *
 * When the database is unavailable (PostgreSQL restarting, a cut connection,
 * PGlite stopped) at any of these steps, the request is answered here with a
 * 503 page and Retry-After (`respondUnavailable`); no route handles it.
 *
 * A route refused by the permission guard throws `AccessDenied`: its
 * transaction is rolled back and the one answer is given here too (sign-in
 * redirect, 403 page or JSON; `answerAccessDenied`).
 *
 * Last, `finishResponse` gives a visitor's page its public caching headers,
 * stores it in the render cache and compresses the body; cached pages never
 * reach this middleware (the front door answers them, docs/render-cache.md).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.i18n = getTranslator();
  let response: Response;
  let signedIn = false;
  try {
    ({ response, signedIn } = await renderInRequestTransaction(context, next));
  } catch (error) {
    if (error instanceof AccessDenied) {
      response = await answerAccessDenied(context, error);
      // The 403 page was rendered through this middleware already (a rewrite).
      if (error.reason === 'forbidden' && error.answer === 'page')
        return withStandardStatusText(response);
      signedIn = context.locals.claims !== null;
    } else {
      // The one place a database outage becomes a response (503 + Retry-After).
      if (!isDatabaseUnavailable(error)) throw error;
      response = await respondUnavailable(context, next, error);
    }
  }
  const config = getConfig();
  const astroPolicy = response.headers.get('content-security-policy');
  applySecurityHeaders(response.headers, {
    // Decided at run time: a build made under NODE_ENV=test still serves production.
    production: config.server.production && !isLocalHostname(context.url.host),
    dev: import.meta.env.MODE === 'development',
    scriptHashes: extractScriptHashes(astroPolicy),
    connectSources: config.identity.supabase ? [config.identity.supabase.url] : [],
  });
  // Pages for a signed-in user, or that set a cookie, must never sit in a shared cache.
  const setsCookie = [...context.cookies.headers()].length > 0;
  if (signedIn || setsCookie) {
    response.headers.set('Cache-Control', 'private, no-store');
  }
  // Public caching headers, the render cache and compression (docs/render-cache.md).
  return finishResponse(context.request, withStandardStatusText(response), {
    signedIn,
    setsCookie,
  });
});

/**
 * Resolves who is asking, renders the page in that user's transaction and
 * commits before the response leaves (rolls back on a 5xx or a throw).
 */
async function renderInRequestTransaction(
  context: APIContext,
  next: MiddlewareNext,
): Promise<{ response: Response; signedIn: boolean }> {
  const identity = await resolveRequestIdentity({
    cookies: context.cookies,
    request: context.request,
    url: context.url,
  });
  const handle = identity.handle;
  context.locals.db = handle.db;
  context.locals.claims = identity.claims;
  try {
    const rendered = await next();
    const body = await rendered.arrayBuffer();
    await handle.finish(rendered.status >= 500 ? 'rollback' : 'commit');
    const response = new Response(body.byteLength > 0 ? body : null, {
      status: rendered.status,
      headers: rendered.headers,
    });
    return { response, signedIn: identity.claims !== null };
  } catch (error) {
    await handle.finish('rollback').catch(() => {});
    throw error;
  }
}
