import type { APIContext } from 'astro';
import type { AccessDenied } from './require-permission';

/** Request headers that describe a body; the 403 page is rendered as a plain GET. */
const bodyHeaders = ['content-type', 'content-length', 'content-encoding', 'transfer-encoding'];

/**
 * The one answer to a refused permission, given by the middleware for every
 * route: signed out → 303 to `/login?notice=sign-in-required&next=<path>`,
 * signed in without the permission → the 403 page (`src/pages/403.astro`,
 * told which permission through `locals.denied`). JSON routes get 401 or 403
 * with `{ error, code }`, `error` being a message the interface can show.
 */
export async function answerAccessDenied(
  context: APIContext,
  denied: AccessDenied,
): Promise<Response> {
  const { t } = context.locals.i18n;
  if (denied.answer === 'json') {
    const signIn = denied.reason === 'sign-in';
    return new Response(
      JSON.stringify({
        error: t(signIn ? 'signInRequired.json' : 'forbidden.json'),
        code: signIn ? 'sign-in-required' : 'forbidden',
      }),
      {
        status: signIn ? 401 : 403,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      },
    );
  }
  if (denied.reason === 'sign-in') {
    const next = `${context.url.pathname}${context.url.search}`;
    return context.redirect(`/login?notice=sign-in-required&next=${encodeURIComponent(next)}`, 303);
  }
  context.locals.denied = { permission: denied.permission };
  const headers = new Headers(context.request.headers);
  for (const name of bodyHeaders) headers.delete(name);
  // A new Request, so that Astro does not copy the (already read) body.
  return context.rewrite(new Request(new URL('/403', context.url), { headers }));
}
