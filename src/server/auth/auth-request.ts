import type { AstroGlobal, APIContext } from 'astro';
import { requestClientAddress } from '../http/request-address';
import type { AuthRequest } from './identity-provider';

type RequestContext = Pick<AstroGlobal | APIContext, 'locals' | 'cookies' | 'url' | 'request'> & {
  clientAddress: string;
};

/** Gathers what the identity use cases need from a page's or endpoint's context. */
export function authRequestFrom(context: RequestContext): AuthRequest {
  return {
    db: context.locals.db,
    cookies: context.cookies,
    url: context.url,
    request: context.request,
    clientAddress: requestClientAddress(context),
    claims: context.locals.claims,
    i18n: context.locals.i18n,
  };
}
