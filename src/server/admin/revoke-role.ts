import { z } from 'zod';
import type { Queryable } from '../db/types';

export const revokeRoleSchema = z.object({ intent: z.literal('revoke'), membershipId: z.uuid() });

/** Takes a role away; RLS lets only admins delete memberships, and the trigger audits it. */
export async function revokeRole(db: Queryable, membershipId: string): Promise<boolean> {
  const rows = await db.query('delete from public.memberships where id = $1 returning id', [
    membershipId,
  ]);
  return rows.length > 0;
}
