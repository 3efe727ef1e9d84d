import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';

/**
 * The address of the TCP peer of the request being handled, as the socket
 * reports it. Astro's `clientAddress` in the Node adapter (9.5.5) prefers the
 * first `X-Forwarded-For` entry, which any client can write; this is what the
 * connection itself says, the only address a client cannot choose.
 *
 * The production server entry imports `install-socket-address.ts`, which
 * wraps each server's `request` event so everything that runs for a request,
 * however deep in its promises, can read its peer here.
 */
const storage = new AsyncLocalStorage<string | undefined>();

const marker = Symbol.for('u4ssc.socketAddress');

/** The current request's peer address, or undefined outside a tracked server (`astro dev`, tests). */
export function currentSocketAddress(): string | undefined {
  return storage.getStore();
}

/** Whether the running server tracks socket addresses (the production entry always does). */
export function isSocketAddressTracked(): boolean {
  return Boolean((http.Server.prototype as { [marker]?: boolean })[marker]);
}

/**
 * Runs every HTTP(S) server's `request` handlers inside the store holding that
 * request's socket address. Idempotent; patches the prototypes, so servers
 * created before or after are covered.
 */
export function installSocketAddressTracking(): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as (http.Server & {
    [marker]?: boolean;
  })[]) {
    if (proto[marker]) continue;
    const originalEmit = proto.emit as (this: http.Server, ...args: unknown[]) => boolean;
    proto.emit = function emit(this: http.Server, ...args: unknown[]) {
      if (args[0] === 'request') {
        const request = args[1] as http.IncomingMessage;
        return storage.run(request.socket?.remoteAddress, () => originalEmit.apply(this, args));
      }
      return originalEmit.apply(this, args);
    } as typeof proto.emit;
    proto[marker] = true;
  }
}
