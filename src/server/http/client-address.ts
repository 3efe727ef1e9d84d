import { isIP } from 'node:net';

/**
 * The client's IP address for rate limits and the session list.
 *
 * `socketAddress` is the TCP peer (see socket-address.ts), never a header.
 * With `trustedProxyHops` = 0 (TRUST_PROXY=false, the default) it is the
 * answer and `X-Forwarded-For` is ignored: a client that sends one changes
 * nothing. With N > 0 the portal sits behind N proxies, each appending the
 * address it received the request from: the peer is the nearest proxy, and
 * the client is the entry N steps from the right of `[...X-Forwarded-For,
 * peer]`. Entries further left were written by the client and never count.
 * When the header has fewer entries than that (a misconfigured hop count),
 * the leftmost entry is used, which a proxy wrote.
 */
export function getClientAddress(
  request: Request,
  socketAddress: string | undefined,
  trustedProxyHops: number,
): string {
  const peer = normalise(socketAddress);
  if (trustedProxyHops <= 0) return peer ?? 'unknown';
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const hops = [...chain, peer ?? 'unknown'];
  const client = normalise(hops[Math.max(0, hops.length - 1 - trustedProxyHops)]);
  // Not an address: a proxy we trust did not write it. Count the request to the peer.
  return client ?? peer ?? 'unknown';
}

function normalise(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(plain) ? plain : undefined;
}
