import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  can,
  type Membership,
  type Permission,
  type PermissionTarget,
} from '../../src/lib/permissions';
import { listRolesOf } from '../../src/server/auth/queries';
import { grantRole } from '../../src/server/admin/grant-role';
import { revokeRole } from '../../src/server/admin/revoke-role';
import { setAccountDisabled } from '../../src/server/admin/set-account-disabled';
import { createRequestDb, type RequestDb } from '../../src/server/db/request-context';
import type { Database, Queryable } from '../../src/server/db/types';
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

const affected = async (tx: Queryable, sql: string, params: unknown[]) => {
  try {
    return (await (tx as RequestDb).savepoint((inner) => inner.query(sql, params))).length > 0;
  } catch {
    return false;
  }
};

describe.each(testTargets())('role stories on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());

  /** The catalogue's answer must equal what RLS lets the statement do, for every persona. */
  const stories: {
    permission: Permission;
    target: (ids: SeedIds) => PermissionTarget;
    sql: string;
    params: (ids: SeedIds) => unknown[];
  }[] = [
    {
      permission: 'hub.update',
      target: (i) => ({ hubId: i.hub('austria') }),
      sql: "update public.hubs set summary = 'story' where id = $1 returning 1",
      params: (i) => [i.hub('austria')],
    },
    {
      permission: 'hub.update',
      target: (i) => ({ hubId: i.hub('demo-andean-hub') }),
      sql: "update public.hubs set summary = 'story' where id = $1 returning 1",
      params: (i) => [i.hub('demo-andean-hub')],
    },
    {
      permission: 'city.update',
      target: (i) => ({ cityId: i.city('demo-fjordby'), cityHubIds: [i.hub('demo-nordic-hub')] }),
      sql: 'update public.cities set latitude = 60.4 where id = $1 returning 1',
      params: (i) => [i.city('demo-fjordby')],
    },
    {
      permission: 'city.update',
      target: (i) => ({ cityId: i.city('demo-riverton'), cityHubIds: [i.hub('demo-andean-hub')] }),
      sql: 'update public.cities set latitude = -12.1 where id = $1 returning 1',
      params: (i) => [i.city('demo-riverton')],
    },
    {
      permission: 'organization.update',
      target: (i) => ({ organizationId: i.organization('demo-sensorwerk') }),
      sql: "update public.organizations set summary = 'story' where id = $1 returning 1",
      params: (i) => [i.organization('demo-sensorwerk')],
    },
    {
      permission: 'organization.update',
      target: (i) => ({ organizationId: i.organization('demo-urban-data-lab') }),
      sql: "update public.organizations set summary = 'story' where id = $1 returning 1",
      params: (i) => [i.organization('demo-urban-data-lab')],
    },
    {
      permission: 'audit.read',
      target: () => ({}),
      sql: 'select 1 from public.audit_log limit 1',
      params: () => [],
    },
  ];

  for (const persona of allPersonas) {
    it(`${persona}: what the permission catalogue shows matches what the database allows`, async () => {
      await asPersona(db, persona, async (tx) => {
        const memberships: Membership[] =
          persona === 'anon' ? [] : await listRolesOf(tx, [userIdOf(persona)]);
        for (const story of stories) {
          const expected = can(
            memberships,
            story.permission,
            story.target(ids),
            claimsOf(persona)?.sub ?? null,
          );
          const actual = await affected(tx, story.sql, story.params(ids));
          expect(
            actual,
            `${persona} · ${story.permission} · ${JSON.stringify(story.params(ids))}`,
          ).toBe(expected);
        }
      });
    });
  }

  it('a city editor cannot change another city by sending its id', async () => {
    await asPersona(db, 'cityEditor', async (tx) => {
      expect(
        await affected(tx, 'update public.cities set name = $2 where id = $1 returning 1', [
          ids.city('demo-lakeside'),
          'Forged',
        ]),
      ).toBe(false);
      expect(
        await affected(tx, 'update public.cities set hub_id = $2 where id = $1 returning 1', [
          ids.city('demo-fjordby'),
          ids.hub('demo-andean-hub'),
        ]),
      ).toBe(false);
    });
  });

  it('a coordinator cannot change another hub or move a city into a hub they do not run', async () => {
    await asPersona(db, 'coordinator', async (tx) => {
      expect(
        await affected(tx, "update public.hubs set summary = 'forged' where id = $1 returning 1", [
          ids.hub('demo-andean-hub'),
        ]),
      ).toBe(false);
      expect(
        await affected(tx, 'update public.cities set hub_id = $2 where id = $1 returning 1', [
          ids.city('demo-lakeside'),
          ids.hub('demo-andean-hub'),
        ]),
      ).toBe(false);
    });
  });

  it('an organization member cannot edit another organization or verify their own', async () => {
    await asPersona(db, 'orgMember', async (tx) => {
      expect(
        await affected(
          tx,
          "update public.organizations set summary = 'forged' where id = $1 returning 1",
          [ids.organization('demo-urban-data-lab')],
        ),
      ).toBe(false);
      expect(
        await affected(
          tx,
          "update public.organizations set status = 'verified' where id = $1 returning 1",
          [ids.organization('demo-pending-mobility')],
        ),
      ).toBe(false);
    });
  });

  it('only an admin grants, revokes and disables through the admin use cases, whatever ids are sent', async () => {
    const [editorRole] = await db.query<{ id: string }>(
      "select id from public.memberships where role = 'city_editor' limit 1",
    );
    for (const persona of ['member', 'orgMember', 'cityEditor', 'coordinator'] as const) {
      const claims = claimsOf(persona)!;
      await asPersona(db, persona, (tx) =>
        expect(
          grantRole(tx, claims, {
            email: 'member@demo.u4ssc.local',
            role: 'platform_admin',
            hubId: null,
            cityId: null,
            organizationId: null,
          }),
        ).rejects.toMatchObject({ code: '42501' }),
      );
      await asPersona(db, persona, async (tx) =>
        expect(await revokeRole(tx, editorRole!.id)).toBe(false),
      );
      await asPersona(db, persona, (tx) =>
        expect(
          setAccountDisabled(tx, { userId: userIdOf('admin'), disabled: true }),
        ).rejects.toMatchObject({ code: '42501' }),
      );
    }
    await asPersona(db, 'admin', async (tx) => {
      const outcome = await grantRole(tx, claimsOf('admin')!, {
        email: 'member@demo.u4ssc.local',
        role: 'city_editor',
        hubId: null,
        cityId: ids.city('demo-lakeside'),
        organizationId: null,
      });
      expect(outcome).toEqual({ status: 'granted' });
      const [audit] = await tx.query<{ action: string; actor_id: string; target_user_id: string }>(
        'select action, actor_id, target_user_id from public.audit_log order by id desc limit 1',
      );
      expect(audit).toEqual({
        action: 'role.granted',
        actor_id: userIdOf('admin'),
        target_user_id: userIdOf('member'),
      });
      expect(await setAccountDisabled(tx, { userId: userIdOf('admin'), disabled: true })).toBe(
        'self',
      );
    });
  });
});
