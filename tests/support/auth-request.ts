import type { AstroCookies } from 'astro';
import { getTranslator } from '../../src/lib/i18n';
import type { AuthRequest } from '../../src/server/auth/identity-provider';
import type { JwtClaims } from '../../src/server/db/claims';
import { withRequestContext } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';

/** An in-memory cookie jar with the part of AstroCookies the use cases touch: one per browser. */
export function cookieJar(): AstroCookies & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name: string) => (values.has(name) ? { value: values.get(name)! } : undefined),
    set: (name: string, value: string) => void values.set(name, value),
    delete: (name: string) => void values.delete(name),
    has: (name: string) => values.has(name),
  } as unknown as AstroCookies & { values: Map<string, string> };
}

/**
 * Runs an identity use case as one request would: its own committed
 * transaction as `anon`/`authenticated`, from `address`, with `jar` as the
 * browser's cookies. Parallel calls are parallel requests.
 */
export function asRequest<T>(
  db: Database,
  options: { claims?: JwtClaims | null; address: string; jar: AstroCookies; path?: string },
  fn: (req: AuthRequest) => Promise<T>,
): Promise<T> {
  const url = new URL(options.path ?? '/login', 'http://localhost:4321');
  const claims = options.claims ?? null;
  return withRequestContext(
    claims,
    (tx) =>
      fn({
        db: tx,
        cookies: options.jar,
        url,
        request: new Request(url, { headers: { 'user-agent': 'vitest' } }),
        clientAddress: options.address,
        claims,
        i18n: getTranslator(),
      }),
    () => Promise.resolve(db),
  );
}
