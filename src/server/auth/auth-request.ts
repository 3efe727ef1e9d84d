import type { AstroGlobal, APIContext } from 'astro';
import { getClientAddress } from '../http/client-address';
import { currentSocketAddress, isSocketAddressTracked } from '../http/socket-address';
import { getConfig } from '../config';
import type { AuthRequest } from './identity-provider';

type RequestContext = Pick<AstroGlobal | APIContext, 'locals' | 'cookies' | 'url' | 'request'> & {
  clientAddress: string;
};

/**
 * The request's TCP peer. The production server records it per request
 * (socket-address.ts) because the adapter's `clientAddress` would take a
 * forged X-Forwarded-For; under `astro dev`, Astro reads the socket itself.
 */
function socketAddressOf(context: RequestContext): string | undefined {
  if (isSocketAddressTracked()) return currentSocketAddress();
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

/** Gathers what the identity use cases need from a page's or endpoint's context. */
export function authRequestFrom(context: RequestContext): AuthRequest {
  const socketAddress = socketAddressOf(context);
  return {
    db: context.locals.db,
    cookies: context.cookies,
    url: context.url,
    request: context.request,
    clientAddress: getClientAddress(
      context.request,
      socketAddress,
      getConfig().http.trustedProxyHops,
    ),
    claims: context.locals.claims,
    i18n: context.locals.i18n,
  };
}
