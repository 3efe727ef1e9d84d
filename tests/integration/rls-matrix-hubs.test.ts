import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { userIdOf } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';
import { allPersonas } from '../support/personas';

/**
 * Who may do what with hubs, news, events, uploads and hub membership:
 * every persona × each operation, on PGlite and PostgreSQL.
 */
const everyone = allPersonas;
const signedIn = allPersonas.filter((persona) => persona !== 'anon');
const austriaTeam = ['coordinator', 'admin'] as const;
/** The coordinator persona runs the Nordic hub as well. */
const nordicTeam = austriaTeam;

const count = async (tx: Queryable, sql: string, params: unknown[] = []) =>
  (await tx.query(sql, params)).length;
const news = (slug: string) => `(select id from public.news_items where slug = '${slug}')`;
const event = (slug: string) => `(select id from public.events where slug = '${slug}')`;
const publishedNews = 'demo-austrian-hub-kpi-workshop-recap';
const draftNews = 'demo-austrian-hub-draft-annual-report';
const austrianEvent = 'demo-austrian-hub-smart-city-dialogue';
const doc = '{"type":"doc","content":[]}';
/** The committed fixture application: Fjordby (city editor) asking to join the Andean hub. */
const fjordbyToAndes = (select: string) =>
  `${select} from public.hub_membership_applications where hub_id = $1 and city_id = $2`;
const fjordbyToAndesParams = (ids: SeedIds) => [
  ids.hub('demo-andean-hub'),
  ids.city('demo-fjordby'),
];

