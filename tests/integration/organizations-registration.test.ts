import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { currentTermsVersion } from '../../src/lib/legal/terms';
import { parseOrganizationFilters } from '../../src/lib/directory/organization-filters';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { decideRegistration } from '../../src/server/organizations/decide-registration';
import { findOrganizationDuplicates } from '../../src/server/organizations/find-organization-duplicates';
import {
  identityFieldsSchema,
  offeringFieldsSchema,
  profileFieldsSchema,
} from '../../src/server/organizations/organization-fields';
import {
  findOrganization,
  listOfferings,
  listOrganizations,
  listPartnerHubs,
} from '../../src/server/organizations/queries';
import { loadRegistrationDraft, nextStep } from '../../src/server/organizations/registration-draft';
import { listRegistrationsToReview } from '../../src/server/organizations/review-queue';
import {
  dismissDuplicates,
  saveHubsStep,
  saveIdentityStep,
  saveOfferingsStep,
  saveProfileStep,
} from '../../src/server/organizations/save-registration-step';
import { submitRegistration } from '../../src/server/organizations/submit-registration';
import { resubmitOrganization } from '../../src/server/organizations/update-organization';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const i18n = getTranslator('en');
const origin = 'http://localhost:4321';
const identity = (raw: Record<string, string>) => identityFieldsSchema.parse(raw);

