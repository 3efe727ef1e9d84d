import type { Queryable, TransactionQueryable } from '../db/types';

/**
 * Runs `private.delete_my_account()`, which keeps what belongs to an
 * organization, a hub or a city (attributed to "a former member") and
 * refuses, as a constraint violation named memberships_keep_an_org_admin,
 * while the person is the last admin of an organization others still belong
 * to. Inside a savepoint when the database offers one (a request's), so the
 * refusal leaves the request usable.
 */
export async function deleteMyAccountRow(
  db: Queryable | Pick<TransactionQueryable, 'query' | 'savepoint'>,
): Promise<'deleted' | 'sole-admin'> {
  const run = (tx: Queryable) => tx.query('select private.delete_my_account()');
  try {
    await ('savepoint' in db ? db.savepoint(run) : run(db));
    return 'deleted';
  } catch (error) {
    const { code, constraint_name, constraint } = error as {
      code?: string;
      constraint_name?: string;
      constraint?: string;
    };
    if (code === '23514' && (constraint_name ?? constraint) === 'memberships_keep_an_org_admin')
      return 'sole-admin';
    throw error;
  }
}
