import type { Queryable } from '../db/types';
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
