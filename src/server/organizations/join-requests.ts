import { z } from 'zod';
import type { NoticeWording } from '../mail/notices';
import { isMultiLineText } from '../../lib/text/control-characters';
import type { RequestDb } from '../db/request-context';
import { enforceRateLimits, rateLimitRules } from '../http/rate-limit';
import { tellAboutOrganization } from './notices';

/**
 * Requests to join an existing organization: what duplicate detection offers
 * instead of registering a copy. The person asks; the organization's admins
 * are told by mail and accept (the person becomes a member) or decline.
 */
export const joinRequestSchema = z.object({
  organization: z.uuid(),
  message: z
    .string()
    .trim()
    .max(1000, { message: 'organizations.error.joinMessageLength' })
    .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
    .default(''),
});

export const joinDecisionSchema = z.object({
  request: z.uuid(),
  decision: z.enum(['accepted', 'declined'], { message: 'form.error.unreadable' }),
});

export type JoinOutcome =
  | { ok: true; organizationName: string }
  | { ok: false; reason: 'member' | 'pending' | 'not-found' };

/**
 * Asks to join `organization` (one the person was shown, e.g. as a possible
 * duplicate: the caller passes its name and slug, which RLS may not show
 * them when it is under review); refused when already a member or when a
 * request is already waiting; at most ten an hour per person (each mails
 * the organization's admins: `RateLimitedError`).
 */
export async function requestToJoin(
  db: RequestDb,
  context: {
    userId: string;
    organization: { id: string; name: string };
    wording: NoticeWording;
  },
  message: string,
): Promise<JoinOutcome> {
  await enforceRateLimits(db, [
    { rule: rateLimitRules.joinRequestsPerAccount, key: context.userId },
  ]);
  let rows: { id: string }[];
  try {
    rows = await db.savepoint((tx) =>
      tx.query<{ id: string }>(
        `insert into public.organization_join_requests (organization_id, user_id, message)
         values ($1, $2, $3) returning id`,
        [context.organization.id, context.userId, message],
      ),
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') return { ok: false, reason: 'pending' };
    if (code === '42501') return { ok: false, reason: 'member' };
    if (code === '23503') return { ok: false, reason: 'not-found' };
    throw error;
  }
  await tellAboutOrganization(db, context.wording, 'join_requested', rows[0]!.id);
  return { ok: true, organizationName: context.organization.name };
}

/** An admin's decision on a pending request; the person is told by mail. */
export async function decideJoinRequest(
  db: RequestDb,
  context: { organizationId: string; wording: NoticeWording },
  input: z.output<typeof joinDecisionSchema>,
): Promise<{ ok: boolean }> {
  const rows = await db.savepoint((tx) =>
    tx.query<{ id: string }>(
      `update public.organization_join_requests set status = $3
        where id = $1 and organization_id = $2 and status = 'pending' returning id`,
      [input.request, context.organizationId, input.decision],
    ),
  );
  if (rows.length === 0) return { ok: false };
  await tellAboutOrganization(
    db,
    context.wording,
    input.decision === 'accepted' ? 'join_accepted' : 'join_declined',
    input.request,
  );
  return { ok: true };
}
