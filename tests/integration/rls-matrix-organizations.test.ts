import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { allPersonas, userIdOf, type Persona } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

/**
 * The partners domain's tables × every persona × select/insert/update/delete,
 * on PGlite and PostgreSQL. The seeded teams (supabase/seed/demo-organizations.json):
 * orgMember is admin of Sensorwerk (verified) and Pending Mobility (pending,
 * it chose the Nordic hub, so the coordinator reviews it); orgColleague is a
 * plain member of Sensorwerk and admin of Urban Data Lab (verified) and of
 * Gadget Resellers (declined; it chose the Austrian hub, the coordinator's
 * too). otherCoordinator (Andean hub) reviews none of these.
 */
const everyone = allPersonas;
const signedIn = allPersonas.filter((persona) => persona !== 'anon');
const except = (...left: Persona[]) => signedIn.filter((persona) => !left.includes(persona));

const count = async (tx: Queryable, sql: string, params: unknown[] = []) =>
  (await tx.query(sql, params)).length;
const org = (slug: string) => `(select id from public.organizations where slug = '${slug}')`;
const sensorwerk = 'demo-sensorwerk';
const lab = 'demo-urban-data-lab';
const pending = 'demo-pending-mobility';
const declined = 'demo-declined-gadgets';
const token = 'a'.repeat(64);

