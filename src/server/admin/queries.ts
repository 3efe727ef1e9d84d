import type { Queryable } from '../db/types';

export interface AdminUserRow {
  id: string;
  email: string;
  displayName: string | null;
  emailConfirmed: boolean;
  disabled: boolean;
}

/** Accounts matching a search, for /admin/members (the database refuses non-admins). */
export async function listUsersForAdmin(
  db: Queryable,
  search: string,
  page: number,
  pageSize = 25,
): Promise<{ users: AdminUserRow[]; total: number }> {
  const rows = await db.query<{
    id: string;
    email: string;
    display_name: string | null;
    email_confirmed: boolean;
    disabled: boolean;
    total: string | number;
  }>('select * /* bounded: one page ($2 rows) */ from private.admin_list_users($1, $2, $3)', [
    search,
    pageSize,
    (page - 1) * pageSize,
  ]);
  return {
    users: rows.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      emailConfirmed: row.email_confirmed,
      disabled: row.disabled,
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export interface RoleTargets {
  hubs: { id: string; name: string }[];
  /** `country` is an ISO code: the page names it (two cities may share a name). */
  cities: { id: string; name: string; country: string }[];
  organizations: { id: string; name: string }[];
}

/** What a role can be held in, for the grant form's choices. */
export async function listRoleTargets(db: Queryable): Promise<RoleTargets> {
  const [hubs, cities, organizations] = [
    await db.query<{ id: string; name: string }>(
      'select id, name from public.hubs order by name limit 2000',
    ),
    await db.query<{ id: string; name: string; country: string }>(
      'select id, name, country from public.cities order by name limit 5000',
    ),
    await db.query<{ id: string; name: string }>(
      'select id, name from public.organizations order by name limit 5000',
    ),
  ];
  return { hubs, cities, organizations };
}

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  targetEmail: string | null;
  details: Record<string, unknown>;
}

/** The latest audit entries (RLS: admins only), with the emails of who and whom where still known. */
export async function listAuditEntries(db: Queryable, limit = 50): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: string;
    created_at: Date | string;
    actor_id: string | null;
    action: string;
    target_user_id: string | null;
    details: Record<string, unknown>;
  }>(
    'select id, created_at, actor_id, action, target_user_id, details from public.audit_log order by id desc limit $1',
    [limit],
  );
  const ids = [
    ...new Set(
      rows.flatMap((row) => [row.actor_id, row.target_user_id]).filter((id): id is string => !!id),
    ),
  ];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const row of await db.query<{ id: string; display_name: string }>(
      'select id, display_name from public.profiles where id = any($1::uuid[])',
      [ids],
    )) {
      names.set(row.id, row.display_name);
    }
  }
  return rows.map((row) => ({
    id: String(row.id),
    createdAt: new Date(row.created_at),
    actorEmail: row.actor_id ? (names.get(row.actor_id) ?? row.actor_id) : null,
    action: row.action,
    targetEmail: row.target_user_id ? (names.get(row.target_user_id) ?? row.target_user_id) : null,
    details: row.details ?? {},
  }));
}
