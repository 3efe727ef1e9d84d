import type { AstroGlobal, APIContext } from 'astro';
import { getConfig } from '../config';
import { getClientAddress } from '../http/client-address';
import type { AuthRequest } from './identity-provider';

type RequestContext = Pick<AstroGlobal | APIContext, 'locals' | 'cookies' | 'url' | 'request'> & {
  clientAddress: string;
};

/** Gathers what the identity use cases need from a page's or endpoint's context. */
export function authRequestFrom(context: RequestContext): AuthRequest {
  let socketAddress: string | undefined;
  try {
    socketAddress = context.clientAddress;
  } catch {
    socketAddress = undefined;
  }
  return {
    db: context.locals.db,
    cookies: context.cookies,
    url: context.url,
    request: context.request,
    clientAddress: getClientAddress(context.request, socketAddress, getConfig().http.trustProxy),
    claims: context.locals.claims,
    i18n: context.locals.i18n,
  };
}
