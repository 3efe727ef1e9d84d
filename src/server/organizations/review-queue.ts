import type { Queryable } from '../db/types';
import type { OrganizationKind } from '../../lib/directory/organization-filters';

export interface RegistrationToReview {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  country: string | null;
  websiteUrl: string | null;
  summary: string;
  submittedAt: Date | null;
  registrant: string | null;
  hubs: string[];
  offerings: number;
  isDemo: boolean;
  /** Other organizations on the portal with the same website host. */
  sameWebsite: { slug: string; name: string; status: string }[];
}

export interface DecidedRegistration {
  slug: string;
  name: string;
  status: 'verified' | 'declined';
  decidedAt: Date | null;
  declineReason: string | null;
}

/**
 * Registrations waiting for review that the caller may decide: those that
 * chose a hub they coordinate, every one for platform admins. Oldest first
 * (first come, first served).
 */
export function listRegistrationsToReview(db: Queryable): Promise<RegistrationToReview[]> {
  return db.query<RegistrationToReview>(
    `select o.id, o.slug, o.name, o.kind, o.country, o.website_url as "websiteUrl", o.summary,
            o.submitted_at as "submittedAt", p.display_name as registrant, o.is_demo as "isDemo",
            coalesce((select array_agg(h.name order by h.name) from public.organization_hub_requests r
                        join public.hubs h on h.id = r.hub_id where r.organization_id = o.id), '{}') as hubs,
            (select count(*)::int from public.organization_offerings f where f.organization_id = o.id) as offerings,
            coalesce((select jsonb_agg(jsonb_build_object('slug', d.slug, 'name', d.name, 'status', d.status))
                        from public.organizations d
                       where o.website_host is not null and d.website_host = o.website_host and d.id <> o.id),
                     '[]'::jsonb) as "sameWebsite"
       from public.organizations o
       left join public.profiles p on p.id = o.created_by
      where o.status = 'pending'
        and (public.is_organization_reviewer(o.id) or public.is_platform_admin())
      order by o.submitted_at nulls first, o.name
      limit 200`,
  );
}

/** The caller's most recent decisions (for "recently decided" under the queue). */
export function listRecentDecisions(db: Queryable, userId: string): Promise<DecidedRegistration[]> {
  return db.query<DecidedRegistration>(
    `select o.slug, o.name, o.status, o.decided_at as "decidedAt", o.decline_reason as "declineReason"
       from public.organizations o
      where o.decided_by = $1 and o.status in ('verified', 'declined')
      order by o.decided_at desc limit 20`,
    [userId],
  );
}

/** The hubs an organization chose when it registered (its reviewers' hubs), as ids. */
export async function listReviewHubIds(db: Queryable, organizationId: string): Promise<string[]> {
  const rows = await db.query<{ hub_id: string }>(
    'select hub_id from public.organization_hub_requests where organization_id = $1 limit 100',
    [organizationId],
  );
  return rows.map((row) => row.hub_id);
}
