import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyTarget,
  can,
  permissionNames,
  type Membership,
  type Permission,
  type Target,
} from '../../src/lib/permissions';
import { listRolesOf } from '../../src/server/auth/queries';
import { createRequestDb, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { decidePermission } from '../../src/server/permissions/decide-permission';
import { AccessDenied, requirePermission } from '../../src/server/permissions/require-permission';
import { testTargets } from '../support/databases';
import { allPersonas, claimsOf, userIdOf, type Persona } from '../support/personas';
import { loadSeedIds, type SeedIds } from '../support/rls-matrix';

/** Runs `fn` as a persona through a real request context, always rolled back. */
async function asPersona<T>(
  db: Database,
  persona: Persona,
  fn: (tx: RequestDb) => Promise<T>,
): Promise<T> {
  const handle = createRequestDb(claimsOf(persona), () => Promise.resolve(db));
  try {
    return await fn(handle.db);
  } finally {
    await handle.finish('rollback');
  }
}

/** Whether a statement gets through RLS as the persona (in a savepoint, so a refusal is contained). */
const rlsAllows = async (tx: RequestDb, sql: string, params: unknown[]) => {
  try {
    return (await tx.savepoint((inner) => inner.query(sql, params))).length > 0;
  } catch {
    return false;
  }
};

describe.each(testTargets())('the permission guard on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  /** The hubs each organization chose when it registered (its reviewers'), by slug. */
  let reviewHubs: Map<string, string[]>;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
    const rows = await db.query<{ slug: string; hubs: string[] }>(
      `select o.slug, coalesce(array_agg(r.hub_id) filter (where r.hub_id is not null), '{}') as hubs
         from public.organizations o left join public.organization_hub_requests r on r.organization_id = o.id
        group by o.slug`,
    );
    reviewHubs = new Map(rows.map((row) => [row.slug, row.hubs]));
  });
  afterAll(() => db.close());

  /** Every permission with the targets worth asking about: each persona's own and others'. */
  const targetsFor = (i: SeedIds): Target[] => [
    {},
    anyTarget,
    { hubId: i.hub('austria') },
    { hubId: i.hub('demo-andean-hub') },
    { cityId: i.city('demo-fjordby'), cityHubIds: [i.hub('demo-nordic-hub')] },
    { cityId: i.city('demo-riverton'), cityHubIds: [i.hub('demo-andean-hub')] },
    ...[
      'demo-sensorwerk',
      'demo-urban-data-lab',
      'demo-pending-mobility',
      'demo-declined-gadgets',
    ].map((slug) => ({
      organizationId: i.organization(slug),
      reviewHubIds: reviewHubs.get(slug) ?? [],
    })),
  ];

  for (const persona of allPersonas) {
    it(`${persona}: the database's answer is the catalogue's, for every permission and target`, async () => {
      await asPersona(db, persona, async (tx) => {
        const memberships: Membership[] =
          persona === 'anon' ? [] : await listRolesOf(tx, [userIdOf(persona)]);
        const userId = claimsOf(persona)?.sub ?? null;
        const mismatches: string[] = [];
        for (const permission of permissionNames) {
          for (const t of targetsFor(ids)) {
            const database = await decidePermission(tx, permission, t, userId !== null);
            const catalogue = can(memberships, permission, t, userId);
            if (database !== catalogue)
              mismatches.push(
                `${permission} ${JSON.stringify(t)}: db ${database}, can ${catalogue}`,
              );
          }
        }
        expect(mismatches).toEqual([]);
      });
    });
  }

  it('allows exactly what RLS lets through when publishing news for a hub', async () => {
    for (const persona of allPersonas) {
      await asPersona(db, persona, async (tx) => {
        for (const hub of ['austria', 'demo-andean-hub']) {
          const hubId = ids.hub(hub);
          const guard = await decidePermission(tx, 'news.publish', { hubId }, persona !== 'anon');
          const rls =
            persona !== 'anon' &&
            (await rlsAllows(
              tx,
              `insert into public.news_items (hub_id, slug, title, summary, body, author_id)
               values ($1, $3, 'Guard probe', '', '{"type":"doc","content":[]}', $2) returning id`,
              [hubId, userIdOf(persona as Exclude<Persona, 'anon'>), `guard-probe-${hub}`],
            ));
          expect(guard, `${persona} · ${hub}`).toBe(rls);
        }
      });
    }
  });

  it('refuses an id that is not a UUID without asking (no 500 from a cast)', async () => {
    await asPersona(db, 'admin', async (tx) => {
      expect(await decidePermission(tx, 'hub.update', { hubId: 'not-a-uuid' }, true)).toBe(false);
      expect(await decidePermission(tx, 'hub.update', { hubId: ids.hub('austria') }, true)).toBe(
        true,
      );
    });
  });

  const contextOf = (tx: RequestDb, persona: Persona) => ({
    locals: { db: tx, claims: claimsOf(persona) } as App.Locals,
    request: new Request('http://localhost/news/new', { method: 'POST' }),
    url: new URL('http://localhost/news/new?hub=austria'),
  });

  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return null;
    } catch (error) {
      if (error instanceof AccessDenied) return error.reason;
      throw error;
    }
  };

  it('requirePermission: sign-in for visitors, forbidden for members without the role, access for the role', async () => {
    const cases: [Persona, Permission, Target, 'sign-in' | 'forbidden' | null][] = [
      ['anon', 'account.signIn', {}, null],
      ['anon', 'account.manage', {}, 'sign-in'],
      ['anon', 'news.publish', anyTarget, 'sign-in'],
      ['member', 'account.manage', {}, null],
      ['member', 'news.publish', anyTarget, 'forbidden'],
      ['member', 'admin.access', {}, 'forbidden'],
      ['coordinator', 'news.publish', anyTarget, null],
      ['coordinator', 'news.publish', { hubId: ids.hub('austria') }, null],
      ['coordinator', 'news.publish', { hubId: ids.hub('demo-andean-hub') }, 'forbidden'],
      ['cityEditor', 'hub.apply', anyTarget, null],
      ['cityEditor', 'hub.apply', { cityId: ids.city('demo-fjordby') }, null],
      ['cityEditor', 'hub.apply', { cityId: ids.city('demo-riverton') }, 'forbidden'],
      ['admin', 'admin.access', {}, null],
    ];
    for (const [persona, permission, t, expected] of cases) {
      await asPersona(db, persona, async (tx) => {
        const outcome = await refusal(requirePermission(contextOf(tx, persona), permission, t));
        expect(outcome, `${persona} · ${permission} · ${JSON.stringify(t)}`).toBe(expected);
      });
    }
  });

  it('gives the granted access the caller’s claims and the request, for reading its body', async () => {
    await asPersona(db, 'coordinator', async (tx) => {
      const context = contextOf(tx, 'coordinator');
      const access = await requirePermission(context, 'news.publish', anyTarget);
      expect(access.claims.sub).toBe(userIdOf('coordinator'));
      expect(access.request).toBe(context.request);
    });
  });
});
