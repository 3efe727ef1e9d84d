import { z } from 'zod';
import type { NoticeWording } from '../mail/notices';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';
import type { RequestDb } from '../db/request-context';
import type { Queryable } from '../db/types';
import type { FieldError } from '../forms';
import { enforceRateLimits, rateLimitAddress, rateLimitRules } from '../http/rate-limit';
import { tellAboutOrganization } from './notices';

/**
 * Contact requests: a signed-in person writes to a verified organization;
 * the message is stored and mailed to its admins, who see it in their
 * dashboard and mark it answered; the sender sees what they sent. The form
 * has a honeypot field (`website`, hidden from people, filled by bots):
 * a filled one is answered as if sent and stores nothing.
 */
export const contactRequestSchema = z.object({
  subject: z
    .string({ message: 'organizations.error.contactSubject' })
    .trim()
    .min(3, { message: 'organizations.error.contactSubject' })
    .max(150, { message: 'organizations.error.contactSubjectLength' })
    .refine(isSingleLineText, { message: 'text.error.controlCharacters' }),
  message: z
    .string({ message: 'organizations.error.contactMessage' })
    .trim()
    .min(10, { message: 'organizations.error.contactMessage' })
    .max(5000, { message: 'organizations.error.contactMessageLength' })
    .refine(isMultiLineText, { message: 'text.error.controlCharacters' }),
  website: z.string().max(500).optional(),
});

export type ContactOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Sends one contact request. Limited per address and per account
 * (`RateLimitedError`: the page answers 429 with Retry-After) before anything
 * is stored.
 */
export async function sendContactRequest(
  db: RequestDb,
  context: {
    userId: string;
    clientAddress: string;
    organizationId: string;
    wording: NoticeWording;
  },
  input: z.output<typeof contactRequestSchema>,
): Promise<ContactOutcome> {
  await enforceRateLimits(db, [
    { rule: rateLimitRules.contactPerIp, key: rateLimitAddress(context.clientAddress) },
    { rule: rateLimitRules.contactPerAccount, key: context.userId },
  ]);
  if (input.website && input.website.trim() !== '') return { ok: true };
  let row: { id: string } | undefined;
  try {
    [row] = await db.savepoint((tx) =>
      tx.query<{ id: string }>(
        `insert into public.organization_contact_requests (organization_id, subject, message)
         values ($1, $2, $3) returning id`,
        [context.organizationId, input.subject, input.message],
      ),
    );
  } catch (error) {
    if ((error as { code?: string }).code === '42501')
      return {
        ok: false,
        errors: [{ field: 'form', message: 'organizations.error.contactNotListed' }],
      };
    throw error;
  }
  await tellAboutOrganization(db, context.wording, 'contact_received', row!.id);
  return { ok: true };
}

export const contactStatusSchema = z.object({
  request: z.uuid(),
  status: z.enum(['answered', 'open'], { message: 'form.error.unreadable' }),
});

/** Marks a request answered (or open again); RLS: the organization's admins. */
export async function setContactRequestStatus(
  db: RequestDb,
  organizationId: string,
  input: z.output<typeof contactStatusSchema>,
): Promise<boolean> {
  const rows = await db.savepoint((tx) =>
    tx.query(
      `update public.organization_contact_requests set status = $3
        where id = $1 and organization_id = $2 returning id`,
      [input.request, organizationId, input.status],
    ),
  );
  return rows.length > 0;
}

export interface ReceivedContactRequest {
  id: string;
  /** Null once the sender deleted their account ("a former member"). */
  senderName: string | null;
  senderEmail: string | null;
  subject: string;
  message: string;
  status: 'open' | 'answered';
  createdAt: Date;
  answeredAt: Date | null;
}

/** The organization's inbox (RLS: its admins), open ones first, newest first. */
export function listReceivedContactRequests(
  db: Queryable,
  organizationId: string,
): Promise<ReceivedContactRequest[]> {
  return db.query<ReceivedContactRequest>(
    `select id, sender_name as "senderName", sender_email as "senderEmail", subject, message, status,
            created_at as "createdAt", answered_at as "answeredAt"
       from public.organization_contact_requests
      where organization_id = $1
      order by (status = 'open') desc, created_at desc limit 200`,
    [organizationId],
  );
}

export interface SentContactRequest {
  id: string;
  organizationSlug: string | null;
  organizationName: string | null;
  subject: string;
  message: string;
  status: 'open' | 'answered';
  createdAt: Date;
  answeredAt: Date | null;
}

/** What the signed-in person sent, newest first. */
export function listSentContactRequests(
  db: Queryable,
  userId: string,
): Promise<SentContactRequest[]> {
  return db.query<SentContactRequest>(
    `select c.id, o.slug as "organizationSlug", o.name as "organizationName", c.subject, c.message,
            c.status, c.created_at as "createdAt", c.answered_at as "answeredAt"
       from public.organization_contact_requests c
       left join public.organizations o on o.id = c.organization_id
      where c.sender_id = $1
      order by c.created_at desc limit 200`,
    [userId],
  );
}
