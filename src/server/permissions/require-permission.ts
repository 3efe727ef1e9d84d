import type { APIContext } from 'astro';
import { audienceOf, type Permission, type Target, type permissions } from '../../lib/permissions';
import type { JwtClaims } from '../db/claims';
import type { BodyAccess } from '../forms/read-form';
import { decidePermission } from './decide-permission';

/** What the guard reads from a page's `Astro` or an endpoint's context. */
export type GuardContext = Pick<APIContext, 'locals' | 'request' | 'url'>;

/** How a refusal is answered: a page (redirect to sign-in, 403 page) or JSON (401, 403). */
export type Answer = 'page' | 'json';

/** The claims a permission guarantees: none for public ones, a signed-in user otherwise. */
type ClaimsFor<P extends Permission> = (typeof permissions)[P]['audience'] extends 'public'
  ? JwtClaims | null
  : JwtClaims;

/** A granted permission. Reading the request's body takes one (see `readForm`). */
export interface Access<P extends Permission = Permission> extends BodyAccess {
  readonly permission: P;
  readonly claims: ClaimsFor<P>;
}

/**
 * Thrown by the guard when the caller may not go on; the middleware turns it
 * into the one answer every route gives (`answerAccessDenied`).
 */
export class AccessDenied extends Error {
  constructor(
    readonly reason: 'sign-in' | 'forbidden',
    readonly permission: Permission,
    readonly answer: Answer,
  ) {
    super(`${reason === 'sign-in' ? 'Sign-in required' : 'Forbidden'}: ${permission}`);
    this.name = 'AccessDenied';
  }
}

/**
 * The permission a route declares, checked before anything else it does:
 *
 *     const access = await requirePermission(Astro, 'news.publish', { hubId });
 *
 * Public permissions always pass; member permissions need a signed-in user;
 * role permissions are decided by the database's policy helpers, as the
 * caller (decide-permission.ts). Refused, it throws `AccessDenied` and the
 * middleware answers: a visitor who is not signed in is sent to
 * `/login?next=<this page>` (303; 401 JSON for `answer: 'json'`), a signed-in
 * user without the permission gets the 403 page (403 JSON). Never a 200.
 */
export async function requirePermission<P extends Permission>(
  context: GuardContext,
  permission: P,
  target: Target = {},
  options: { answer?: Answer } = {},
): Promise<Access<P>> {
  const claims = context.locals.claims;
  const answer = options.answer ?? 'page';
  const audience = audienceOf(permission);
  if (audience !== 'public' && !claims) throw new AccessDenied('sign-in', permission, answer);
  if (!(await decidePermission(context.locals.db, permission, target, claims !== null))) {
    throw new AccessDenied('forbidden', permission, answer);
  }
  return { permission, claims: claims as ClaimsFor<P>, request: context.request };
}

/**
 * The same decision without refusing: for showing or hiding an action on a
 * page (an "Edit" link) with the answer the guard would give.
 */
export function hasPermission(
  context: Pick<APIContext, 'locals'>,
  permission: Permission,
  target: Target = {},
): Promise<boolean> {
  return decidePermission(context.locals.db, permission, target, context.locals.claims !== null);
}
