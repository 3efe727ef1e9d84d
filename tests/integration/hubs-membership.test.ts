import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { applyToHub } from '../../src/server/hubs/apply-to-hub';
import { decideMembershipApplication } from '../../src/server/hubs/decide-membership-application';
import { removeHubMember } from '../../src/server/hubs/remove-hub-member';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import {
  listApplicantOptions,
  listHubApplications,
} from '../../src/server/hubs/membership-applications';
import {
  findHub,
  listHubCities,
  listHubCoordinators,
  listCityHubs,
  listHubPartners,
  listHubs,
  listManagedHubs,
} from '../../src/server/hubs/queries';
import { findCity } from '../../src/server/cities/queries';
import { testTargets } from '../support/databases';
import { mailTo, testWording } from '../support/mail';
import { claimsOf, userIdOf, type Persona } from '../support/personas';
import { demoEmails } from '../support/sign-in';

describe.each(testTargets())('hubs and hub membership on $name', (target) => {
  let db: Database;
  let ids: Record<string, string>;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);

  beforeAll(async () => {
    db = await target.open();
    const rows = await db.query<{ slug: string; id: string }>(
      `select slug, id from public.hubs union all select slug, id from public.cities union all select slug, id from public.organizations`,
    );
    ids = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
  });
  afterAll(() => db.close());

  it('lists hubs with region and country facets, and a hub with its coordinators and members', async () => {
    const all = await as('anon', (rdb) => listHubs(rdb, {}));
    expect(all.items[0]!.isDemo).toBe(false);
    expect(
      all.facets.region.find((facet) => facet.value === 'europe')!.count,
    ).toBeGreaterThanOrEqual(2);
    const norway = await as('anon', (rdb) => listHubs(rdb, { country: 'NO' }));
    expect(norway.items.map((hub) => hub.slug)).toEqual(['demo-nordic-hub']);
    const hub = await as('anon', (rdb) => findHub(rdb, 'demo-nordic-hub'));
    expect(
      (await as('anon', (rdb) => listHubCoordinators(rdb, hub!.id))).map((p) => p.displayName),
    ).toEqual(['Clara Coordinator (demo)']);
    expect(
      (await as('anon', (rdb) => listHubCities(rdb, hub!.id))).map((c) => c.slug).sort(),
    ).toEqual(['demo-fjordby', 'demo-lakeside']);
    expect(
      (await as('coordinator', (rdb) => listManagedHubs(rdb))).map((h) => h.slug).sort(),
    ).toEqual(['austria', 'demo-nordic-hub']);
    expect(await as('member', (rdb) => listManagedHubs(rdb))).toEqual([]);
  });

  it('lets an organization member apply, the coordinator approve, and tells the applicant by mail', async () => {
    const options = await as('orgMember', (rdb) =>
      listApplicantOptions(rdb, ids['demo-andean-hub']!),
    );
    // The pending organization cannot apply.
    expect(options.map((option) => option.name)).toEqual(['Sensorwerk GmbH (demo)']);
    const applied = await as('orgMember', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids['demo-andean-hub']!,
          userId: userIdOf('orgMember'),
          applicant: `organization:${ids['demo-sensorwerk']}`,
          message: 'We make sensors.',
        },
        testWording,
      ),
    );
    expect(applied.ok).toBe(true);
    const again = await as('orgMember', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids['demo-andean-hub']!,
          userId: userIdOf('orgMember'),
          applicant: `organization:${ids['demo-sensorwerk']}`,
          message: '',
        },
        testWording,
      ),
    );
    expect(again).toEqual({ ok: false, reason: 'duplicate' });
    if (!applied.ok) return;

    // Not the Andean coordinator: nothing happens.
    expect(
      await as('coordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: applied.id,
            decision: 'approved',
            hubId: ids['demo-andean-hub']!,
          },
          testWording,
        ),
      ),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const pending = await as('otherCoordinator', (rdb) =>
      listHubApplications(rdb, ids['demo-andean-hub']!),
    );
    expect(pending.find((a) => a.id === applied.id)).toMatchObject({
      status: 'pending',
      applicantName: 'Sensorwerk GmbH (demo)',
      applicantPerson: 'Pia Partner (demo)',
    });
    expect(
      await as('otherCoordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: applied.id,
            decision: 'approved',
            hubId: ids['demo-andean-hub']!,
          },
          testWording,
        ),
      ),
    ).toEqual({ ok: true });

    const partners = await as('anon', (rdb) => listHubPartners(rdb, ids['demo-andean-hub']!));
    expect(partners.map((p) => p.slug)).toContain('demo-sensorwerk');
    const [mail] = await db.query<{ to_email: string; kind: string; subject: string }>(
      `select to_email, kind, subject from private.outbox where to_email = 'partner@demo.u4ssc.local' and kind = 'hubs.membership_approved' order by created_at desc limit 1`,
    );
    expect(mail).toMatchObject({
      subject: 'Sensorwerk GmbH (demo) has joined Andean Region Hub (demo)',
    });
    // Decisions are final.
    expect(
      await as('otherCoordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: applied.id,
            decision: 'declined',
            reason: 'no',
            hubId: ids['demo-andean-hub']!,
          },
          testWording,
        ),
      ),
    ).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });

  it('lets a city editor apply; a decline carries the reason to the applicant', async () => {
    const first = await as('cityEditor', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids.austria!,
          userId: userIdOf('cityEditor'),
          applicant: `city:${ids['demo-fjordby']}`,
          message: '',
        },
        testWording,
      ),
    );
    if (!first.ok) throw new Error('apply failed');
    await expect(
      as('coordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: first.id,
            decision: 'declined',
            reason: '',
            hubId: ids.austria!,
          },
          testWording as never,
        ),
      ),
    ).rejects.toThrow();
    expect(
      await as('coordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: first.id,
            decision: 'declined',
            reason: 'Fjordby is in Norway.',
            hubId: ids.austria!,
          },
          testWording,
        ),
      ),
    ).toEqual({ ok: true });
    // Worded from the i18n module, the reason as written, a link to the hub.
    const [mail] = (await mailTo(db, demoEmails.cityEditor, 'hubs.membership_declined')).slice(-1);
    expect(mail!.subject).toBe('Your request to join U4SSC Austrian Country Hub was declined');
    expect(mail!.body_text).toBe(
      'Your request for Fjordby (demo) to join U4SSC Austrian Country Hub was declined.\n\n' +
        'Reason given by the coordinators:\nFjordby is in Norway.\n\nU4SSC Hub Portal',
    );
    expect(await db.query('select 1 from private.notices')).toEqual([]);
  });

  it('keeps Fjordby in the Nordic hub when the Austrian hub approves it, in pages and in search', async () => {
    const hubsOfFjordby = async () =>
      (await as('anon', (rdb) => listCityHubs(rdb, ids['demo-fjordby']!))).map((hub) => hub.slug);
    expect(await hubsOfFjordby()).toEqual(['demo-nordic-hub']);
    const applied = await as('cityEditor', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids.austria!,
          userId: userIdOf('cityEditor'),
          applicant: `city:${ids['demo-fjordby']}`,
          message: 'We also work with Austrian cities.',
        },
        testWording,
      ),
    );
    if (!applied.ok) throw new Error('apply failed');
    // Decided from the Nordic hub's page (the coordinator runs both hubs): it
    // names another hub's application, so nothing changes.
    expect(
      await as('coordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: applied.id,
            decision: 'approved',
            hubId: ids['demo-nordic-hub']!,
          },
          testWording,
        ),
      ),
    ).toEqual({ ok: false, reason: 'not-found' });
    expect(
      await as('coordinator', (rdb) =>
        decideMembershipApplication(
          rdb,
          {
            application: applied.id,
            decision: 'approved',
            hubId: ids.austria!,
          },
          testWording,
        ),
      ),
    ).toEqual({ ok: true });

    // A member of both hubs: the Austrian one added, the Nordic one kept.
    expect(await hubsOfFjordby()).toEqual(['austria', 'demo-nordic-hub']);
    for (const hub of ['austria', 'demo-nordic-hub']) {
      const members = await as('anon', (rdb) => listHubCities(rdb, ids[hub]!));
      expect(members.map((city) => city.slug)).toContain('demo-fjordby');
    }
    const city = await as('anon', (rdb) => findCity(rdb, 'demo-fjordby'));
    expect(city!.hubs.map((hub) => hub.slug)).toEqual(['austria', 'demo-nordic-hub']);
    const austria = await as('anon', (rdb) => findHub(rdb, 'austria'));
    expect(austria!.cityCount).toBe(1);
    const options = await as('cityEditor', (rdb) => listApplicantOptions(rdb, ids.austria!));
    expect(options.find((option) => option.id === ids['demo-fjordby'])?.unavailable).toBe('member');

    // The search record names both hubs, and each hub's facet finds the city.
    const search = (raw: Record<string, unknown>) =>
      as('anon', (rdb) => searchNetwork(rdb, searchParamsSchema.parse(raw), postgresSearchEngine));
    const result = await search({ q: 'Fjordby', type: 'city' });
    const hit = result.hits.find((h) => h.url === '/cities/demo-fjordby')!;
    expect(hit.hubs.map((hub) => hub.slug).sort()).toEqual(['austria', 'demo-nordic-hub']);
    expect(
      hit.links
        .filter((link) => link.relation === 'hub')
        .map((link) => link.url)
        .sort(),
    ).toEqual(['/hubs/austria', '/hubs/demo-nordic-hub']);
    expect(result.facets.hub.map((facet) => facet.value).sort()).toEqual(
      expect.arrayContaining(['austria', 'demo-nordic-hub']),
    );
    for (const hub of ['austria', 'demo-nordic-hub']) {
      const inHub = await search({ q: '', type: 'city', hub });
      expect(inHub.hits.map((h) => h.url)).toContain('/cities/demo-fjordby');
    }

    // Each hub's coordinators remove only their own hub's cities; the city's
    // editor cannot take it out of a hub.
    const removeFrom = (persona: Persona, hub: string) =>
      as(persona, (rdb) =>
        removeHubMember(rdb, {
          hubId: ids[hub]!,
          member: { kind: 'city', id: ids['demo-fjordby']! },
        }),
      );
    expect(await removeFrom('otherCoordinator', 'austria')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await removeFrom('cityEditor', 'demo-nordic-hub')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(await removeFrom('coordinator', 'austria')).toEqual({
      ok: true,
      name: 'Fjordby (demo)',
    });
    expect(await hubsOfFjordby()).toEqual(['demo-nordic-hub']);
    const after = await search({ q: '', type: 'city', hub: 'austria' });
    expect(after.hits.map((h) => h.url)).not.toContain('/cities/demo-fjordby');
    expect(await removeFrom('coordinator', 'austria')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('lets a hub coordinator remove a partner organization from their own hub only', async () => {
    await db.query(
      `insert into public.hub_partners (hub_id, organization_id) values ($1, $2), ($3, $2) on conflict do nothing`,
      [ids.austria, ids['demo-urban-data-lab'], ids['demo-nordic-hub']],
    );
    const removeFrom = (persona: Persona, hub: string) =>
      as(persona, (rdb) =>
        removeHubMember(rdb, {
          hubId: ids[hub]!,
          member: { kind: 'organization', id: ids['demo-urban-data-lab']! },
        }),
      );
    expect(await removeFrom('otherCoordinator', 'demo-nordic-hub')).toMatchObject({ ok: false });
    expect(await removeFrom('orgMember', 'demo-nordic-hub')).toMatchObject({ ok: false });
    expect(await removeFrom('coordinator', 'demo-nordic-hub')).toEqual({
      ok: true,
      name: 'Urban Data Lab (demo)',
    });
    const austrian = await as('anon', (rdb) => listHubPartners(rdb, ids.austria!));
    expect(austrian.map((org) => org.slug)).toContain('demo-urban-data-lab');
    const nordic = await as('anon', (rdb) => listHubPartners(rdb, ids['demo-nordic-hub']!));
    expect(nordic.map((org) => org.slug)).not.toContain('demo-urban-data-lab');
  });

  it("mails the hub's coordinators, and only them, when a request arrives", async () => {
    const before = async (email: string) =>
      (await mailTo(db, email, 'hubs.membership_requested')).length;
    const [clara, andres, pia] = await Promise.all(
      [demoEmails.coordinator, demoEmails.otherCoordinator, demoEmails.orgMember].map(before),
    );
    const applied = await as('cityEditor', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids['demo-andean-hub']!,
          userId: userIdOf('cityEditor'),
          applicant: `city:${ids['demo-fjordby']}`,
          message: 'Fjordby would like to learn from Riverton.',
        },
        testWording,
      ),
    );
    expect(applied.ok).toBe(true);
    const mails = await mailTo(db, demoEmails.otherCoordinator, 'hubs.membership_requested');
    expect(mails).toHaveLength(andres! + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).toBe('New request to join Andean Region Hub (demo): Fjordby (demo)');
    expect(mail.body_text).toContain('Cem City Editor (demo) asked for Fjordby (demo) to join');
    expect(mail.body_text).toContain('https://portal.test/hubs/demo-andean-hub/applications');
    expect(mail.body_text).toContain('Their message:\nFjordby would like to learn from Riverton.');
    // Coordinators of other hubs and the applicant get nothing.
    expect(await before(demoEmails.coordinator)).toBe(clara);
    expect(await before(demoEmails.orgMember)).toBe(pia);
    expect(await db.query('select 1 from private.notices')).toEqual([]);
    // A request refused by the database tells nobody.
    const refused = await as('cityEditor', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: ids['demo-andean-hub']!,
          userId: userIdOf('cityEditor'),
          applicant: `city:${ids['demo-fjordby']}`,
          message: '',
        },
        testWording,
      ),
    );
    expect(refused).toEqual({ ok: false, reason: 'duplicate' });
    expect(await before(demoEmails.otherCoordinator)).toBe(andres! + 1);
  });

  it('refuses an application for a city the user does not edit', async () => {
    expect(
      await as('cityEditor', (rdb) =>
        applyToHub(
          rdb,
          {
            hubId: ids.austria!,
            userId: userIdOf('cityEditor'),
            applicant: `city:${ids['demo-lakeside']}`,
            message: '',
          },
          testWording,
        ),
      ),
    ).toEqual({ ok: false, reason: 'forbidden' });
  });
});
