import { isIP } from 'node:net';

/**
 * The client's IP address for rate limits and the session list: the socket's
 * address, or, only when TRUST_PROXY=true, the address the reverse proxy in
 * front of the portal appended to X-Forwarded-For (the rightmost entry; the
 * ones before it are whatever the client claimed and can be forged).
 */
export function getClientAddress(
  request: Request,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last && isIP(last)) return last;
  }
  return socketAddress && isIP(socketAddress.replace(/^::ffff:/, ''))
    ? socketAddress.replace(/^::ffff:/, '')
    : 'unknown';
}
