import { z } from 'zod';
import { isMultiLineText } from '../../lib/text/control-characters';
import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';

/** The form a city editor or organization member sends to ask to join a hub. */
export const hubApplicationSchema = z.object({
  applicant: z.string().refine(
    (value) => {
      const [kind, id, ...rest] = value.split(':');
      return (
        (kind === 'city' || kind === 'organization') &&
        rest.length === 0 &&
        z.uuid().safeParse(id).success
      );
    },
    { message: 'hubs.apply.error.applicant' },
  ),
  message: z
    .string()
    .trim()
    .max(2000, { message: 'hubs.apply.error.messageLength' })
    .refine(isMultiLineText, { message: 'text.error.controlCharacters' })
    .default(''),
});

export type ApplyOutcome =
  { ok: true; id: string } | { ok: false; reason: 'forbidden' | 'duplicate' };

/**
 * Files an application for a city or organization to join a hub. RLS checks
 * that the caller edits that city or is an admin of that (verified) organization;
 * a second pending application for the same pair is refused by a unique index.
 * The hub's coordinators are told by mail (a trigger records whom).
 */
export async function applyToHub(
  db: RequestDb,
  input: { hubId: string; userId: string; applicant: string; message: string },
  wording: NoticeWording,
): Promise<ApplyOutcome> {
  const [kind, id] = input.applicant.split(':') as ['city' | 'organization', string];
  try {
    const [row] = await db.savepoint((tx) =>
      tx.query<{ id: string }>(
        `insert into public.hub_membership_applications (hub_id, city_id, organization_id, applicant_id, message)
         values ($1, $2, $3, $4, $5) returning id`,
        [
          input.hubId,
          kind === 'city' ? id : null,
          kind === 'organization' ? id : null,
          input.userId,
          input.message,
        ],
      ),
    );
    await sendNotices(db, wording);
    return { ok: true, id: row!.id };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') return { ok: false, reason: 'duplicate' };
    if (code === '42501' || code === '23503') return { ok: false, reason: 'forbidden' };
    throw error;
  }
}
