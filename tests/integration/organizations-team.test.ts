import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { deleteMyAccountRow } from '../../src/server/auth/delete-my-account';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { RateLimitedError } from '../../src/server/http/rate-limit';
import {
  acceptInvitation,
  previewInvitation,
} from '../../src/server/organizations/accept-invitation';
import {
  contactRequestSchema,
  listReceivedContactRequests,
  listSentContactRequests,
  sendContactRequest,
  setContactRequestStatus,
} from '../../src/server/organizations/contact-requests';
import {
  invitationFormSchema,
  inviteColleague,
} from '../../src/server/organizations/invite-colleague';
import { changeTeam } from '../../src/server/organizations/manage-team';
import { changeOffering } from '../../src/server/organizations/manage-offerings';
import { listTeam } from '../../src/server/organizations/team-queries';
import {
  exportMyData,
  listSoleAdminOrganizations,
} from '../../src/server/personal-data/export-my-data';
import { asOwner, testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const wording = { i18n: getTranslator('en'), origin: 'http://localhost:4321' };

describe.each(testTargets())(
  'an organization’s team, invitations and contact requests on $name',
  (target) => {
    let db: Database;
    let ids: Record<string, string>;
    const connect = () => Promise.resolve(db);
    const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
      withRequestContext(claimsOf(persona), fn, connect);
    const outbox = (kind: string) =>
      db.query<{ to_email: string; subject: string; body_text: string }>(
        'select to_email, subject, body_text from private.outbox where kind = $1 order by created_at',
        [kind],
      );
    const sensorwerk = () => ({
      id: ids['demo-sensorwerk']!,
      name: 'Sensorwerk GmbH (demo)',
      slug: 'demo-sensorwerk',
    });
    const invite = (persona: Persona, email: string, role = 'member') =>
      as(persona, (rdb) =>
        inviteColleague(
          rdb,
          {
            userId: userIdOf(persona as Exclude<Persona, 'anon'>),
            organizationId: sensorwerk().id,
            wording,
          },
          invitationFormSchema.parse({ email, role }),
        ),
      );
    const tokenFromMail = async () => {
      const mails = await outbox('organizations.invitation');
      const link = /token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.body_text);
      return decodeURIComponent(link![1]!);
    };

    beforeAll(async () => {
      db = await target.open();
      const rows = await db.query<{ slug: string; id: string }>(
        'select slug, id from public.organizations',
      );
      ids = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
    });
    afterAll(() => db.close());

    it('invites by mail with a single-use link bound to the invited address', async () => {
      expect(await invite('orgColleague', 'member@demo.u4ssc.local')).toMatchObject({ ok: false });
      expect(await invite('orgMember', 'Member@Demo.U4SSC.local')).toEqual({
        ok: true,
        email: 'member@demo.u4ssc.local',
      });
      const [mail] = await outbox('organizations.invitation');
      expect(mail!.to_email).toBe('member@demo.u4ssc.local');
      expect(mail!.body_text).toContain('http://localhost:4321/organizations/invitation?token=');
      const token = await tokenFromMail();
      const [stored] = await db.query<{ token_hash: string }>(
        'select token_hash from public.organization_invitations',
      );
      expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored!.token_hash).not.toContain(token);

      expect(await as('anon', (rdb) => previewInvitation(rdb, token))).toMatchObject({
        organizationSlug: 'demo-sensorwerk',
        email: 'member@demo.u4ssc.local',
        state: 'open',
      });
      // Another address: refused, nothing spent.
      expect(await as('cityEditor', (rdb) => acceptInvitation(rdb, token))).toEqual({
        ok: false,
        reason: 'wrong-address',
      });
      expect(await as('member', (rdb) => acceptInvitation(rdb, token))).toEqual({
        ok: true,
        slug: 'demo-sensorwerk',
        already: false,
      });
      // Spent.
      expect(await as('member', (rdb) => acceptInvitation(rdb, token))).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(await as('member', (rdb) => acceptInvitation(rdb, 'x'.repeat(43)))).toEqual({
        ok: false,
        reason: 'unknown',
      });
      const team = await as('orgMember', (rdb) => listTeam(rdb, ids['demo-sensorwerk']!));
      expect(team.map((m) => [m.name, m.orgRole])).toEqual([
        ['Pia Partner (demo)', 'admin'],
        ['Kai Colleague (demo)', 'member'],
        ['Max Member (demo)', 'member'],
      ]);
    });

    it('refuses an expired invitation and one replaced by a newer one', async () => {
      await invite('orgMember', 'city@demo.u4ssc.local');
      const first = await tokenFromMail();
      await invite('orgMember', 'city@demo.u4ssc.local');
      const second = await tokenFromMail();
      expect(await as('cityEditor', (rdb) => acceptInvitation(rdb, first))).toEqual({
        ok: false,
        reason: 'revoked',
      });
      // Time passes: the owner moves the invitation's dates into the past.
      await db.query(
        `update public.organization_invitations
          set created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
        where email = 'city@demo.u4ssc.local' and revoked_at is null`,
      );
      expect(await as('cityEditor', (rdb) => acceptInvitation(rdb, second))).toEqual({
        ok: false,
        reason: 'expired',
      });
    });

    it('keeps an admin: the last one cannot be removed, step down or leave', async () => {
      const team = await as('orgMember', (rdb) => listTeam(rdb, ids['demo-sensorwerk']!));
      const pia = team.find((m) => m.name === 'Pia Partner (demo)')!;
      const kai = team.find((m) => m.name === 'Kai Colleague (demo)')!;
      const context = { organizationId: ids['demo-sensorwerk']!, userId: userIdOf('orgMember') };
      expect(
        await as('orgMember', (rdb) =>
          changeTeam(rdb, context, {
            intent: 'change-role',
            membership: pia.membershipId,
            role: 'member',
          }),
        ),
      ).toEqual({ ok: false, message: 'organizations.error.lastAdmin', status: 409 });
      expect(await as('orgMember', (rdb) => changeTeam(rdb, context, { intent: 'leave' }))).toEqual(
        { ok: false, message: 'organizations.error.lastAdmin', status: 409 },
      );
      // A plain member cannot change roles (RLS hides the row: nothing to change).
      expect(
        await as('orgColleague', (rdb) =>
          changeTeam(
            rdb,
            { organizationId: ids['demo-sensorwerk']!, userId: userIdOf('orgColleague') },
            { intent: 'change-role', membership: kai.membershipId, role: 'admin' },
          ),
        ),
      ).toMatchObject({ ok: false, status: 404 });
      // Hand on, then step down.
      expect(
        await as('orgMember', (rdb) =>
          changeTeam(rdb, context, {
            intent: 'change-role',
            membership: kai.membershipId,
            role: 'admin',
          }),
        ),
      ).toEqual({ ok: true, notice: 'organizations.team.roleChanged' });
      expect(
        await as('orgMember', (rdb) =>
          changeTeam(rdb, context, {
            intent: 'change-role',
            membership: pia.membershipId,
            role: 'member',
          }),
        ),
      ).toEqual({ ok: true, notice: 'organizations.team.roleChanged' });
      const [audit] = await db.query<{ n: number }>(
        `select count(*)::int as n from public.audit_log
        where action = 'role.changed' and details ->> 'membership_id' = $1 and details ->> 'to' = 'admin'`,
        [kai.membershipId],
      );
      expect(audit!.n).toBe(1);
      // The member invited above leaves.
      expect(
        await as('member', (rdb) =>
          changeTeam(
            rdb,
            { organizationId: ids['demo-sensorwerk']!, userId: userIdOf('member') },
            { intent: 'leave' },
          ),
        ),
      ).toEqual({ ok: true, notice: 'organizations.team.left' });
    });

    it('limits offerings to what the admins add, twelve at most', async () => {
      const context = {
        organizationId: ids['demo-urban-data-lab']!,
        userId: userIdOf('orgColleague'),
      };
      const offering = {
        title: 'Extra offering',
        description: '',
        themes: ['kpis' as const],
        sdgs: [],
      };
      for (let n = 0; n < 10; n += 1)
        expect(
          await as('orgColleague', (rdb) =>
            changeOffering(rdb, context, { intent: 'add', ...offering }),
          ),
        ).toEqual({ ok: true });
      expect(
        await as('orgColleague', (rdb) =>
          changeOffering(rdb, context, { intent: 'add', ...offering }),
        ),
      ).toEqual({
        ok: false,
        errors: [{ field: 'title', message: 'organizations.error.offeringsFull' }],
      });
      expect(
        await as('cityEditor', (rdb) =>
          changeOffering(
            rdb,
            { ...context, userId: userIdOf('cityEditor') },
            { intent: 'add', ...offering },
          ),
        ),
      ).toMatchObject({ ok: false });
    });

    it('delivers contact requests to the admins, limits bursts, and drops what the honeypot catches', async () => {
      const send = (persona: Persona, raw: Record<string, string>, clientAddress = '192.0.2.10') =>
        as(persona, (rdb) =>
          sendContactRequest(
            rdb,
            {
              userId: userIdOf(persona as Exclude<Persona, 'anon'>),
              clientAddress,
              organizationId: ids['demo-urban-data-lab']!,
              wording,
            },
            contactRequestSchema.parse(raw),
          ),
        );
      expect(contactRequestSchema.safeParse({ subject: 'Hi', message: 'short' }).success).toBe(
        false,
      );
      expect(
        contactRequestSchema.safeParse({ subject: 'A subject', message: 'x'.repeat(5001) }).success,
      ).toBe(false);

      expect(
        await send('cityEditor', {
          subject: 'Energy data',
          message: 'Can you help with energy KPIs?',
        }),
      ).toEqual({ ok: true });
      const [mail] = await outbox('organizations.contact_received');
      expect(mail!.to_email).toBe('colleague@demo.u4ssc.local');
      expect(mail!.body_text).toContain('city@demo.u4ssc.local');
      expect(mail!.body_text).toContain('Can you help with energy KPIs?');

      await send('cityEditor', {
        subject: 'A bot',
        message: 'Buy cheap things now!!!',
        website: 'http://spam.example',
      });
      const inbox = await as('orgColleague', (rdb) =>
        listReceivedContactRequests(rdb, ids['demo-urban-data-lab']!),
      );
      expect(inbox.map((r) => r.subject)).toEqual([
        'Energy data',
        'Help with our first U4SSC KPI report',
      ]);
      expect(
        await as('admin', (rdb) => listReceivedContactRequests(rdb, ids['demo-urban-data-lab']!)),
      ).toEqual([]);

      // Five per address in ten minutes: the sixth from the same address waits.
      for (let n = 0; n < 3; n += 1)
        await send('cityEditor', { subject: `More ${n}`, message: 'Another question for you.' });
      const burst = await send('cityEditor', {
        subject: 'Too many',
        message: 'One more question.',
      }).catch((error: unknown) => error);
      expect(burst).toBeInstanceOf(RateLimitedError);
      expect((burst as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);

      const sent = await as('cityEditor', (rdb) =>
        listSentContactRequests(rdb, userIdOf('cityEditor')),
      );
      expect(sent.map((r) => r.subject)).not.toContain('Too many');
      expect(sent.map((r) => r.subject)).not.toContain('A bot');
      const energy = inbox.find((r) => r.subject === 'Energy data')!;
      expect(
        await as('orgColleague', (rdb) =>
          setContactRequestStatus(rdb, ids['demo-urban-data-lab']!, {
            request: energy.id,
            status: 'answered',
          }),
        ),
      ).toBe(true);
      expect(
        (
          await as('cityEditor', (rdb) => listSentContactRequests(rdb, userIdOf('cityEditor')))
        ).find((r) => r.subject === 'Energy data')?.status,
      ).toBe('answered');
    });

    it('gives every member their data, and deletes an account keeping what belongs to organizations', async () => {
      const data = await as('cityEditor', (rdb) => exportMyData(rdb));
      expect(Object.keys(data).sort()).toEqual([
        'case-studies',
        'hubs',
        'identity',
        'kpi-assessments',
        'organizations',
        'procurement',
      ]);
      // The case studies and procurement processes they had a hand in, as the tables say.
      const [done] = await asOwner(db, (tx) =>
        tx.query<{ cases: string[]; processes: string[] }>(
          `select coalesce((select array_agg(slug order by slug) from public.case_studies
                             where $1 in (author_id, submitted_by, reviewed_by, verified_by, updated_by)), '{}') as cases,
                  coalesce((select array_agg(ocid order by created_at, id) from public.procurement_processes
                             where created_by = $1), '{}') as processes`,
          [userIdOf('cityEditor')],
        ),
      );
      expect(done!.cases.length + done!.processes.length).toBeGreaterThan(0);
      expect(
        (data['case-studies'] as { case_studies: { slug: string }[] }).case_studies.map(
          (c) => c.slug,
        ),
      ).toEqual(done!.cases);
      expect(
        (data.procurement as { processes_opened: { ocid: string }[] }).processes_opened.map(
          (p) => p.ocid,
        ),
      ).toEqual(done!.processes);
      expect(data.identity).toMatchObject({ account: { email: 'city@demo.u4ssc.local' } });
      expect(
        (
          data.organizations as { contact_requests_sent: { subject: string }[] }
        ).contact_requests_sent.map((r) => r.subject),
      ).toContain('Energy data');
      expect(JSON.stringify(data)).not.toContain('token_hash');

      // The colleague is the only admin of Urban Data Lab, which only they belong
      // to, and now also of Sensorwerk, where the partner stays: refused.
      expect(await as('orgColleague', (rdb) => listSoleAdminOrganizations(rdb))).toEqual([
        { slug: 'demo-sensorwerk', name: 'Sensorwerk GmbH (demo)' },
      ]);
      expect(await as('orgColleague', (rdb) => deleteMyAccountRow(rdb))).toBe('sole-admin');

      // The city editor goes; their messages stay with the lab, without their name or address.
      expect(await as('cityEditor', (rdb) => deleteMyAccountRow(rdb))).toBe('deleted');
      const inbox = await as('orgColleague', (rdb) =>
        listReceivedContactRequests(rdb, ids['demo-urban-data-lab']!),
      );
      const energy = inbox.find((r) => r.subject === 'Energy data')!;
      expect(energy).toMatchObject({ senderName: null, senderEmail: null });
    });
  },
);
