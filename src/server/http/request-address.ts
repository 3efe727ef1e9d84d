import type { APIContext, AstroGlobal } from 'astro';
import { getConfig } from '../config';
import { getClientAddress } from './client-address';
import { currentSocketAddress, isSocketAddressTracked } from './socket-address';

type AddressContext = Pick<AstroGlobal | APIContext, 'request'> & { clientAddress: string };

/**
 * The request's TCP peer. The production server records it per request
 * (socket-address.ts) because the adapter's `clientAddress` would take a
 * forged X-Forwarded-For; under `astro dev`, Astro reads the socket itself.
 */
function socketAddressOf(context: AddressContext): string | undefined {
  if (isSocketAddressTracked()) return currentSocketAddress();
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

/**
 * The client's address for rate limits, from a page's or endpoint's context:
 * the TCP peer, or the address TRUST_PROXY's proxies name (client-address.ts).
 */
export function requestClientAddress(context: AddressContext): string {
  return getClientAddress(
    context.request,
    socketAddressOf(context),
    getConfig().http.trustedProxyHops,
  );
}
