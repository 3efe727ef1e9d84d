import type { Queryable } from '../db/types';

/**
 * Runs `fn` as the Postgres role `portal_identity`, inside the request's own
 * transaction, then returns to the request's role (`anon`/`authenticated`).
 *
 * Reading a password hash, opening a session for an account and refunding a
 * rate limit are executable by that role only, never by the API roles
 * (supabase/migrations/20261202100000_atomic_limits_and_credential_role.sql),
 * so they cannot be reached through an exposed schema or a future endpoint.
 * Only the portal's server connection can assume the role. It has no table
 * privileges: it can do exactly those few things, and RLS still applies to
 * everything else. Keep `fn` to those statements.
 */
export async function withIdentityRole<T>(
  db: Queryable,
  fn: (identityDb: Queryable) => Promise<T>,
): Promise<T> {
  const [current] = await db.query<{ role: string }>('select current_user as role');
  const previous = current?.role;
  if (previous !== 'anon' && previous !== 'authenticated') {
    throw new Error(`withIdentityRole: expected an API role, found ${String(previous)}`);
  }
  await db.query("select set_config('role', 'portal_identity', true)");
  let result: T;
  try {
    result = await fn(db);
  } catch (error) {
    // An aborted transaction cannot take the statement; it rolls back anyway.
    await restore(db, previous).catch(() => {});
    throw error;
  }
  await restore(db, previous);
  return result;
}

async function restore(db: Queryable, role: string | undefined): Promise<void> {
  if (role) await db.query("select set_config('role', $1, true)", [role]);
}
