import type { Queryable } from '../db/types';
import { hashInvitationToken } from './invitation-token';

export type InvitationState = 'open' | 'used' | 'revoked' | 'expired' | 'unknown';

export interface InvitationPreview {
  organizationName: string;
  organizationSlug: string;
  email: string;
  orgRole: 'admin' | 'member';
  state: InvitationState;
}

/** What the invitation link shows before it is accepted (to whoever holds the link). */
export async function previewInvitation(
  db: Queryable,
  token: string,
): Promise<InvitationPreview | null> {
  const [row] = await db.query<InvitationPreview>(
    `select organization_name as "organizationName", organization_slug as "organizationSlug",
            email, org_role as "orgRole", state
       from private.peek_organization_invitation($1)`,
    [hashInvitationToken(token)],
  );
  return row ?? null;
}

export type AcceptOutcome =
  | { ok: true; slug: string; already: boolean }
  | { ok: false; reason: 'unknown' | 'used' | 'revoked' | 'expired' | 'wrong-address' };

/**
 * Accepts an invitation as the signed-in person
 * (`private.accept_organization_invitation`): it must be open, not expired,
 * and sent to the address they signed in with; it is spent on use.
 */
export async function acceptInvitation(db: Queryable, token: string): Promise<AcceptOutcome> {
  const [row] = await db.query<{ outcome: string; organization_slug: string | null }>(
    'select outcome, organization_slug from private.accept_organization_invitation($1)',
    [hashInvitationToken(token)],
  );
  const outcome = row?.outcome ?? 'unknown';
  if ((outcome === 'accepted' || outcome === 'already-member') && row?.organization_slug)
    return { ok: true, slug: row.organization_slug, already: outcome === 'already-member' };
  return {
    ok: false,
    reason:
      (['used', 'revoked', 'expired', 'wrong-address'] as const).find((r) => r === outcome) ??
      'unknown',
  };
}
