import type { MessageKey, Params, Translator } from '../../lib/i18n';
import type { Queryable } from '../db/types';
import { mailDelivery } from './outbox';
import { getSiteOrigin } from './site-origin';

/** A notice as the database recorded it: what happened, and the facts its words need. */
export interface Notice {
  id: string;
  /** `<area>.<what>`, e.g. `hubs.membership_requested`; also the outbox kind of its mail. */
  kind: string;
  data: Record<string, unknown>;
}

/** What wording a notice needs: the translator, and the origin links in mail point to. */
export interface NoticeWording {
  i18n: Translator;
  /** The portal's public origin (`getSiteOrigin`), never a request's Host header. */
  origin: string;
}

/**
 * The wording of a request's notices: its translator, and the origin for
 * links (PUBLIC_SITE_URL, or localhost for local use; `getSiteOrigin`).
 */
export function noticeWordingOf(request: { i18n: Translator; url: URL }): NoticeWording {
  return { i18n: request.i18n, origin: getSiteOrigin(request.url) };
}

export interface NoticeMail {
  subject: string;
  text: string;
}

/**
 * Words a notice from its kind and facts, with the keys of the i18n module:
 *
 * - `mail.<kind>.subject` and `mail.<kind>.body`, with the facts as
 *   placeholders (`{hub}`, `{event}`…);
 * - `mail.<kind>.body.<fact>`: a paragraph added only when that fact is not
 *   empty (the message someone wrote, the venue of an event);
 * - then `mail.footer`.
 *
 * Facts named `link` or ending in `Link` are paths on the portal and become
 * absolute addresses; facts ending in `At` are instants, written in the
 * notice's `timeZone` (UTC without one). Throws when the kind has no words:
 * a notice recorded without them is a bug, and the change rolls back.
 */
export function wordNotice(notice: Notice, { i18n, origin }: NoticeWording): NoticeMail {
  const { t, formatDate } = i18n;
  const base = `mail.${notice.kind}`;
  const subjectKey = `${base}.subject` as MessageKey;
  const bodyKey = `${base}.body` as MessageKey;
  if (t(subjectKey) === subjectKey || t(bodyKey) === bodyKey) {
    throw new Error(`the notice kind ${notice.kind} has no words (${subjectKey}, ${bodyKey})`);
  }
  const timeZone = typeof notice.data.timeZone === 'string' ? notice.data.timeZone : 'UTC';
  const params: Params = {};
  for (const [name, value] of Object.entries(notice.data)) {
    if (value === null || value === undefined) continue;
    const text = String(value);
    if ((name === 'link' || name.endsWith('Link')) && text.startsWith('/')) {
      params[name] = `${origin}${text}`;
    } else if (name.endsWith('At') && !Number.isNaN(Date.parse(text))) {
      params[name] =
        `${formatDate(new Date(text), { dateStyle: 'full', timeStyle: 'short', timeZone })} (${timeZone})`;
    } else {
      params[name] = text;
    }
  }
  const paragraphs = [t(bodyKey, params)];
  for (const [name, value] of Object.entries(params)) {
    const key = `${bodyKey}.${name}` as MessageKey;
    if (String(value).trim() !== '' && t(key) !== key) paragraphs.push(t(key, params));
  }
  paragraphs.push(t('mail.footer'));
  return {
    subject: t(subjectKey, params).replace(/[\r\n]+/g, ' '),
    text: paragraphs.join('\n\n'),
  };
}

/**
 * Sends the notices the current transaction recorded (private.notices): each
 * worded here, then addressed and queued by the database in the same
 * transaction. Use cases whose change can owe someone mail call it after the
 * change (applying to a hub, deciding, registering, cancelling, changing a
 * password…); without notices it costs one query. Returns how many mails
 * were queued.
 */
export async function sendNotices(db: Queryable, wording: NoticeWording): Promise<number> {
  const notices = await db.query<Notice>('select id, kind, data from private.take_notices()');
  if (notices.length === 0) return 0;
  const mails = notices.map((notice) => {
    const { subject, text } = wordNotice(notice, wording);
    return { id: notice.id, subject, body: text };
  });
  const [row] = await db.query<{ queued: number }>(
    'select private.deliver_notices($1::text::jsonb, $2) as queued',
    [JSON.stringify(mails), mailDelivery()],
  );
  return row?.queued ?? 0;
}
