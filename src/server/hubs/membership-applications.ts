import type { Queryable } from '../db/types';

export interface MembershipApplication {
  id: string;
  hubSlug: string;
  hubName: string;
  applicantKind: 'city' | 'organization';
  applicantName: string;
  applicantSlug: string;
  applicantPerson: string | null;
  message: string;
  status: 'pending' | 'approved' | 'declined';
  decisionReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

const columns = `a.id, h.slug as "hubSlug", h.name as "hubName",
  case when a.city_id is not null then 'city' else 'organization' end as "applicantKind",
  coalesce(c.name, o.name) as "applicantName", coalesce(c.slug, o.slug) as "applicantSlug",
  p.display_name as "applicantPerson", a.message, a.status, a.decision_reason as "decisionReason",
  a.created_at as "createdAt", a.decided_at as "decidedAt"`;
const from = `from public.hub_membership_applications a
  join public.hubs h on h.id = a.hub_id
  left join public.cities c on c.id = a.city_id
  left join public.organizations o on o.id = a.organization_id
  left join public.profiles p on p.id = a.applicant_id`;

/** Applications to a hub the caller may see (its coordinators see all), pending first. */
export function listHubApplications(
  db: Queryable,
  hubId: string,
): Promise<MembershipApplication[]> {
  return db.query<MembershipApplication>(
    `select ${columns} ${from} where a.hub_id = $1
      order by (a.status = 'pending') desc, a.created_at desc limit 200`,
    [hubId],
  );
}

export interface ApplicantOption {
  kind: 'city' | 'organization';
  id: string;
  name: string;
  /** Already a member of this hub, or an application is pending. */
  unavailable: 'member' | 'pending' | null;
}

/**
 * The cities the caller edits and the verified organizations they run (as admins):
 * what they may ask to join a hub for.
 */
export function listApplicantOptions(db: Queryable, hubId: string): Promise<ApplicantOption[]> {
  return db.query<ApplicantOption>(
    `select 'city' as kind, c.id, c.name,
            case when exists (select 1 from public.hub_cities hc where hc.hub_id = $1 and hc.city_id = c.id) then 'member'
                 when exists (select 1 from public.hub_membership_applications a
                               where a.hub_id = $1 and a.city_id = c.id and a.status = 'pending') then 'pending'
            end as unavailable
       from public.cities c where public.is_city_editor(c.id)
     union all
     select 'organization', o.id, o.name,
            case when exists (select 1 from public.hub_partners hp where hp.hub_id = $1 and hp.organization_id = o.id) then 'member'
                 when exists (select 1 from public.hub_membership_applications a
                               where a.hub_id = $1 and a.organization_id = o.id and a.status = 'pending') then 'pending'
            end
       from public.organizations o where public.is_org_admin(o.id) and o.status = 'verified'
     order by 3`,
    [hubId],
  );
}
