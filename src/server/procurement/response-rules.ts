import type { Queryable } from '../db/types';
import { rateLimitRules, reserveRateLimits } from '../http/rate-limit';
import type { refuse } from './outcome';

/** Why an organization may not respond to a notice now, in words the form shows; null when it may. */
export async function responseProblem(
  tx: Queryable,
  processId: string,
  organizationId: string,
): Promise<{ field: string; message: Parameters<typeof refuse>[1] } | null> {
  const [row] = await tx.query<{
    member: boolean;
    verified: boolean;
    published: boolean;
    open: boolean;
  }>(
    `select public.is_org_member($2) as member, public.is_verified_organization($2) as verified,
            public.is_procurement_notice_published($1) as published, public.is_procurement_notice_open($1) as open`,
    [processId, organizationId],
  );
  if (!row?.member) return { field: 'organization', message: 'procurement.error.notMember' };
  if (!row.verified) return { field: 'organization', message: 'procurement.error.unverified' };
  if (!row.published) return { field: 'form', message: 'procurement.error.notPublished' };
  if (!row.open) return { field: 'form', message: 'procurement.error.deadlinePassed' };
  return null;
}

/**
 * Counts a response against the per-account limit (30 an hour), in the
 * response's own savepoint, so a refused response costs nothing; the
 * minutes to wait when the limit is reached, else 0.
 */
export async function responseLimitWait(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ id: string | null }>('select auth.uid() as id');
  if (!row?.id) return 0;
  const seconds = await reserveRateLimits(tx, [
    { rule: rateLimitRules.procurementResponsesPerAccount, key: row.id },
  ]);
  return seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : 0;
}
