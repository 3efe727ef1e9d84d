import { AsyncLocalStorage } from 'node:async_hooks';
import type { CacheState } from './data-version';
import type { Lookup, RenderCache } from './render-cache';

/**
 * What the front door (front-door.ts) decided about a request before Astro
 * rendered it, for the middleware to finish the response with:
 * - `miss`: a visitor's GET/HEAD with no valid page stored; once rendered the
 *   page is stored under `state`, read before the render began;
 * - `bypass`: a request with a session cookie, or not a GET/HEAD: rendered
 *   for that user, never stored;
 * - `off`: RENDER_CACHE=off;
 * - `unverified`: the data version could not be read (the database is
 *   away): rendered (or answered 503) as if there were no cache.
 */
export type RequestTicket =
  | { mode: 'miss'; cache: RenderCache; lookup: Lookup; state: CacheState }
  | { mode: 'bypass' | 'off' | 'unverified' };

const storage = new AsyncLocalStorage<RequestTicket>();

/** Runs `fn` (the rest of the request's handling) with its ticket. */
export function runWithTicket<T>(ticket: RequestTicket, fn: () => T): T {
  return storage.run(ticket, fn);
}

/** The current request's ticket; undefined when no front door runs (`astro dev`, tests). */
export function currentTicket(): RequestTicket | undefined {
  return storage.getStore();
}