const cases: MatrixCase[] = [
  // news ---------------------------------------------------------------------
  {
    table: 'news_items',
    operation: 'select',
    what: 'read a published news item',
    run: (tx) => count(tx, `select 1 from public.news_items where slug = $1`, [publishedNews]),
    allowed: everyone,
  },
  {
    table: 'news_items',
    operation: 'select',
    what: "read the Austrian hub's draft",
    run: (tx) => count(tx, `select 1 from public.news_items where slug = $1`, [draftNews]),
    allowed: austriaTeam,
  },
  {
    table: 'news_items',
    operation: 'select',
    what: "read the Austrian hub's news scheduled for tomorrow",
    // Scheduled by the owner first: a persona who may not edit the item could
    // not schedule it, and would then only be shown the published item hidden.
    setup: async (tx) => {
      await tx.query(
        `update public.news_items set published_at = now() + interval '1 day' where slug = $1`,
        [publishedNews],
      );
    },
    run: (tx) =>
      count(tx, `select 1 from public.news_items where slug = $1 and published_at > now()`, [
        publishedNews,
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'news_items',
    operation: 'insert',
    what: 'write news for the Austrian hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.news_items (hub_id, slug, title, body, author_id) values ($1, 'rls-news', 'RLS news', $2::jsonb, auth.uid()) returning 1`,
        [ids.hub('austria'), doc],
      ),
    allowed: austriaTeam,
  },
  {
    table: 'news_items',
    operation: 'insert',
    what: 'write news for the Andean hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.news_items (hub_id, slug, title, body, author_id) values ($1, 'rls-news', 'RLS news', $2::jsonb, auth.uid()) returning 1`,
        [ids.hub('demo-andean-hub'), doc],
      ),
    allowed: ['otherCoordinator', 'admin'],
  },
  {
    table: 'news_items',
    operation: 'insert',
    what: 'write news in someone else’s name',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.news_items (hub_id, slug, title, body, author_id) values ($1, 'rls-news', 'RLS news', $2::jsonb, $3) returning 1`,
        [ids.hub('austria'), doc, userIdOf('member')],
      ),
    allowed: [],
  },
  {
    table: 'news_items',
    operation: 'update',
    what: 'edit a published Austrian news item',
    run: (tx) =>
      count(tx, `update public.news_items set title = 'Changed' where slug = $1 returning 1`, [
        publishedNews,
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'news_items',
    operation: 'update',
    what: 'publish the Austrian draft',
    run: (tx) =>
      count(tx, `update public.news_items set published_at = now() where slug = $1 returning 1`, [
        draftNews,
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'news_items',
    operation: 'delete',
    what: 'delete an Austrian news item',
    run: (tx) =>
      count(tx, `delete from public.news_items where slug = $1 returning 1`, [publishedNews]),
    allowed: austriaTeam,
  },
  {
    table: 'news_revisions',
    operation: 'select',
    what: 'read the history of an Austrian news item',
    run: (tx) =>
      count(tx, `select 1 from public.news_revisions where news_id = ${news(publishedNews)}`),
    allowed: austriaTeam,
  },
  {
    table: 'news_revisions',
    operation: 'insert',
    what: 'forge a revision',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.news_revisions (news_id, hub_id, action, title, summary, body) values (${news(publishedNews)}, $1, 'edited', 'x', '', '{}'::jsonb) returning 1`,
        [ids.hub('austria')],
      ),
    allowed: [],
  },
  // events -------------------------------------------------------------------
  {
    table: 'events',
    operation: 'select',
    what: 'read a published event',
    run: (tx) => count(tx, `select 1 from public.events where slug = $1`, [austrianEvent]),
    allowed: everyone,
  },
  {
    table: 'events',
    operation: 'select',
    what: 'read an unpublished Austrian event',
    setup: async (tx) => {
      await tx.query(`update public.events set published_at = null where slug = $1`, [
        austrianEvent,
      ]);
    },
    run: (tx) =>
      count(tx, `select 1 from public.events where slug = $1 and published_at is null`, [
        austrianEvent,
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'events',
    operation: 'insert',
    what: 'create an event for the Austrian hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.events (hub_id, slug, title, starts_at, ends_at, time_zone, venue_name, created_by)
         values ($1, 'rls-event', 'RLS event', now() + interval '1 day', now() + interval '2 days', 'Europe/Vienna', 'Here', auth.uid())
         returning 1`,
        [ids.hub('austria')],
      ),
    allowed: austriaTeam,
  },
  {
    table: 'events',
    operation: 'update',
    what: 'change an Austrian event',
    run: (tx) =>
      count(tx, `update public.events set title = 'Changed' where slug = $1 returning 1`, [
        austrianEvent,
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'events',
    operation: 'delete',
    what: 'delete an Austrian event',
    run: (tx) =>
      count(tx, `delete from public.events where slug = $1 returning 1`, [austrianEvent]),
    allowed: austriaTeam,
  },
  {
    table: 'event_registrations',
    operation: 'insert',
    what: 'register oneself for an open event',
    run: (tx) =>
      count(
        tx,
        `insert into public.event_registrations (event_id, user_id) values (${event(austrianEvent)}, auth.uid()) on conflict do nothing returning 1`,
      ),
    allowed: signedIn.filter((persona) => persona !== 'member'),
  },
  {
    table: 'event_registrations',
    operation: 'insert',
    what: 'register the partner (only the partner may register themselves)',
    run: (tx) =>
      count(
        tx,
        `insert into public.event_registrations (event_id, user_id) values (${event(austrianEvent)}, $1) returning 1`,
        [userIdOf('orgMember')],
      ),
    allowed: ['orgMember'],
  },
  {
    table: 'event_registrations',
    operation: 'select',
    what: "see the member's registration",
    run: (tx) =>
      count(tx, `select 1 from public.event_registrations where user_id = $1`, [
        userIdOf('member'),
      ]),
    allowed: ['member', ...austriaTeam],
  },
  {
    table: 'event_registrations',
    operation: 'update',
    what: "move the member's registration off the waiting list",
    run: (tx) =>
      count(
        tx,
        `update public.event_registrations set status = 'confirmed' where user_id = $1 returning 1`,
        [userIdOf('member')],
      ),
    allowed: [],
  },
  {
    table: 'event_registrations',
    operation: 'delete',
    what: "cancel the member's registration",
    run: (tx) =>
      count(tx, `delete from public.event_registrations where user_id = $1 returning 1`, [
        userIdOf('member'),
      ]),
    allowed: ['member', ...austriaTeam],
  },
  // uploads ------------------------------------------------------------------
  {
    table: 'media_files',
    operation: 'insert',
    what: 'record an upload for the Austrian hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.media_files (storage_key, content_type, byte_size, hub_id, uploaded_by)
         values ('rls-test.png', 'image/png', 10, $1, auth.uid()) returning 1`,
        [ids.hub('austria')],
      ),
    allowed: austriaTeam,
  },
  {
    table: 'media_files',
    operation: 'select',
    what: 'read upload metadata (images are public)',
    run: (tx) => count(tx, `select 1 from public.media_files where storage_key = 'rls-seeded.png'`),
    allowed: everyone,
  },
  {
    table: 'media_files',
    operation: 'delete',
    what: "delete the coordinator's upload",
    run: (tx) =>
      count(tx, `delete from public.media_files where storage_key = 'rls-seeded.png' returning 1`),
    allowed: austriaTeam,
  },
  // hub membership -------------------------------------------------------------
  {
    table: 'hubs',
    operation: 'update',
    what: "edit the Austrian hub's description",
    run: (tx) =>
      count(
        tx,
        `update public.hubs set description = $1::jsonb where slug = 'austria' returning 1`,
        [doc],
      ),
    allowed: austriaTeam,
  },
  {
    table: 'hub_partners',
    operation: 'insert',
    what: 'add a partner organization to the Austrian hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_partners (hub_id, organization_id) values ($1, $2) returning 1`,
        [ids.hub('austria'), ids.organization('demo-urban-data-lab')],
      ),
    allowed: austriaTeam,
  },
  {
    table: 'hub_partners',
    operation: 'delete',
    what: "remove the Austrian hub's partner",
    run: (tx, ids) =>
      count(tx, `delete from public.hub_partners where hub_id = $1 returning 1`, [
        ids.hub('austria'),
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'hub_partners',
    operation: 'select',
    what: "read the Austrian hub's partners",
    run: (tx, ids) =>
      count(tx, `select 1 from public.hub_partners where hub_id = $1`, [ids.hub('austria')]),
    allowed: everyone,
  },
  {
    table: 'hub_partners',
    operation: 'insert',
    what: 'add Sensorwerk to the Andean hub (only its coordinators decide)',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_partners (hub_id, organization_id) values ($1, $2) returning 1`,
        [ids.hub('demo-andean-hub'), ids.organization('demo-sensorwerk')],
      ),
    allowed: ['otherCoordinator', 'admin'],
  },
  {
    table: 'hub_partners',
    operation: 'update',
    what: "move the Austrian hub's partner to the Andean hub",
    run: (tx, ids) =>
      count(tx, `update public.hub_partners set hub_id = $2 where hub_id = $1 returning 1`, [
        ids.hub('austria'),
        ids.hub('demo-andean-hub'),
      ]),
    allowed: [],
  },
  // member cities: many-to-many, each hub's coordinators decide their own hub
  {
    table: 'hub_cities',
    operation: 'select',
    what: "read Fjordby's membership of the Nordic hub",
    run: (tx, ids) =>
      count(tx, `select 1 from public.hub_cities where hub_id = $1 and city_id = $2`, [
        ids.hub('demo-nordic-hub'),
        ids.city('demo-fjordby'),
      ]),
    allowed: everyone,
  },
  {
    table: 'hub_cities',
    operation: 'insert',
    what: 'add Fjordby to the Austrian hub (a second hub)',
    run: (tx, ids) =>
      count(tx, `insert into public.hub_cities (hub_id, city_id) values ($1, $2) returning 1`, [
        ids.hub('austria'),
        ids.city('demo-fjordby'),
      ]),
    allowed: austriaTeam,
  },
  {
    table: 'hub_cities',
    operation: 'insert',
    what: 'add Fjordby to the Andean hub',
    run: (tx, ids) =>
      count(tx, `insert into public.hub_cities (hub_id, city_id) values ($1, $2) returning 1`, [
        ids.hub('demo-andean-hub'),
        ids.city('demo-fjordby'),
      ]),
    allowed: ['otherCoordinator', 'admin'],
  },
  {
    table: 'hub_cities',
    operation: 'insert',
    what: 'add Riverton (Andean hub) to the Nordic hub',
    run: (tx, ids) =>
      count(tx, `insert into public.hub_cities (hub_id, city_id) values ($1, $2) returning 1`, [
        ids.hub('demo-nordic-hub'),
        ids.city('demo-riverton'),
      ]),
    allowed: nordicTeam,
  },
  {
    table: 'hub_cities',
    operation: 'insert',
    what: 'add Fjordby to the Austrian hub in someone else’s name',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_cities (hub_id, city_id, created_by) values ($1, $2, $3) returning 1`,
        [ids.hub('austria'), ids.city('demo-fjordby'), userIdOf('member')],
      ),
    allowed: [],
  },
  {
    table: 'hub_cities',
    operation: 'update',
    what: "move Fjordby's Nordic membership to the Andean hub",
    run: (tx, ids) =>
      count(
        tx,
        `update public.hub_cities set hub_id = $3 where hub_id = $1 and city_id = $2 returning 1`,
        [ids.hub('demo-nordic-hub'), ids.city('demo-fjordby'), ids.hub('demo-andean-hub')],
      ),
    allowed: [],
  },
  {
    table: 'hub_cities',
    operation: 'delete',
    what: 'remove Fjordby from the Nordic hub',
    run: (tx, ids) =>
      count(tx, `delete from public.hub_cities where hub_id = $1 and city_id = $2 returning 1`, [
        ids.hub('demo-nordic-hub'),
        ids.city('demo-fjordby'),
      ]),
    allowed: nordicTeam,
  },
  {
    table: 'hub_cities',
    operation: 'delete',
    what: 'remove Riverton from the Andean hub',
    run: (tx, ids) =>
      count(tx, `delete from public.hub_cities where hub_id = $1 and city_id = $2 returning 1`, [
        ids.hub('demo-andean-hub'),
        ids.city('demo-riverton'),
      ]),
    allowed: ['otherCoordinator', 'admin'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'insert',
    what: 'ask for Lakeside (edited by the other city editor) to join the Andean hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_membership_applications (hub_id, city_id, applicant_id) values ($1, $2, auth.uid()) returning 1`,
        [ids.hub('demo-andean-hub'), ids.city('demo-lakeside')],
      ),
    allowed: ['otherCityEditor'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'insert',
    what: 'ask for Fjordby (edited by the city editor) to join the Nordic hub',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_membership_applications (hub_id, city_id, applicant_id) values ($1, $2, auth.uid()) returning 1`,
        [ids.hub('demo-nordic-hub'), ids.city('demo-fjordby')],
      ),
    allowed: ['cityEditor'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'insert',
    what: 'ask for Sensorwerk (verified) to join the Nordic hub (its admins, not its plain members)',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_membership_applications (hub_id, organization_id, applicant_id) values ($1, $2, auth.uid()) returning 1`,
        [ids.hub('demo-nordic-hub'), ids.organization('demo-sensorwerk')],
      ),
    allowed: ['orgMember'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'insert',
    what: 'ask for a pending organization to join',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.hub_membership_applications (hub_id, organization_id, applicant_id) values ($1, $2, auth.uid()) returning 1`,
        [ids.hub('demo-andean-hub'), ids.organization('demo-pending-mobility')],
      ),
    allowed: [],
  },
  {
    table: 'hub_membership_applications',
    operation: 'select',
    what: "see Fjordby's request to join the Andean hub",
    run: (tx, ids) => count(tx, fjordbyToAndes('select 1'), fjordbyToAndesParams(ids)),
    allowed: ['cityEditor', 'otherCoordinator', 'admin'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'update',
    what: "approve Fjordby's request to join the Andean hub",
    run: (tx, ids) =>
      count(
        tx,
        `update public.hub_membership_applications set status = 'approved'
          where hub_id = $1 and city_id = $2 and status = 'pending' returning 1`,
        fjordbyToAndesParams(ids),
      ),
    allowed: ['otherCoordinator', 'admin'],
  },
  {
    table: 'hub_membership_applications',
    operation: 'delete',
    what: "withdraw Fjordby's pending request",
    run: (tx, ids) =>
      count(
        tx,
        `delete from public.hub_membership_applications where hub_id = $1 and city_id = $2 returning 1`,
        fjordbyToAndesParams(ids),
      ),
    allowed: ['cityEditor', 'admin'],
  },
];

describe.each(testTargets())('RLS matrix for hubs, news, events and uploads on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
    // Fixtures the matrix reads or changes, written as the owner.
    await db.query(
      `insert into public.event_registrations (event_id, user_id) values (${event(austrianEvent)}, $1) on conflict do nothing`,
      [userIdOf('member')],
    );
    await db.query(
      `insert into public.media_files (storage_key, content_type, byte_size, hub_id, uploaded_by)
       values ('rls-seeded.png', 'image/png', 10, $1, $2) on conflict do nothing`,
      [ids.hub('austria'), userIdOf('coordinator')],
    );
    await db.query(
      `insert into public.hub_partners (hub_id, organization_id) values ($1, $2) on conflict do nothing`,
      [ids.hub('austria'), ids.organization('demo-sensorwerk')],
    );
    await db.query(fjordbyToAndes('delete'), fjordbyToAndesParams(ids));
    await db.query(
      `insert into public.hub_membership_applications (hub_id, city_id, applicant_id, message) values ($1, $2, $3, 'please')`,
      [...fjordbyToAndesParams(ids), userIdOf('cityEditor')],
    );
  });
  afterAll(async () => {
    // The PostgreSQL target is shared by the test files of one run: leave it as found.
    await db.query(fjordbyToAndes('delete'), fjordbyToAndesParams(ids));
    await db.query(`delete from public.media_files where storage_key = 'rls-seeded.png'`);
    await db.query(
      `delete from public.event_registrations where user_id = $1 and event_id = ${event(austrianEvent)}`,
      [userIdOf('member')],
    );
    await db.close();
  });

  defineMatrix(cases, () => ({ db, ids }));
});
