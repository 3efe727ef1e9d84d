import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import type { Database, Queryable } from '../../src/server/db/types';
import { contactFormSchema } from '../../src/server/contact/contact-form';
import { sendContactMessage } from '../../src/server/contact/send-contact-message';
import { writeContactAddress } from '../../src/server/mail/contact-address';
import { expectRefusal, testTargets } from '../support/databases';
import { claimsOf, userIdOf } from '../support/personas';

const i18n = getTranslator();
const form = (overrides: Record<string, string> = {}) =>
  contactFormSchema.parse({
    name: 'Ana Visitor',
    email: 'Ana@Example.org',
    topic: 'accessibility',
    message: 'The filters are hard to reach with a keyboard.',
    ...overrides,
  });

/** Runs `fn` as a persona (after the owner's `prepare`) in one transaction, rolled back. */
async function as<T>(
  db: Database,
  persona: 'anon' | 'member',
  fn: (tx: Queryable) => Promise<T>,
  prepare: (tx: Queryable) => Promise<unknown> = async () => undefined,
): Promise<{ result: T; outbox: Record<string, string>[] }> {
  let out: { result: T; outbox: Record<string, string>[] } | undefined;
  await db
    .transaction(async (tx) => {
      await prepare(tx);
      const claims = claimsOf(persona);
      await tx.query(
        "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
        [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
      );
      const result = await fn(tx);
      await tx.query('reset role');
      const outbox = await tx.query<Record<string, string>>(
        `select to_email, reply_to, subject, body_text from private.outbox
          where kind = 'contact.message' order by to_email`,
      );
      out = { result, outbox };
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return out!;
}

describe.each(testTargets())('contact messages on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  const send = (
    tx: Queryable,
    overrides: Record<string, string> = {},
    userId: string | null = null,
  ) =>
    sendContactMessage(tx, {
      form: form(overrides),
      clientAddress: '203.0.113.7',
      userId,
      i18n,
      siteUrl: 'https://portal.example.org',
    });

  it('mails the platform admins when no contact address is set, with the sender as Reply-To', async () => {
    const { result, outbox } = await as(db, 'anon', (tx) => send(tx));
    expect(result).toEqual({ ok: true });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      to_email: 'admin@demo.u4ssc.local',
      reply_to: 'ana@example.org',
      subject: 'Portal contact: An accessibility problem (from Ana Visitor)',
    });
    expect(outbox[0]!.body_text).toContain('The filters are hard to reach with a keyboard.');
    expect(outbox[0]!.body_text).toContain('not signed in');
  });

  it('mails CONTACT_EMAIL once it is set, and never the sender', async () => {
    const { outbox } = await as(
      db,
      'member',
      (tx) => send(tx, {}, userIdOf('member')),
      (tx) => writeContactAddress(tx, 'portal-team@example.org'),
    );
    expect(outbox.map((mail) => mail.to_email)).toEqual(['portal-team@example.org']);
    expect(outbox[0]!.body_text).toContain('signed in when sending');
  });

  it('drops a message whose honeypot is filled, answering as if sent', async () => {
    const { result, outbox } = await as(db, 'anon', (tx) =>
      send(tx, { website: 'https://spam.example' }),
    );
    expect(result).toEqual({ ok: true });
    expect(outbox).toEqual([]);
  });

  it('limits messages per address (5 per 10 minutes) and per account', async () => {
    const { result, outbox } = await as(db, 'anon', async (tx) => {
      const outcomes = [];
      for (let i = 0; i < 6; i += 1) outcomes.push(await send(tx));
      return outcomes;
    });
    expect(result.slice(0, 5).every((outcome) => outcome.ok)).toBe(true);
    expect(result[5]).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect((result[5] as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
    expect(outbox).toHaveLength(5);
  });

  it('says so when there is nobody to send to', async () => {
    const { result, outbox } = await as(
      db,
      'anon',
      (tx) => send(tx),
      (tx) => tx.query("delete from public.memberships where role = 'platform_admin'"),
    );
    expect(result).toEqual({ ok: false, reason: 'no-recipient' });
    expect(outbox).toEqual([]);
  });

  it('keeps the recipient out of the request’s reach', async () => {
    const statements = [
      'select * from private.settings',
      "insert into private.settings (key, value) values ('contact_email', 'me@evil.example')",
    ];
    for (const persona of ['anon', 'member'] as const) {
      for (const statement of statements) {
        let code = '';
        await db
          .transaction(async (tx) => {
            const claims = claimsOf(persona);
            await tx.query(
              "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
              [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
            );
            code = await expectRefusal(() => tx.query(statement));
            throw new Error('rollback');
          })
          .catch((error: Error) => {
            if (error.message !== 'rollback') throw error;
          });
        expect(code, `${persona}: ${statement}`).toBe('42501');
      }
    }
  });

  it('refuses a form that is too long, empty or not an address', () => {
    expect(contactFormSchema.safeParse({ ...form(), message: 'x'.repeat(5001) }).success).toBe(
      false,
    );
    expect(contactFormSchema.safeParse({ ...form(), message: 'short' }).success).toBe(false);
    expect(contactFormSchema.safeParse({ ...form(), email: 'not-an-address' }).success).toBe(false);
    expect(contactFormSchema.safeParse({ ...form(), topic: 'sales' }).success).toBe(false);
    expect(contactFormSchema.safeParse({ ...form(), name: 'A\nB' }).success).toBe(false);
  });
});
