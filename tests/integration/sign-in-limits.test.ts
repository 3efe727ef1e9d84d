import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/server/config';
import { builtinProvider as provider } from '../../src/server/auth/builtin/builtin-provider';
import type { SignInOutcome } from '../../src/server/auth/identity-provider';
import { hashPassword } from '../../src/server/auth/password';
import { resetSessionSecretCache } from '../../src/server/auth/session-secret';
import { rateLimitAddress, rateLimitRules } from '../../src/server/http/rate-limit';
import type { Database } from '../../src/server/db/types';
import { asRequest, cookieJar } from '../support/auth-request';
import { testTargets } from '../support/databases';

const password = 'the owner knows this long passphrase';
const run = Date.now().toString(36);
const pairMax = rateLimitRules.signInFailuresPerPair.max;
const accountMax = rateLimitRules.signInFailuresPerAccount.max;

function tally(outcomes: SignInOutcome[]) {
  const count = (status: SignInOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  return {
    invalid: count('invalid'),
    signedIn: count('signed-in'),
    limited: count('rate-limited'),
  };
}

describe.each(testTargets())('sign-in limits on $name', (target) => {
  let db: Database;
  let passwordHash: string;
  let accounts = 0;

  /** A confirmed account with `password`, created as the owner would find it after sign-up. */
  const createAccount = async (label: string) => {
    accounts += 1;
    const email = `${label}-${accounts}-${run}-${target.name}@limits.example`;
    await db.query(
      `insert into auth.users (email, encrypted_password, email_confirmed_at) values ($1, $2, now())`,
      [email, passwordHash],
    );
    return email;
  };
  const signIn = (
    email: string,
    guess: string,
    address: string,
    jar: ReturnType<typeof cookieJar> = cookieJar(),
  ) => asRequest(db, { address, jar }, (req) => provider.signIn(req, { email, password: guess }));
  const failures = async (bucket: string, key: string) => {
    const [row] = await db.query<{ hits: number }>(
      `select coalesce(sum(hits), 0)::int as hits from private.rate_limits
        where bucket = $1 and key_hash = private.rate_limit_key_hash($2)`,
      [bucket, key],
    );
    return row!.hits;
  };
  const mailsTo = (email: string, kind: string) =>
    db.query<{ body_text: string }>(
      'select body_text from private.outbox where to_email = $1 and kind = $2 order by created_at desc',
      [email, kind],
    );

  beforeAll(async () => {
    process.env.SESSION_SECRET = 'integration-test-secret-that-is-long-enough';
    resetConfig();
    resetSessionSecretCache();
    // As many connections as a server instance has, so parallel requests really run in parallel.
    db = await target.open({ poolSize: 10 });
    passwordHash = await hashPassword(password);
  });
  afterAll(() => db.close());

  it('checks exactly the allowed number of 40 parallel wrong passwords from one address', async () => {
    const email = await createAccount('burst');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(email, `wrong guess ${i}`, '198.51.100.40')),
    );
    expect(tally(outcomes)).toEqual({ invalid: pairMax, signedIn: 0, limited: 40 - pairMax });
    expect(await failures('sign_in.pair', `198.51.100.40 ${email}`)).toBe(pairMax);
  });

  it('never signs in a right password sent among 9 wrong ones once the limit is spent', async () => {
    const email = await createAccount('race');
    const guesses = [...Array.from({ length: 9 }, (_, i) => `wrong guess ${i}`), password];
    const outcomes = await Promise.all(
      guesses.map((guess) => signIn(email, guess, '198.51.100.41')),
    );
    const { invalid, signedIn, limited } = tally(outcomes);
    // Exactly the allowed number of wrong passwords were checked. The right
    // one either came before the limit was spent (and signed in, counting no
    // failure) or was refused unchecked: never signed in after five failures.
    expect(invalid).toBe(pairMax);
    expect(limited).toBe(guesses.length - pairMax - signedIn);
    expect(await failures('sign_in.pair', `198.51.100.41 ${email}`)).toBe(pairMax);
  });

  it('gives a right password its count back, so the owner is not slowed down', async () => {
    const email = await createAccount('refund');
    for (let i = 0; i < pairMax - 1; i += 1)
      expect((await signIn(email, `typo ${i}`, '198.51.100.42')).status).toBe('invalid');
    expect((await signIn(email, password, '198.51.100.42')).status).toBe('signed-in');
    expect(await failures('sign_in.pair', `198.51.100.42 ${email}`)).toBe(pairMax - 1);
    expect((await signIn(email, 'one more typo', '198.51.100.42')).status).toBe('invalid');
    expect((await signIn(email, password, '198.51.100.42')).status).toBe('rate-limited');
  });

  it('limits an address and an account pair without locking the owner out from elsewhere', async () => {
    const email = await createAccount('pair');
    for (let i = 0; i < pairMax; i += 1) await signIn(email, `guess ${i}`, '203.0.113.50');
    expect((await signIn(email, password, '203.0.113.50')).status).toBe('rate-limited');
    // The owner, at another address in a browser never used before, is not affected.
    expect((await signIn(email, password, '192.0.2.10')).status).toBe('signed-in');
  });

  it('pauses unknown browsers after many failures from many addresses, keeps the owner’s browser working, and mails the owner once', async () => {
    const email = await createAccount('spread');
    const ownerBrowser = cookieJar();
    expect((await signIn(email, password, '192.0.2.20', ownerBrowser)).status).toBe('signed-in');
    const spread = await Promise.all(
      Array.from({ length: accountMax + 5 }, (_, i) =>
        signIn(email, `distributed guess ${i}`, `203.0.113.${100 + i}`),
      ),
    );
    expect(tally(spread)).toEqual({ invalid: accountMax, signedIn: 0, limited: 5 });
    // A fresh address in a fresh browser is paused, even with the right password…
    expect((await signIn(email, password, '192.0.2.99')).status).toBe('rate-limited');
    // …the owner's own browser is not: it has its own limit.
    expect((await signIn(email, password, '192.0.2.21', ownerBrowser)).status).toBe('signed-in');
    const mails = await mailsTo(email, 'auth.sign_in_failures');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body_text).toContain('/forgot-password');

    // A password reset proves the mailbox and ends the pause for new browsers.
    await asRequest(db, { address: '192.0.2.99', jar: cookieJar() }, (req) =>
      provider.requestPasswordReset(req, { email }),
    );
    const [reset] = await mailsTo(email, 'auth.reset_password');
    const token = decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(reset!.body_text)![1]!);
    const newPassword = 'a brand new long passphrase';
    expect(
      await asRequest(db, { address: '192.0.2.99', jar: cookieJar() }, (req) =>
        provider.resetPassword(req, { token, password: newPassword }),
      ),
    ).toEqual({ status: 'done' });
    expect((await signIn(email, newPassword, '192.0.2.99')).status).toBe('signed-in');
  });

  it('sends no mail and says the same for an unknown address', async () => {
    const nobody = `nobody-${run}-${target.name}@limits.example`;
    for (let i = 0; i < accountMax; i += 1)
      expect((await signIn(nobody, `guess ${i}`, `203.0.113.${200 + i}`)).status).toBe('invalid');
    expect((await signIn(nobody, 'guess', '203.0.113.250')).status).toBe('rate-limited');
    expect(await mailsTo(nobody, 'auth.sign_in_failures')).toEqual([]);
  });

  it('counts the addresses of one IPv6 /64 as one address', async () => {
    expect(rateLimitAddress('2001:db8:1:2:aaaa::1')).toBe(rateLimitAddress('2001:db8:1:2::ffff'));
    expect(rateLimitAddress('2001:db8:1:3::1')).not.toBe(rateLimitAddress('2001:db8:1:2::1'));
    expect(rateLimitAddress('203.0.113.7')).toBe('203.0.113.7');
    const email = await createAccount('ipv6');
    for (let i = 0; i < pairMax; i += 1)
      expect((await signIn(email, `guess ${i}`, `2001:db8:1:2::${i + 1}`)).status).toBe('invalid');
    expect((await signIn(email, password, '2001:db8:1:2:ffff::9')).status).toBe('rate-limited');
  });
});