const cases: MatrixCase[] = [
  // organizations ------------------------------------------------------------
  {
    table: 'organizations',
    operation: 'select',
    what: 'read a verified organization',
    allowed: everyone,
    run: (tx) => count(tx, 'select 1 from public.organizations where slug = $1', [sensorwerk]),
  },
  {
    table: 'organizations',
    operation: 'select',
    what: 'read the pending organization (its admin, the Nordic reviewer, admins)',
    allowed: ['orgMember', 'coordinator', 'admin'],
    run: (tx) => count(tx, 'select 1 from public.organizations where slug = $1', [pending]),
  },
  {
    table: 'organizations',
    operation: 'select',
    what: 'read the declined organization (its admin, the Austrian reviewer, admins)',
    allowed: ['orgColleague', 'coordinator', 'admin'],
    run: (tx) => count(tx, 'select 1 from public.organizations where slug = $1', [declined]),
  },
  {
    table: 'organizations',
    operation: 'insert',
    what: 'register an organization for review, accepting the terms (then see it as its admin)',
    allowed: signedIn,
    run: async (tx) => {
      await tx.query(
        `insert into public.organizations (slug, name, kind, created_by, terms_version)
         values ('rls-org', 'RLS Org', 'academia', auth.uid(), '2026-12-03')`,
      );
      return count(tx, `select 1 from public.organizations where slug = 'rls-org'`);
    },
  },
  {
    table: 'organizations',
    operation: 'insert',
    what: 'register an organization in the name of the member (only the member may)',
    allowed: ['member'],
    run: async (tx) => {
      await tx.query(
        `insert into public.organizations (slug, name, kind, created_by, terms_version)
         values ('rls-org-2', 'RLS Org', 'academia', $1, '2026-12-03')`,
        [userIdOf('member')],
      );
      return count(tx, `select 1 from public.organizations where slug = 'rls-org-2'`);
    },
  },
  {
    table: 'organizations',
    operation: 'insert',
    what: 'register an organization as verified already',
    allowed: [],
    controlAs: 'member',
    run: async (tx) => {
      await tx.query(
        `insert into public.organizations (slug, name, kind, created_by, terms_version, status)
         values ('rls-org-3', 'RLS Org', 'academia', auth.uid(), '2026-12-03', 'verified')`,
      );
      return count(tx, `select 1 from public.organizations where slug = 'rls-org-3'`);
    },
  },
  {
    table: 'organizations',
    operation: 'update',
    what: "edit Sensorwerk's summary (its admin, not its plain member)",
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(tx, `update public.organizations set summary = 'x' where slug = $1 returning 1`, [
        sensorwerk,
      ]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: "edit Urban Data Lab's summary (its admin; a member of another organization cannot)",
    allowed: ['orgColleague', 'admin'],
    run: (tx) =>
      count(tx, `update public.organizations set summary = 'x' where slug = $1 returning 1`, [lab]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: "edit the pending organization's summary (a reviewer decides, does not edit)",
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(tx, `update public.organizations set summary = 'x' where slug = $1 returning 1`, [
        pending,
      ]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: 'verify the pending organization (its reviewer and admins, never its own admin)',
    allowed: ['coordinator', 'admin'],
    run: (tx) =>
      count(tx, `update public.organizations set status = 'verified' where slug = $1 returning 1`, [
        pending,
      ]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: 'decline the pending organization with a reason',
    allowed: ['coordinator', 'admin'],
    run: (tx) =>
      count(
        tx,
        `update public.organizations set status = 'declined', decline_reason = 'Not a city partner.'
          where slug = $1 returning 1`,
        [pending],
      ),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: 'submit the declined organization again (its admins)',
    allowed: ['orgColleague', 'admin'],
    run: (tx) =>
      count(tx, `update public.organizations set status = 'pending' where slug = $1 returning 1`, [
        declined,
      ]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: 'verify the declined organization directly (platform admins only)',
    allowed: ['admin'],
    run: (tx) =>
      count(tx, `update public.organizations set status = 'verified' where slug = $1 returning 1`, [
        declined,
      ]),
  },
  {
    table: 'organizations',
    operation: 'update',
    what: 'put the verified Sensorwerk back to pending (platform admins only)',
    allowed: ['admin'],
    run: (tx) =>
      count(tx, `update public.organizations set status = 'pending' where slug = $1 returning 1`, [
        sensorwerk,
      ]),
  },
  {
    table: 'organizations',
    operation: 'delete',
    what: 'delete Sensorwerk',
    allowed: ['admin'],
    run: (tx) =>
      count(tx, 'delete from public.organizations where slug = $1 returning 1', [sensorwerk]),
  },
  // memberships of organizations ---------------------------------------------
  {
    table: 'memberships',
    operation: 'select',
    what: "see Sensorwerk's team (its members, platform admins)",
    allowed: ['orgMember', 'orgColleague', 'admin'],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.memberships where organization_id = ${org(sensorwerk)} and user_id = $1`,
        [userIdOf('orgColleague')],
      ),
  },
  {
    table: 'memberships',
    operation: 'update',
    what: 'make the colleague an admin of Sensorwerk (its admins, platform admins)',
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(
        tx,
        `update public.memberships set org_role = 'admin'
          where organization_id = ${org(sensorwerk)} and user_id = $1 returning 1`,
        [userIdOf('orgColleague')],
      ),
  },
  {
    table: 'memberships',
    operation: 'update',
    what: 'turn an organization role into a hub coordinator role',
    allowed: [],
    controlAs: 'orgMember',
    run: (tx, ids) =>
      count(
        tx,
        `update public.memberships set role = 'hub_coordinator', organization_id = null, org_role = null, hub_id = $2
          where organization_id = ${org(sensorwerk)} and user_id = $1 returning 1`,
        [userIdOf('orgColleague'), ids.hub('austria')],
      ),
  },
  {
    table: 'memberships',
    operation: 'delete',
    what: 'remove the colleague from Sensorwerk (its admins; the colleague leaves; platform admins)',
    allowed: ['orgMember', 'orgColleague', 'admin'],
    run: (tx) =>
      count(
        tx,
        `delete from public.memberships
          where organization_id = ${org(sensorwerk)} and user_id = $1 returning 1`,
        [userIdOf('orgColleague')],
      ),
  },
  {
    table: 'memberships',
    operation: 'delete',
    what: 'remove the partner from Sensorwerk once the colleague is an admin too',
    allowed: ['orgMember', 'orgColleague', 'admin'],
    setup: async (tx) => {
      await tx.query(
        `update public.memberships set org_role = 'admin' where organization_id = ${org(sensorwerk)}`,
      );
    },
    run: (tx) =>
      count(
        tx,
        `delete from public.memberships
          where organization_id = ${org(sensorwerk)} and user_id = $1 returning 1`,
        [userIdOf('orgMember')],
      ),
  },
  // organization_hub_requests --------------------------------------------------
  {
    table: 'organization_hub_requests',
    operation: 'select',
    what: "see the hub the pending organization chose (its members, the hub's coordinators, admins)",
    allowed: ['orgMember', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_hub_requests where organization_id = ${org(pending)}`,
      ),
  },
  {
    table: 'organization_hub_requests',
    operation: 'insert',
    what: 'choose the Austrian hub for the pending organization (its admins)',
    allowed: ['orgMember'],
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.organization_hub_requests (organization_id, hub_id)
         values (${org(pending)}, $1) returning 1`,
        [ids.hub('austria')],
      ),
  },
  {
    table: 'organization_hub_requests',
    operation: 'insert',
    what: 'choose a hub for the verified Sensorwerk (no review to ask for)',
    allowed: [],
    controlAs: 'orgMember',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.organization_hub_requests (organization_id, hub_id)
         values ((select id from public.organizations where slug = 'demo-sensorwerk'), $1) returning 1`,
        [ids.hub('demo-andean-hub')],
      ),
  },
  {
    table: 'organization_hub_requests',
    operation: 'delete',
    what: 'drop the hub the pending organization chose (its admins)',
    allowed: ['orgMember'],
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_hub_requests where organization_id = ${org(pending)} returning 1`,
      ),
  },
  // organization_registration_drafts ----------------------------------------
  {
    table: 'organization_registration_drafts',
    operation: 'select',
    what: "read the member's draft",
    allowed: ['member'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_registration_drafts (user_id, data) values ($1, '{"identity":{}}')`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(tx, 'select 1 from public.organization_registration_drafts where user_id = $1', [
        userIdOf('member'),
      ]),
  },
  {
    table: 'organization_registration_drafts',
    operation: 'insert',
    what: 'start their own draft',
    allowed: signedIn,
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_registration_drafts (user_id, data) values (auth.uid(), '{}') returning 1`,
      ),
  },
  {
    table: 'organization_registration_drafts',
    operation: 'insert',
    what: "start a draft in the city editor's name",
    allowed: ['cityEditor'],
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_registration_drafts (user_id, data) values ($1, '{}') returning 1`,
        [userIdOf('cityEditor')],
      ),
  },
  {
    table: 'organization_registration_drafts',
    operation: 'update',
    what: "save the member's draft",
    allowed: ['member'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_registration_drafts (user_id, data) values ($1, '{}')`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `update public.organization_registration_drafts set data = '{"a":1}' where user_id = $1 returning 1`,
        [userIdOf('member')],
      ),
  },
  {
    table: 'organization_registration_drafts',
    operation: 'delete',
    what: "discard the member's draft",
    allowed: ['member'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_registration_drafts (user_id, data) values ($1, '{}')`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(
        tx,
        'delete from public.organization_registration_drafts where user_id = $1 returning 1',
        [userIdOf('member')],
      ),
  },
  // organization_offerings -----------------------------------------------------
  {
    table: 'organization_offerings',
    operation: 'select',
    what: "read Sensorwerk's offerings",
    allowed: everyone,
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_offerings where organization_id = ${org(sensorwerk)}`,
      ),
  },
  {
    table: 'organization_offerings',
    operation: 'select',
    what: "read the pending organization's offerings (as it: its team, reviewer, admins)",
    allowed: ['orgMember', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_offerings where organization_id = ${org(pending)}`,
      ),
  },
  {
    table: 'organization_offerings',
    operation: 'insert',
    what: 'add an offering to Sensorwerk (its admins, platform admins)',
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_offerings (organization_id, title, themes, created_by)
         values (${org(sensorwerk)}, 'RLS offering', '{energy}', auth.uid()) returning 1`,
      ),
  },
  {
    table: 'organization_offerings',
    operation: 'update',
    what: "change Urban Data Lab's offering",
    allowed: ['orgColleague', 'admin'],
    run: (tx) =>
      count(
        tx,
        `update public.organization_offerings set title = 'Changed' where organization_id = ${org(lab)} returning 1`,
      ),
  },
  {
    table: 'organization_offerings',
    operation: 'delete',
    what: "remove Sensorwerk's offerings",
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_offerings where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  // organization_deliverables -------------------------------------------------
  {
    table: 'organization_deliverables',
    operation: 'select',
    what: 'read the Recommendations Sensorwerk implements',
    allowed: everyone,
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_deliverables where organization_id = ${org(sensorwerk)}`,
      ),
  },
  {
    table: 'organization_deliverables',
    operation: 'insert',
    what: 'say Sensorwerk implements Y.4905',
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_deliverables (organization_id, deliverable_id)
         values (${org(sensorwerk)}, (select id from public.deliverables where slug = 'itu-t-y-4905')) returning 1`,
      ),
  },
  {
    table: 'organization_deliverables',
    operation: 'delete',
    what: "remove Sensorwerk's Recommendations",
    allowed: ['orgMember', 'admin'],
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_deliverables where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  // organization_invitations ---------------------------------------------------
  {
    table: 'organization_invitations',
    operation: 'select',
    what: "read Sensorwerk's invitations (its admins only, not platform admins)",
    allowed: ['orgMember'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_invitations (organization_id, email, token_hash, invited_by)
         values (${org(sensorwerk)}, 'new@example.org', $1, $2)`,
        [token, userIdOf('orgMember')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_invitations where organization_id = ${org(sensorwerk)}`,
      ),
  },
  {
    table: 'organization_invitations',
    operation: 'insert',
    what: 'invite someone to Sensorwerk',
    allowed: ['orgMember'],
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_invitations (organization_id, email, token_hash)
         values (${org(sensorwerk)}, 'new@example.org', $1) returning 1`,
        [token],
      ),
  },
  {
    table: 'organization_invitations',
    operation: 'update',
    what: "withdraw Sensorwerk's open invitation",
    allowed: ['orgMember'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_invitations (organization_id, email, token_hash, invited_by)
         values (${org(sensorwerk)}, 'new@example.org', $1, $2)`,
        [token, userIdOf('orgMember')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `update public.organization_invitations set revoked_at = now()
          where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  {
    table: 'organization_invitations',
    operation: 'delete',
    what: 'delete an invitation (nobody: withdrawn ones are kept)',
    allowed: [],
    controlAs: 'orgMember',
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_invitations (organization_id, email, token_hash, invited_by)
         values (${org(sensorwerk)}, 'new@example.org', $1, $2)`,
        [token, userIdOf('orgMember')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_invitations where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  // organization_join_requests ---------------------------------------------------
  {
    table: 'organization_join_requests',
    operation: 'select',
    what: "read the member's request to join Sensorwerk (the member, Sensorwerk's admins)",
    allowed: ['member', 'orgMember'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_join_requests (organization_id, user_id) values (${org(sensorwerk)}, $1)`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_join_requests where organization_id = ${org(sensorwerk)}`,
      ),
  },
  {
    table: 'organization_join_requests',
    operation: 'insert',
    what: 'ask to join Sensorwerk (anyone not in it)',
    allowed: except('orgMember', 'orgColleague'),
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_join_requests (organization_id, user_id)
         values (${org(sensorwerk)}, auth.uid()) returning 1`,
      ),
  },
  {
    table: 'organization_join_requests',
    operation: 'update',
    what: "accept the member's request to join Sensorwerk (its admins)",
    allowed: ['orgMember'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_join_requests (organization_id, user_id) values (${org(sensorwerk)}, $1)`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `update public.organization_join_requests set status = 'accepted'
          where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  {
    table: 'organization_join_requests',
    operation: 'delete',
    what: "withdraw the member's pending request (the member)",
    allowed: ['member'],
    setup: async (tx) => {
      await tx.query(
        `insert into public.organization_join_requests (organization_id, user_id) values (${org(sensorwerk)}, $1)`,
        [userIdOf('member')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_join_requests where organization_id = ${org(sensorwerk)} returning 1`,
      ),
  },
  // organization_contact_requests -----------------------------------------------
  {
    table: 'organization_contact_requests',
    operation: 'select',
    what: "read Fjordby's message to Urban Data Lab (its sender, the lab's admins; not platform admins)",
    allowed: ['cityEditor', 'orgColleague'],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.organization_contact_requests where organization_id = ${org(lab)}`,
      ),
  },
  {
    table: 'organization_contact_requests',
    operation: 'insert',
    what: 'write to Sensorwerk',
    allowed: signedIn,
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_contact_requests (organization_id, subject, message)
         values (${org(sensorwerk)}, 'Hello there', 'A message for the matrix.') returning 1`,
      ),
  },
  {
    table: 'organization_contact_requests',
    operation: 'insert',
    what: 'write to the pending organization (not listed yet)',
    allowed: [],
    controlAs: 'member',
    run: (tx) =>
      count(
        tx,
        `insert into public.organization_contact_requests (organization_id, sender_id, subject, message)
         values (${org(pending)}, auth.uid(), 'Hello there', 'A message for the matrix.') returning 1`,
      ),
  },
  {
    table: 'organization_contact_requests',
    operation: 'update',
    what: "mark Fjordby's message answered (the lab's admins)",
    allowed: ['orgColleague'],
    run: (tx) =>
      count(
        tx,
        `update public.organization_contact_requests set status = 'answered'
          where organization_id = ${org(lab)} returning 1`,
      ),
  },
  {
    table: 'organization_contact_requests',
    operation: 'delete',
    what: 'delete a message (nobody: the record is kept)',
    allowed: [],
    controlAs: 'orgColleague',
    run: (tx) =>
      count(
        tx,
        `delete from public.organization_contact_requests where organization_id = ${org(lab)} returning 1`,
      ),
  },
];

describe.each(testTargets())('partners RLS matrix on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());

  defineMatrix(cases, () => ({ db, ids }));
});
