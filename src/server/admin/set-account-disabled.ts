import { z } from 'zod';
import type { RequestDb } from '../db/request-context';

export const setAccountDisabledSchema = z.object({
  intent: z.literal('set-disabled'),
  userId: z.uuid(),
  disabled: z.enum(['true', 'false']).transform((value) => value === 'true'),
});

/**
 * Disables an account (every session ends at once) or enables it again. The
 * database function checks the caller is an admin, refuses their own account
 * and writes the audit entry.
 */
export async function setAccountDisabled(
  db: RequestDb,
  input: { userId: string; disabled: boolean },
): Promise<'done' | 'self' | 'not-found'> {
  try {
    const [row] = await db.savepoint((tx) =>
      tx.query<{ ok: boolean }>('select private.admin_set_user_disabled($1, $2) as ok', [
        input.userId,
        input.disabled,
      ]),
    );
    return row?.ok ? 'done' : 'not-found';
  } catch (error) {
    if ((error as { message?: string }).message?.includes('their own account')) return 'self';
    throw error;
  }
}
