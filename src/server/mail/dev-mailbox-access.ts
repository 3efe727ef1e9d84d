import { isIP } from 'node:net';
import type { Config } from '../config';

/** Headers a reverse proxy adds: a request carrying one did not come straight from this machine. */
const proxyHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** True for an address on this machine: 127.0.0.0/8, ::1, and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/i, '');
  if (isIP(plain) === 4) return plain.split('.')[0] === '127';
  return isIP(address) === 6 && (address === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(address));
}

/**
 * Whether a request may see `/dev/mailbox`, which lists every mail the
 * portal queued without SMTP, password-reset links included: reading it is
 * taking over any account. So all of these must hold, or it is a 404:
 *
 * - the process was started for development or tests (NODE_ENV=development
 *   or test, never production: `npm start` and the built server default to
 *   production);
 * - mail is not sent by SMTP (mail that leaves the server is never listed);
 * - the TCP connection comes from this machine (loopback socket address);
 * - no proxy header: behind a reverse proxy on the same machine every
 *   connection is loopback, and Astro's client address would come from
 *   X-Forwarded-For, which a client can write;
 * - the request is addressed to localhost, 127.0.0.1 or [::1].
 */
export function canServeDevMailbox(input: {
  config: Pick<Config, 'server' | 'mail'>;
  /** The socket's address (Astro's `clientAddress`, trustworthy when no proxy header is present). */
  clientAddress: string | undefined;
  url: URL;
  headers: Headers;
}): boolean {
  const { config, clientAddress, url, headers } = input;
  if (config.server.nodeEnv !== 'development' && config.server.nodeEnv !== 'test') return false;
  if (config.mail.delivery !== 'mailbox') return false;
  if (proxyHeaders.some((name) => headers.has(name))) return false;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return false;
  return isLoopbackAddress(clientAddress);
}
