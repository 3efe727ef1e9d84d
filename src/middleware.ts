import { defineMiddleware } from 'astro:middleware';
import { getTranslator } from './lib/i18n';
import { resolveRequestIdentity } from './server/auth/resolve-request-identity';
import { getAuthConfig } from './server/auth/auth-config';
import { startOutboxWorker } from './server/auth/mail/send-outbox';
import { getPrivilegedDatabase } from './server/db/privileged';
import { ensureDatabaseReady } from './server/db/ready';
import { answerAccessDenied } from './server/permissions/answer-access-denied';
import { AccessDenied } from './server/permissions/require-permission';
import {
  applySecurityHeaders,
  extractScriptHashes,
  isLocalHostname,
} from './server/http/security-headers';

/**
 * Builds `locals` for each request (translator, verified claims, a database
 * handle running as the user's Postgres role) and puts the security headers
 * on the response; nothing else.
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
 * A route refused by the permission guard throws `AccessDenied`: its
 * transaction is rolled back and the one answer is given (sign-in redirect,
 * 403 page or JSON).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  await ensureDatabaseReady();
  const config = getAuthConfig();
  // Background mail sending is a job: it may use the privileged connection.
  startOutboxWorker(getPrivilegedDatabase);
  context.locals.i18n = getTranslator();
  const identity = await resolveRequestIdentity({
    cookies: context.cookies,
    request: context.request,
    url: context.url,
  });
  const handle = identity.handle;
  context.locals.db = handle.db;
  context.locals.claims = identity.claims;

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
    if (!(error instanceof AccessDenied)) throw error;
    response = await answerAccessDenied(context, error);
    // The 403 page was rendered through this middleware already (a rewrite).
    if (error.reason === 'forbidden' && error.answer === 'page') return response;
  }
  const astroPolicy = response.headers.get('content-security-policy');
  applySecurityHeaders(response.headers, {
    // Decided at run time: a build made under NODE_ENV=test still serves production.
    production: config.production && !isLocalHostname(context.url.host),
    dev: import.meta.env.MODE === 'development',
    scriptHashes: extractScriptHashes(astroPolicy),
    connectSources: config.supabase ? [config.supabase.url] : [],
  });
  // Pages for a signed-in user, or that set a cookie, must never sit in a shared cache.
  if (identity.claims || [...context.cookies.headers()].length > 0) {
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return response;
});
