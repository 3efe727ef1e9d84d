import type { Queryable } from '../db/types';
import { sendNotices, type NoticeWording } from '../mail/notices';

/**
 * Mail about organizations, through the portal's notices
 * (src/server/mail/notices.ts): the database records who is owed mail and
 * the facts (`private.record_organization_notice`, which reads the
 * recipients from the record, checks that the caller caused the event and
 * records each event once), then the notices of the transaction are worded
 * from i18n (`mail.organizations.<kind>.*`) and queued. A change that is
 * rolled back tells nobody.
 */
export type OrganizationNoticeKind =
  | 'registration_submitted'
  | 'registration_verified'
  | 'registration_declined'
  | 'invitation'
  | 'join_requested'
  | 'join_accepted'
  | 'join_declined'
  | 'contact_received';

/**
 * Records the notice of an event the caller just caused, then sends every
 * notice the transaction recorded. `token` is the invitation's secret, for
 * its link (the database stores only its hash, and checks it).
 */
export async function tellAboutOrganization(
  db: Queryable,
  wording: NoticeWording,
  kind: OrganizationNoticeKind,
  recordId: string,
  token: string | null = null,
): Promise<number> {
  await db.query('select private.record_organization_notice($1, $2, $3)', [kind, recordId, token]);
  return sendNotices(db, wording);
}