describe.each(testTargets())('registering an organization on $name', (target) => {
  let db: Database;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);
  const outbox = (kind: string) =>
    db.query<{ to_email: string; subject: string; body_text: string }>(
      'select to_email, subject, body_text from private.outbox where kind = $1 order by created_at, to_email',
      [kind],
    );

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('keeps a registration between steps and visits, asking each thing once', async () => {
    const member = userIdOf('member');
    const first = await as('member', (rdb) =>
      saveIdentityStep(
        rdb,
        member,
        identity({
          name: 'Fjord Mobility Cooperative',
          kind: 'civil-society',
          country: 'no',
          websiteUrl: 'fjordmobility.example',
        }),
      ),
    );
    expect(first).toEqual({ ok: true, next: 'profile' });
    // A later visit (another request) finds the answers and the next step.
    const visit = await as('member', (rdb) => loadRegistrationDraft(rdb, member));
    expect(visit.draft.identity).toMatchObject({
      name: 'Fjord Mobility Cooperative',
      country: 'NO',
      websiteUrl: 'https://fjordmobility.example/',
    });
    expect(nextStep(visit.draft)).toBe('profile');

    const unknown = await as('member', (rdb) =>
      saveProfileStep(
        rdb,
        member,
        profileFieldsSchema.parse({
          summary: 'Members run shared electric minibuses for villages along the fjord.',
          recommendations: ['itu-t-y-4903', 'not-a-recommendation'],
        }),
      ),
    );
    expect(unknown).toMatchObject({
      ok: false,
      errors: [{ field: 'recommendations', params: { value: 'not-a-recommendation' } }],
    });
    expect(
      await as('member', (rdb) =>
        saveProfileStep(
          rdb,
          member,
          profileFieldsSchema.parse({
            summary: 'Members run shared electric minibuses for villages along the fjord.',
            regionsServed: 'europe',
            countriesServed: ['NO'],
            kpiDimensions: 'SC',
            recommendations: 'itu-t-y-4903',
          }),
        ),
      ),
    ).toEqual({ ok: true, next: 'offerings' });

    const none = await as('member', (rdb) => saveOfferingsStep(rdb, member, { intent: 'done' }));
    expect(none).toMatchObject({
      ok: false,
      errors: [{ message: 'organizations.error.offeringsNone' }],
    });
    const offering = offeringFieldsSchema.parse({
      title: 'Shared electric minibuses',
      themes: ['mobility', 'energy'],
      sdgs: ['11', '7'],
    });
    expect(offering.sdgs).toEqual([7, 11]);
    await as('member', (rdb) => saveOfferingsStep(rdb, member, { intent: 'add', ...offering }));
    expect(await as('member', (rdb) => saveOfferingsStep(rdb, member, { intent: 'done' }))).toEqual(
      { ok: true, next: 'hubs' },
    );
    expect(await as('member', (rdb) => saveHubsStep(rdb, member, ['no-such-hub']))).toMatchObject({
      ok: false,
    });
    expect(await as('member', (rdb) => saveHubsStep(rdb, member, ['demo-nordic-hub']))).toEqual({
      ok: true,
      next: 'review',
    });
  });

  it('refuses in the database the websites the form refuses', async () => {
    const urls = [
      ['https://sensorwerk.example/', true],
      ['http://93.184.216.34/', true],
      ['https://[2001:db8::1]/', true],
      ['javascript:alert(1)', false],
      ['http://localhost:8080/', false],
      ['http://printer.local/', false],
      ['http://10.0.0.8/', false],
      ['http://172.20.1.1/', false],
      ['http://192.168.0.1/', false],
      ['http://169.254.169.254/', false],
      ['http://[fe80::1]/', false],
      ['http://[fd00::1]/', false],
      ['http://[::ffff:10.0.0.1]/', false],
      ['http://2130706433/', false],
      ['https://user:pw@example.org/', false],
    ] as const;
    for (const [url, expected] of urls) {
      const [row] = await db.query<{ ok: boolean }>(
        'select public.is_public_website_url($1) as ok',
        [url],
      );
      expect(row!.ok, url).toBe(expected);
    }
    // And a write that tries anyway is refused by the check, nothing changed.
    await expect(
      as('orgMember', (rdb) =>
        rdb.query(
          `update public.organizations set website_url = 'http://192.168.0.1/' where slug = 'demo-sensorwerk'`,
        ),
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses a page address that is taken or reserved, beside the field', async () => {
    const taken = await as('member', (rdb) =>
      saveIdentityStep(
        rdb,
        userIdOf('member'),
        identity({
          name: 'Fjord Mobility Cooperative',
          slug: 'demo-sensorwerk',
          kind: 'civil-society',
          country: 'NO',
        }),
      ),
    );
    expect(taken).toEqual({
      ok: false,
      errors: [{ field: 'slug', message: 'organizations.error.slugTaken' }],
    });
    const reserved = identityFieldsSchema.safeParse({
      name: 'Match',
      slug: 'match',
      kind: 'academia',
      country: 'NO',
    });
    expect(reserved.success).toBe(false);
  });

  it('finds possible duplicates by website host and similar names, never naming a pending one by name', async () => {
    const byWebsite = await as('cityEditor', (rdb) =>
      findOrganizationDuplicates(rdb, {
        name: 'Completely different',
        websiteUrl: 'https://www.sensorwerk.example/about',
      }),
    );
    expect(byWebsite.map((d) => [d.slug, d.match])).toEqual([['demo-sensorwerk', 'website']]);
    const byName = await as('cityEditor', (rdb) =>
      findOrganizationDuplicates(rdb, { name: 'Sensorwerk', websiteUrl: null }),
    );
    expect(byName.map((d) => [d.slug, d.match])).toEqual([['demo-sensorwerk', 'name']]);
    // A registration under review is matched by its website, not by its name.
    const pendingByName = await as('cityEditor', (rdb) =>
      findOrganizationDuplicates(rdb, { name: 'Pending Mobility', websiteUrl: null }),
    );
    expect(pendingByName).toEqual([]);
    const pendingByWebsite = await as('cityEditor', (rdb) =>
      findOrganizationDuplicates(rdb, {
        name: 'x',
        websiteUrl: 'https://pendingmobility.example',
      }),
    );
    expect(pendingByWebsite.map((d) => [d.slug, d.status])).toEqual([
      ['demo-pending-mobility', 'pending'],
    ]);

    // The identity step sends the person to the duplicates, once.
    const editor = userIdOf('cityEditor');
    const step = await as('cityEditor', (rdb) =>
      saveIdentityStep(
        rdb,
        editor,
        identity({
          name: 'Sensorwerk Norge',
          kind: 'private-sector',
          country: 'NO',
          websiteUrl: 'https://sensorwerk.example/no',
        }),
      ),
    );
    expect(step).toEqual({ ok: true, next: 'duplicates' });
    expect(await as('cityEditor', (rdb) => dismissDuplicates(rdb, editor))).toEqual({
      ok: true,
      next: 'profile',
    });
    const again = await as('cityEditor', (rdb) =>
      saveIdentityStep(
        rdb,
        editor,
        identity({
          name: 'Sensorwerk Norge',
          kind: 'private-sector',
          country: 'NO',
          websiteUrl: 'https://sensorwerk.example/no',
        }),
      ),
    );
    expect(again).toEqual({ ok: true, next: 'profile' });
  });

  it('submits a complete draft as pending, stores the terms, and tells the chosen hub', async () => {
    const member = userIdOf('member');
    const changed = await as('member', (rdb) =>
      submitRegistration(
        rdb,
        { userId: member, wording: { i18n, origin } },
        { acceptTerms: 'yes', termsVersion: '1999-01-01' },
      ),
    );
    expect(changed).toMatchObject({
      ok: false,
      errors: [{ message: 'organizations.error.termsChanged' }],
    });
    const submitted = await as('member', (rdb) =>
      submitRegistration(
        rdb,
        { userId: member, wording: { i18n, origin } },
        { acceptTerms: 'yes', termsVersion: currentTermsVersion },
      ),
    );
    expect(submitted).toEqual({ ok: true, slug: 'fjord-mobility-cooperative' });

    const [row] = await db.query<{
      status: string;
      terms_version: string;
      accepted: boolean;
      role: string;
    }>(
      `select o.status, o.terms_version, o.terms_accepted_at is not null as accepted, m.org_role as role
         from public.organizations o
         join public.memberships m on m.organization_id = o.id and m.user_id = $1
        where o.slug = 'fjord-mobility-cooperative'`,
      [member],
    );
    expect(row).toEqual({
      status: 'pending',
      terms_version: currentTermsVersion,
      accepted: true,
      role: 'admin',
    });
    expect((await as('member', (rdb) => loadRegistrationDraft(rdb, member))).updatedAt).toBeNull();
    const mails = await outbox('organizations.registration_submitted');
    expect(mails.map((m) => m.to_email)).toEqual(['coordinator@demo.u4ssc.local']);
    expect(mails[0]!.body_text).toContain(`${origin}/organizations/review`);

    // Hidden from the directory, visitors and other coordinators; in the Nordic queue.
    expect(
      await as('anon', (rdb) => findOrganization(rdb, 'fjord-mobility-cooperative')),
    ).toBeNull();
    expect(
      (await as('otherCoordinator', (rdb) => listRegistrationsToReview(rdb))).map((r) => r.slug),
    ).not.toContain('fjord-mobility-cooperative');
    const queue = await as('coordinator', (rdb) => listRegistrationsToReview(rdb));
    expect(queue.map((r) => r.slug)).toEqual([
      'demo-pending-mobility',
      'fjord-mobility-cooperative',
    ]);
    expect(queue[1]).toMatchObject({ hubs: ['Nordic Hub (demo)'], offerings: 1 });
  });

  it('lets only a reviewer verify; the organization joins the reviewer’s hub and is listed and searchable', async () => {
    const [{ id }] = (await db.query<{ id: string }>(
      `select id from public.organizations where slug = 'fjord-mobility-cooperative'`,
    )) as [{ id: string }];
    const refused = await as('otherCoordinator', (rdb) =>
      decideRegistration(rdb, { i18n, origin }, { organization: id, decision: 'verified' }),
    );
    expect(refused).toEqual({ ok: false, reason: 'not-found' });
    const own = await as('member', (rdb) =>
      decideRegistration(rdb, { i18n, origin }, { organization: id, decision: 'verified' }),
    );
    expect(own).toEqual({ ok: false, reason: 'forbidden' });

    const verified = await as('coordinator', (rdb) =>
      decideRegistration(rdb, { i18n, origin }, { organization: id, decision: 'verified' }),
    );
    expect(verified).toEqual({ ok: true, slug: 'fjord-mobility-cooperative' });
    const again = await as('coordinator', (rdb) =>
      decideRegistration(
        rdb,
        { i18n, origin },
        { organization: id, decision: 'declined', reason: 'x' },
      ),
    );
    expect(again).toEqual({ ok: false, reason: 'not-found' });

    const page = await as('anon', (rdb) => findOrganization(rdb, 'fjord-mobility-cooperative'));
    expect(page).toMatchObject({ status: 'verified' });
    expect(page!.verifiedAt).toBeInstanceOf(Date);
    expect(
      (await as('anon', (rdb) => listPartnerHubs(rdb, page!.id))).map((hub) => hub.slug),
    ).toEqual(['demo-nordic-hub']);
    expect(
      (await as('anon', (rdb) => listOfferings(rdb, page!.id))).map((offering) => offering.title),
    ).toEqual(['Shared electric minibuses']);
    const listed = await as('anon', (rdb) =>
      listOrganizations(rdb, parseOrganizationFilters({ theme: 'mobility' }).filters),
    );
    expect(listed.items.map((o) => o.slug)).toContain('fjord-mobility-cooperative');
    const found = await as('anon', (rdb) =>
      searchNetwork(
        rdb,
        searchParamsSchema.parse({ q: 'Fjord Mobility Cooperative' }),
        postgresSearchEngine,
      ),
    );
    expect(found.hits.map((hit) => hit.url)).toContain('/directory/fjord-mobility-cooperative');

    const mails = await outbox('organizations.registration_verified');
    expect(mails.map((m) => m.to_email)).toEqual(['member@demo.u4ssc.local']);
    expect(mails[0]!.subject).toContain('Fjord Mobility Cooperative');
  });

  it('declines with a reason the applicant reads, and lets its admins submit it again', async () => {
    const [{ id }] = (await db.query<{ id: string }>(
      `select id from public.organizations where slug = 'demo-pending-mobility'`,
    )) as [{ id: string }];
    const declined = await as('coordinator', (rdb) =>
      decideRegistration(
        rdb,
        { i18n, origin },
        {
          organization: id,
          decision: 'declined',
          reason: 'Please describe your offerings for cities.',
        },
      ),
    );
    expect(declined).toEqual({ ok: true, slug: 'demo-pending-mobility' });
    const mail = (await outbox('organizations.registration_declined')).find(
      (m) => m.to_email === 'partner@demo.u4ssc.local',
    );
    expect(mail?.body_text).toContain('Please describe your offerings for cities.');
    expect(
      await as('orgMember', (rdb) => resubmitOrganization(rdb, { i18n, origin }, { id })),
    ).toBe(true);
    const [row] = await db.query<{ status: string; decline_reason: string | null }>(
      'select status, decline_reason from public.organizations where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'pending', decline_reason: null });
    // It also chose the Andean hub: the Andean coordinator may now verify it,
    // which makes it a partner of the Andean hub and asks the Nordic hub,
    // whose coordinator is told.
    await db.query(
      `insert into public.organization_hub_requests (organization_id, hub_id)
       select $1, id from public.hubs where slug = 'demo-andean-hub'`,
      [id],
    );
    expect(
      await as('otherCoordinator', (rdb) =>
        decideRegistration(rdb, { i18n, origin }, { organization: id, decision: 'verified' }),
      ),
    ).toEqual({ ok: true, slug: 'demo-pending-mobility' });
    const hubs = await db.query<{ slug: string; partner: boolean; asked: boolean }>(
      `select h.slug,
              exists (select 1 from public.hub_partners p where p.hub_id = h.id and p.organization_id = $1) as partner,
              exists (select 1 from public.hub_membership_applications a
                       where a.hub_id = h.id and a.organization_id = $1 and a.status = 'pending') as asked
         from public.hubs h where h.slug in ('demo-andean-hub', 'demo-nordic-hub') order by h.slug`,
      [id],
    );
    expect(hubs).toEqual([
      { slug: 'demo-andean-hub', partner: true, asked: false },
      { slug: 'demo-nordic-hub', partner: false, asked: true },
    ]);
    expect((await outbox('hubs.membership_requested')).map((mail) => mail.to_email)).toContain(
      'coordinator@demo.u4ssc.local',
    );
  });
});
