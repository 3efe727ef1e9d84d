import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrganizationFilters } from '../../src/lib/directory/organization-filters';
import type { JwtClaims } from '../../src/server/db/claims';
import type { Database, Queryable } from '../../src/server/db/types';
import {
  findOrganization,
  listOrganizations,
  listPartnerHubs,
} from '../../src/server/organizations/queries';
import { asUser, testTargets } from '../support/databases';
import { claimsOf } from '../support/personas';

const filters = (raw: Record<string, string>) => parseOrganizationFilters(raw).filters;

class Rollback extends Error {}

describe.each(testTargets())('partner directory queries on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  /**
   * Adds hub partners (and a website for demo-sensorwerk) as the owner, then runs `fn` as the user would, all in
   * one transaction that is rolled back, so the shared database is unchanged.
   */
  async function withPartners<T>(
    pairs: [hub: string, organization: string][],
    claims: JwtClaims | null,
    fn: (tx: Queryable) => Promise<T>,
  ): Promise<T> {
    let result: T | undefined;
    try {
      await db.transaction(async (tx) => {
        // Start from exactly these partnerships: other suites sharing the
        // PostgreSQL database may have committed approvals of their own.
        await tx.query(
          `delete from public.hub_partners hp using public.organizations o
            where o.id = hp.organization_id and o.slug = any($1::text[])`,
          [['demo-sensorwerk', 'demo-urban-data-lab', 'demo-pending-mobility']],
        );
        for (const [hub, organization] of pairs) {
          await tx.query(
            `insert into public.hub_partners (hub_id, organization_id)
             select h.id, o.id from public.hubs h, public.organizations o
              where h.slug = $1 and o.slug = $2
             on conflict do nothing`,
            [hub, organization],
          );
        }
        await tx.query(
          `update public.organizations set website_url = 'https://sensorwerk.example/'
            where slug = 'demo-sensorwerk'`,
        );
        await tx.query(
          "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
          [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
        );
        result = await fn(tx);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result as T;
  }

  const verified = [
    'demo-andes-urban-fund',
    'demo-civic-commons',
    'demo-global-water-alliance',
    'demo-nordic-energy-agency',
    'demo-sensorwerk',
    'demo-urban-data-lab',
  ];

  it('shows visitors only verified organizations, with counted facets', async () => {
    const listing = await asUser(db, null, (tx) => listOrganizations(tx, filters({})));
    expect(listing.items.map((o) => o.slug)).toEqual(verified);
    expect(listing.total).toBe(6);
    expect(listing.items.every((o) => o.status === 'verified' && o.isDemo)).toBe(true);
    // One organization of every sector (the seed's promise), counted.
    expect(listing.facets.kind).toEqual(
      [
        'academia',
        'civil-society',
        'international-organization',
        'investor',
        'private-sector',
        'public-agency',
      ].map((value) => ({ value, count: 1 })),
    );
    // Countries served count the organization's own country too, once.
    expect(listing.facets.country.find((f) => f.value === 'NO')).toEqual({ value: 'NO', count: 4 });
    expect(listing.facets.country.find((f) => f.value === 'ES')).toBeUndefined();
    expect(listing.facets.sdg.find((f) => f.value === '11')).toEqual({ value: '11', count: 5 });
    expect(listing.facets.size).toEqual([
      { value: 'small', count: 3 },
      { value: 'medium', count: 2 },
      { value: 'micro', count: 1 },
    ]);
    expect(listing.items.find((o) => o.slug === 'demo-sensorwerk')?.themes).toEqual([
      'data-and-ai',
      'environment',
      'urban-planning',
    ]);
  });

  it('returns null for a pending organization to visitors and to signed-in strangers', async () => {
    await expect(
      asUser(db, null, (tx) => findOrganization(tx, 'demo-pending-mobility')),
    ).resolves.toBeNull();
    await expect(
      asUser(db, claimsOf('member'), (tx) => findOrganization(tx, 'demo-pending-mobility')),
    ).resolves.toBeNull();
    await expect(
      asUser(db, null, (tx) => findOrganization(tx, 'no-such-organization')),
    ).resolves.toBeNull();
  });

  it('lets a member of the pending organization and an admin find it', async () => {
    const asPartner = await asUser(db, claimsOf('orgMember'), (tx) =>
      findOrganization(tx, 'demo-pending-mobility'),
    );
    expect(asPartner).toMatchObject({
      slug: 'demo-pending-mobility',
      kind: 'private-sector',
      country: 'ES',
      status: 'pending',
      isDemo: true,
    });
    const asAdmin = await asUser(db, claimsOf('admin'), (tx) =>
      findOrganization(tx, 'demo-pending-mobility'),
    );
    expect(asAdmin?.status).toBe('pending');
  });

  it('keeps the directory listing to verified organizations even for their members', async () => {
    const listing = await asUser(db, claimsOf('orgMember'), (tx) =>
      listOrganizations(tx, filters({})),
    );
    expect(listing.items.map((o) => o.slug)).not.toContain('demo-pending-mobility');
    expect(listing.facets.country.map((f) => f.value)).not.toContain('Spain');
  });

  it('filters by every facet, counting each facet with the other filters applied', async () => {
    const slugs = async (raw: Record<string, string>) =>
      (await asUser(db, null, (tx) => listOrganizations(tx, filters(raw)))).items.map(
        (o) => o.slug,
      );
    expect(await slugs({ kind: 'academia' })).toEqual(['demo-urban-data-lab']);
    expect(await slugs({ theme: 'energy' })).toEqual(['demo-nordic-energy-agency']);
    expect(await slugs({ theme: 'data-and-ai' })).toEqual([
      'demo-sensorwerk',
      'demo-urban-data-lab',
    ]);
    expect(await slugs({ sdg: '6' })).toEqual([
      'demo-andes-urban-fund',
      'demo-global-water-alliance',
    ]);
    expect(await slugs({ dimension: 'SC' })).toEqual(['demo-civic-commons', 'demo-urban-data-lab']);
    expect(await slugs({ region: 'global' })).toEqual([
      'demo-global-water-alliance',
      'demo-urban-data-lab',
    ]);
    expect(await slugs({ country: 'PE' })).toEqual(['demo-andes-urban-fund']);
    expect(await slugs({ hub: 'demo-andean-hub' })).toEqual([
      'demo-andes-urban-fund',
      'demo-global-water-alliance',
    ]);
    expect(await slugs({ recommendation: 'itu-t-y-4903' })).toEqual([
      'demo-sensorwerk',
      'demo-urban-data-lab',
    ]);
    expect(await slugs({ size: 'medium' })).toEqual([
      'demo-nordic-energy-agency',
      'demo-urban-data-lab',
    ]);

    const academia = await asUser(db, null, (tx) =>
      listOrganizations(tx, filters({ kind: 'academia' })),
    );
    expect(academia.total).toBe(1);
    // The kind facet ignores the kind filter itself, so the other options stay reachable.
    expect(academia.facets.kind).toHaveLength(6);
    expect(academia.facets.theme.map((f) => f.value).sort()).toEqual([
      'data-and-ai',
      'e-government',
      'kpis',
    ]);

    const none = await asUser(db, null, (tx) =>
      listOrganizations(tx, filters({ kind: 'academia', country: 'AT' })),
    );
    expect(none.total).toBe(0);
    expect(none.items).toEqual([]);
  });

  it('drops and names a filter value it does not understand', () => {
    const parsed = parseOrganizationFilters({ kind: 'pirates', country: 'no', page: 'x' });
    expect(parsed.invalid).toEqual(['kind']);
    expect(parsed.filters).toEqual({ country: 'NO', page: 1 });
    // Countries are ISO codes: a name is refused (and named), not silently matched to nothing.
    expect(parseOrganizationFilters({ country: 'Norway' }).invalid).toEqual(['country']);
  });

  it('gives an organization its website and the hubs it partners with', async () => {
    const result = await withPartners(
      [
        ['austria', 'demo-sensorwerk'],
        ['demo-nordic-hub', 'demo-sensorwerk'],
      ],
      null,
      async (tx) => {
        const organization = await findOrganization(tx, 'demo-sensorwerk');
        return { organization, hubs: await listPartnerHubs(tx, organization!.id) };
      },
    );
    expect(result.organization).toMatchObject({
      name: 'Sensorwerk GmbH (demo)',
      websiteUrl: 'https://sensorwerk.example/',
    });
    // Real hubs first, then demo hubs.
    expect(result.hubs.map((hub) => [hub.slug, hub.isDemo])).toEqual([
      ['austria', false],
      ['demo-nordic-hub', true],
    ]);
    const none = await withPartners([], null, async (tx) => {
      const organization = await findOrganization(tx, 'demo-urban-data-lab');
      return listPartnerHubs(tx, organization!.id);
    });
    expect(none).toEqual([]);
  });
});
