import { z } from 'zod';
import type { RequestDb } from '../db/request-context';
import { sendNotices, type NoticeWording } from '../mail/notices';

/** The registration buttons of an event page: register (or join the waiting list), or cancel. */
export const registrationFormSchema = z.object({
  action: z.enum(['register', 'cancel']).default('register'),
});

export type RegistrationOutcome =
  { ok: true; status: 'confirmed' | 'waitlisted' } | { ok: false; reason: 'closed' | 'already' };

/**
 * Registers the signed-in member for an event with built-in registration.
 * The database decides confirmed or waiting list under a lock on the event,
 * and refuses events that are unpublished, over, or register elsewhere. The
 * member gets a mail saying which.
 */
export async function registerForEvent(
  db: RequestDb,
  input: { eventId: string; userId: string },
  wording: NoticeWording,
): Promise<RegistrationOutcome> {
  try {
    const [row] = await db.savepoint((tx) =>
      tx.query<{ status: 'confirmed' | 'waitlisted' }>(
        'insert into public.event_registrations (event_id, user_id) values ($1, $2) returning status',
        [input.eventId, input.userId],
      ),
    );
    await sendNotices(db, wording);
    return { ok: true, status: row!.status };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505') return { ok: false, reason: 'already' };
    if (code === '42501' || code === '23503') return { ok: false, reason: 'closed' };
    throw error;
  }
}

/**
 * Cancels the member's own registration; the first person waiting moves up
 * (trigger) and is told by mail.
 */
export async function cancelEventRegistration(
  db: RequestDb,
  input: { eventId: string; userId: string },
  wording: NoticeWording,
): Promise<boolean> {
  const rows = await db.query(
    'delete from public.event_registrations where event_id = $1 and user_id = $2 returning id',
    [input.eventId, input.userId],
  );
  await sendNotices(db, wording);
  return rows.length > 0;
}
