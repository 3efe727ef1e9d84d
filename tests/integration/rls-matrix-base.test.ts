import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { allPersonas, userIdOf } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

const everyone = allPersonas;
const authenticated = allPersonas.filter((persona) => persona !== 'anon');
const count = async (rows: Promise<unknown[]>) => (await rows).length;

/**
 * Every base table and the audit log, for every persona × select/insert/
 * update/delete. Personas (tests/support/personas.ts): coordinator holds
 * `austria` and `demo-nordic-hub`, otherCoordinator `demo-andean-hub`,
 * cityEditor `demo-fjordby` and otherCityEditor `demo-lakeside` (both Nordic hub), orgMember `demo-sensorwerk` and
 * `demo-pending-mobility`. Later issues add their tables' cases here.
 */
const cases: MatrixCase[] = [
  // profiles
  {
    table: 'profiles',
    operation: 'select',
    what: "read the member's profile",
    allowed: everyone,
    run: (tx) =>
      count(tx.query('select 1 from public.profiles where id = $1', [userIdOf('member')])),
  },
  {
    table: 'profiles',
    operation: 'insert',
    what: 'create their own profile (after removing it)',
    allowed: authenticated,
    run: async (tx) => {
      await tx.query('delete from public.profiles where id = auth.uid()');
      return count(
        tx.query(
          "insert into public.profiles (id, display_name) values (auth.uid(), 'Me') returning 1",
        ),
      );
    },
  },
  {
    table: 'profiles',
    operation: 'insert',
    what: "create a profile with the member's id (only the member may)",
    allowed: ['member'],
    run: async (tx) => {
      await tx.query('delete from public.profiles where id = $1', [userIdOf('member')]);
      return count(
        tx.query(
          "insert into public.profiles (id, display_name) values ($1, 'Forged') returning 1",
          [userIdOf('member')],
        ),
      );
    },
  },
  {
    table: 'profiles',
    operation: 'update',
    what: 'edit their own profile',
    allowed: authenticated,
    run: (tx) =>
      count(
        tx.query("update public.profiles set affiliation = 'x' where id = auth.uid() returning 1"),
      ),
  },
  {
    table: 'profiles',
    operation: 'update',
    what: "edit the member's profile",
    allowed: ['member'],
    run: (tx) =>
      count(
        tx.query("update public.profiles set display_name = 'Hacked' where id = $1 returning 1", [
          userIdOf('member'),
        ]),
      ),
  },
  {
    table: 'profiles',
    operation: 'delete',
    what: "delete the member's profile",
    allowed: ['member', 'admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.profiles where id = $1 returning 1', [userIdOf('member')]),
      ),
  },
  // hubs
  {
    table: 'hubs',
    operation: 'select',
    what: 'read the Austrian hub',
    allowed: everyone,
    run: (tx) => count(tx.query("select 1 from public.hubs where slug = 'austria'")),
  },
  {
    table: 'hubs',
    operation: 'insert',
    what: 'add a hub',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          "insert into public.hubs (slug, name, region) values ('rls-new-hub', 'RLS hub', 'europe') returning 1",
        ),
      ),
  },
  {
    table: 'hubs',
    operation: 'update',
    what: "edit the Austrian hub's summary",
    allowed: ['coordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query("update public.hubs set summary = 'changed' where id = $1 returning 1", [
          ids.hub('austria'),
        ]),
      ),
  },
  {
    table: 'hubs',
    operation: 'update',
    what: "edit the Andean hub's summary",
    allowed: ['otherCoordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query("update public.hubs set summary = 'changed' where id = $1 returning 1", [
          ids.hub('demo-andean-hub'),
        ]),
      ),
  },
  {
    table: 'hubs',
    operation: 'delete',
    what: 'delete the Andean hub',
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query('delete from public.hubs where id = $1 returning 1', [ids.hub('demo-andean-hub')]),
      ),
  },
  // cities
  {
    table: 'cities',
    operation: 'select',
    what: 'read Fjordby',
    allowed: everyone,
    run: (tx) => count(tx.query("select 1 from public.cities where slug = 'demo-fjordby'")),
  },
  {
    // A city has no hub column: a coordinator adds it, then adds it to their
    // own hub (hub_cities, rls-matrix-hubs).
    table: 'cities',
    operation: 'insert',
    what: 'add a city',
    allowed: ['coordinator', 'otherCoordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          "insert into public.cities (slug, name, country, region) values ('rls-city', 'RLS', 'NO', 'europe') returning 1",
        ),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: "edit Fjordby (the city editor's city, Nordic hub)",
    allowed: ['cityEditor', 'coordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query('update public.cities set latitude = 60 where id = $1 returning 1', [
          ids.city('demo-fjordby'),
        ]),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: 'edit Lakeside (another city of the Nordic hub, edited by the other city editor)',
    allowed: ['otherCityEditor', 'coordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query('update public.cities set latitude = 61 where id = $1 returning 1', [
          ids.city('demo-lakeside'),
        ]),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: 'edit Riverton (Andean hub)',
    allowed: ['otherCoordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query('update public.cities set latitude = -12 where id = $1 returning 1', [
          ids.city('demo-riverton'),
        ]),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: 'edit Fjordby once it is in the Andean hub too',
    allowed: ['cityEditor', 'coordinator', 'otherCoordinator', 'admin'],
    setup: async (tx, ids) => {
      await tx.query('insert into public.hub_cities (hub_id, city_id) values ($1, $2)', [
        ids.hub('demo-andean-hub'),
        ids.city('demo-fjordby'),
      ]);
    },
    run: (tx, ids) =>
      count(
        tx.query('update public.cities set latitude = 60.5 where id = $1 returning 1', [
          ids.city('demo-fjordby'),
        ]),
      ),
  },
  {
    table: 'cities',
    operation: 'delete',
    what: 'delete Fjordby',
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query('delete from public.cities where id = $1 returning 1', [ids.city('demo-fjordby')]),
      ),
  },
  // organizations: tests/integration/rls-matrix-organizations.test.ts
  // memberships
  {
    table: 'memberships',
    operation: 'select',
    what: 'see who coordinates hubs',
    allowed: everyone,
    run: (tx) => count(tx.query("select 1 from public.memberships where role = 'hub_coordinator'")),
  },
  {
    table: 'memberships',
    operation: 'select',
    what: "see the city editor's role",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query("select 1 from public.memberships where role = 'city_editor' and user_id = $1", [
          userIdOf('cityEditor'),
        ]),
      ),
  },
  {
    table: 'memberships',
    operation: 'select',
    what: "see the partner's organization roles (their colleague at Sensorwerk too)",
    allowed: ['orgMember', 'orgColleague', 'admin'],
    run: (tx) =>
      count(
        tx.query("select 1 from public.memberships where role = 'org_member' and user_id = $1", [
          userIdOf('orgMember'),
        ]),
      ),
  },
  {
    table: 'memberships',
    operation: 'insert',
    what: 'make the member editor of Lakeside',
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          "insert into public.memberships (user_id, role, city_id, created_by) values ($1, 'city_editor', $2, auth.uid()) returning 1",
          [userIdOf('member'), ids.city('demo-lakeside')],
        ),
      ),
  },
  {
    table: 'memberships',
    operation: 'insert',
    what: 'make themselves coordinator of the Andean hub',
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          "insert into public.memberships (user_id, role, hub_id, created_by) values (auth.uid(), 'hub_coordinator', $1, auth.uid()) returning 1",
          [ids.hub('demo-andean-hub')],
        ),
      ),
  },
  {
    table: 'memberships',
    operation: 'update',
    what: "turn the city editor's role into platform admin",
    allowed: [],
    run: (tx) =>
      count(
        tx.query(
          "update public.memberships set role = 'platform_admin', city_id = null where user_id = $1 returning 1",
          [userIdOf('cityEditor')],
        ),
      ),
  },
  {
    table: 'memberships',
    operation: 'delete',
    what: "revoke the city editor's role",
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.memberships where user_id = $1 returning 1', [
          userIdOf('cityEditor'),
        ]),
      ),
  },
  // deliverables
  {
    table: 'deliverables',
    operation: 'select',
    what: 'read published deliverables',
    allowed: everyone,
    run: (tx) => count(tx.query('select 1 from public.deliverables where published limit 1')),
  },
  {
    table: 'deliverables',
    operation: 'insert',
    what: 'add a deliverable',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          "insert into public.deliverables (slug, kind, title, year, summary) values ('rls-d', 'publication', 'T', 2024, 'S') returning 1",
        ),
      ),
  },
  {
    table: 'deliverables',
    operation: 'update',
    what: 'edit a deliverable',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          "update public.deliverables set summary = 'x' where slug = 'itu-t-y-4903' returning 1",
        ),
      ),
  },
  {
    table: 'deliverables',
    operation: 'delete',
    what: 'delete a deliverable',
    allowed: ['admin'],
    run: (tx) =>
      count(tx.query("delete from public.deliverables where slug = 'itu-t-y-4903' returning 1")),
  },
  // audit_log (identity)
  {
    table: 'audit_log',
    operation: 'select',
    what: 'read the audit log',
    allowed: ['admin'],
    run: (tx) => count(tx.query('select 1 from public.audit_log limit 1')),
  },
  {
    table: 'audit_log',
    operation: 'insert',
    what: 'write an audit entry',
    allowed: [],
    run: (tx) =>
      count(
        tx.query(
          "insert into public.audit_log (actor_id, action) values (auth.uid(), 'role.granted') returning 1",
        ),
      ),
  },
  {
    table: 'audit_log',
    operation: 'update',
    what: 'rewrite an audit entry',
    allowed: [],
    run: (tx) => count(tx.query('update public.audit_log set actor_id = auth.uid() returning 1')),
  },
  {
    table: 'audit_log',
    operation: 'delete',
    what: 'erase the audit log',
    allowed: [],
    run: (tx) => count(tx.query('delete from public.audit_log returning 1')),
  },
];

describe.each(testTargets())('RLS matrix of the base tables on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());
  defineMatrix(cases, () => ({ db, ids }));
});
