import type { Queryable } from '../db/types';

export interface TeamMember {
  membershipId: string;
  userId: string;
  /** The person's display name; null when the profile is gone. */
  name: string | null;
  orgRole: 'admin' | 'member';
  since: Date;
}

export interface Invitation {
  id: string;
  email: string;
  orgRole: 'admin' | 'member';
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  state: 'open' | 'expired' | 'accepted' | 'revoked';
}

export interface JoinRequest {
  id: string;
  userId: string;
  name: string | null;
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: Date;
}

/** The organization's members (visible to its members and platform admins), admins first. */
export function listTeam(db: Queryable, organizationId: string): Promise<TeamMember[]> {
  return db.query<TeamMember>(
    `select m.id as "membershipId", m.user_id as "userId", p.display_name as name,
            m.org_role as "orgRole", m.created_at as since
       from public.memberships m left join public.profiles p on p.id = m.user_id
      where m.organization_id = $1 and m.role = 'org_member'
      order by (m.org_role = 'admin') desc, p.display_name, m.created_at limit 500`,
    [organizationId],
  );
}

/** Invitations of the last 90 days and every open one (RLS: the organization's admins only). */
export function listInvitations(db: Queryable, organizationId: string): Promise<Invitation[]> {
  return db.query<Invitation>(
    `select i.id, i.email, i.org_role as "orgRole", p.display_name as "invitedBy",
            i.created_at as "createdAt", i.expires_at as "expiresAt",
            case when i.accepted_at is not null then 'accepted'
                 when i.revoked_at is not null then 'revoked'
                 when i.expires_at <= now() then 'expired'
                 else 'open' end as state
       from public.organization_invitations i left join public.profiles p on p.id = i.invited_by
      where i.organization_id = $1
        and ((i.accepted_at is null and i.revoked_at is null) or i.created_at > now() - interval '90 days')
      order by i.created_at desc limit 200`,
    [organizationId],
  );
}

/** Pending requests to join (RLS: the organization's admins and each person their own). */
export function listPendingJoinRequests(
  db: Queryable,
  organizationId: string,
): Promise<JoinRequest[]> {
  return db.query<JoinRequest>(
    `select j.id, j.user_id as "userId", p.display_name as name, j.message, j.status, j.created_at as "createdAt"
       from public.organization_join_requests j left join public.profiles p on p.id = j.user_id
      where j.organization_id = $1 and j.status = 'pending'
      order by j.created_at limit 200`,
    [organizationId],
  );
}

/** The caller's own membership in the organization, if any. */
export async function findMyMembership(
  db: Queryable,
  organizationId: string,
  userId: string,
): Promise<{ membershipId: string; orgRole: 'admin' | 'member' } | null> {
  const [row] = await db.query<{ membershipId: string; orgRole: 'admin' | 'member' }>(
    `select id as "membershipId", org_role as "orgRole" from public.memberships
      where organization_id = $1 and user_id = $2 and role = 'org_member'`,
    [organizationId, userId],
  );
  return row ?? null;
}

export interface MyJoinRequest {
  id: string;
  organizationName: string | null;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: Date;
}

/**
 * The requests to join the person sent (the organization's name only where
 * RLS shows it: one under review stays unnamed).
 */
export function listMyJoinRequests(db: Queryable, userId: string): Promise<MyJoinRequest[]> {
  return db.query<MyJoinRequest>(
    `select j.id, o.name as "organizationName", j.status, j.created_at as "createdAt"
       from public.organization_join_requests j
       left join public.organizations o on o.id = j.organization_id
      where j.user_id = $1
      order by j.created_at desc limit 50`,
    [userId],
  );
}
