import type { AccountSummary, AuthRequest, SessionSummary } from '../identity-provider';

/** The signed-in user's account row (email, pending change). */
export async function getAccountBuiltin(req: AuthRequest): Promise<AccountSummary | null> {
  if (!req.claims) return null;
  const [row] = await req.db.query<{
    id: string;
    email: string;
    pending_email: string | null;
    created_at: Date | string;
  }>('select * from private.my_account()');
  return row
    ? {
        id: row.id,
        email: row.email,
        pendingEmail: row.pending_email,
        createdAt: new Date(row.created_at),
      }
    : null;
}

/** The user's active sessions, current first in meaning (flagged). */
export async function listSessionsBuiltin(req: AuthRequest): Promise<SessionSummary[]> {
  if (!req.claims) return [];
  const rows = await req.db.query<{
    id: string;
    created_at: Date | string;
    last_seen_at: Date | string;
    user_agent: string | null;
    ip_address: string | null;
    is_current: boolean;
  }>('select * from private.list_my_sessions()');
  return rows.map((row) => ({
    id: row.id,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    userAgent: row.user_agent,
    ipAddress: row.ip_address,
    isCurrent: row.is_current,
  }));
}

/** Ends one of the user's own sessions (the function ignores other users' ids). */
export async function endSessionBuiltin(req: AuthRequest, sessionId: string): Promise<void> {
  if (req.claims) await req.db.query('select private.end_session($1)', [sessionId]);
}

/** Ends every session of the user but this one. */
export async function endOtherSessionsBuiltin(req: AuthRequest): Promise<number> {
  if (!req.claims) return 0;
  const [row] = await req.db.query<{ ended: number }>(
    'select private.end_other_sessions() as ended',
  );
  return Number(row?.ended ?? 0);
}
