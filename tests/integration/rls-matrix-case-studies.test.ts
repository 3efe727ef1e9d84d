import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { demoCaseStudyId } from '../../src/server/seed/seed-case-studies';
import { testTargets } from '../support/databases';
import { demoUserId } from '../../src/server/seed/seed-demo';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

const everyone = [
  'anon',
  'member',
  'orgMember',
  'orgColleague',
  'cityEditor',
  'otherCityEditor',
  'coordinator',
  'otherCoordinator',
  'admin',
] as const;
const count = async (rows: Promise<unknown[]>) => (await rows).length;

// Seeded demo case studies (supabase/seed/demo-case-studies.json):
const fjordbyDraft = demoCaseStudyId('demo-fjordby-digital-skills-for-girls'); // draft, Fjordby (Nordic hub)
const fjordbySubmitted = demoCaseStudyId('demo-fjordby-flood-warning'); // submitted by the Fjordby editor
const fjordbyPublished = demoCaseStudyId('demo-fjordby-on-demand-buses'); // published, verified
const fjordbyUnverified = demoCaseStudyId('demo-fjordby-shore-power'); // published, no badge
const riverton = demoCaseStudyId('demo-riverton-feeder-buses'); // submitted, Riverton (Andean hub)
const lakesideChanges = demoCaseStudyId('demo-lakeside-lake-restoration'); // changes requested, with comments

/** Makes the coordinator the author of the Fjordby submission (as the owner). */
const coordinatorWrote = async (tx: Queryable) => {
  await tx.query('update public.case_studies set author_id = $2, submitted_by = $2 where id = $1', [
    fjordbySubmitted,
    demoUserId('coordinator'),
  ]);
};
const insertCaseStudy = (tx: Queryable, cityId: string) =>
  count(
    tx.query(
      `insert into public.case_studies (slug, lead_city_id, title, author_id)
       values ('rls-matrix-case-study', $1, 'A case study of the matrix', (select auth.uid())) returning 1`,
      [cityId],
    ),
  );

/**
 * The case-study tables × every persona × select/insert/update/delete.
 * Drafts and submissions are visible to the lead city's editors, the
 * coordinators of its hubs and admins only; the text and links are written
 * by the city's editors (never while waiting for review); publishing, asking
 * for changes and the "Verified by" badge need a reviewer who is not the
 * author. The workflow refusals come from the guard trigger (42501).
 */
const cases = (): MatrixCase[] => [
  // case_studies · select
  {
    table: 'case_studies',
    operation: 'select',
    what: 'read a published case study',
    allowed: everyone,
    run: (tx) =>
      count(tx.query('select 1 from public.case_studies where id = $1', [fjordbyPublished])),
  },
  {
    table: 'case_studies',
    operation: 'select',
    what: "read a draft of Fjordby's",
    allowed: ['cityEditor', 'coordinator', 'admin'],
    run: (tx) => count(tx.query('select 1 from public.case_studies where id = $1', [fjordbyDraft])),
  },
  {
    table: 'case_studies',
    operation: 'select',
    what: "read Riverton's submission (Andean hub)",
    allowed: ['otherCoordinator', 'admin'],
    run: (tx) => count(tx.query('select 1 from public.case_studies where id = $1', [riverton])),
  },
  // case_studies · insert
  {
    table: 'case_studies',
    operation: 'insert',
    what: 'write a case study for Fjordby',
    allowed: ['cityEditor', 'admin'],
    run: (tx, ids) => insertCaseStudy(tx, ids.city('demo-fjordby')),
  },
  {
    table: 'case_studies',
    operation: 'insert',
    what: 'write a case study for Lakeside',
    allowed: ['otherCityEditor', 'admin'],
    run: (tx, ids) => insertCaseStudy(tx, ids.city('demo-lakeside')),
  },
  // case_studies · update (text)
  {
    table: 'case_studies',
    operation: 'update',
    what: "change the text of Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query("update public.case_studies set summary = 'Changed' where id = $1 returning 1", [
          fjordbyDraft,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'change the text of a case study waiting for review',
    allowed: [],
    controlAs: 'cityEditor',
    run: (tx) =>
      count(
        tx.query("update public.case_studies set summary = 'Changed' where id = $1 returning 1", [
          fjordbySubmitted,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'move a case study to another lead city',
    allowed: [],
    controlAs: 'admin',
    run: (tx, ids) =>
      count(
        tx.query('update public.case_studies set lead_city_id = $2 where id = $1 returning 1', [
          fjordbyDraft,
          ids.city('demo-lakeside'),
        ]),
      ),
  },
  // case_studies · update (workflow)
  {
    table: 'case_studies',
    operation: 'update',
    what: "submit Fjordby's draft for review",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query("update public.case_studies set status = 'submitted' where id = $1 returning 1", [
          fjordbyDraft,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: "publish Fjordby's submission",
    allowed: ['coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query("update public.case_studies set status = 'published' where id = $1 returning 1", [
          fjordbySubmitted,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'publish a case study its reviewer wrote',
    allowed: ['admin'],
    setup: coordinatorWrote,
    run: (tx) =>
      count(
        tx.query("update public.case_studies set status = 'published' where id = $1 returning 1", [
          fjordbySubmitted,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'publish a draft without review',
    allowed: [],
    controlAs: 'admin',
    run: (tx) =>
      count(
        tx.query("update public.case_studies set status = 'published' where id = $1 returning 1", [
          fjordbyDraft,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: "ask for changes to Fjordby's submission",
    allowed: ['coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          "update public.case_studies set status = 'changes_requested' where id = $1 returning 1",
          [fjordbySubmitted],
        ),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: "withdraw Fjordby's submission",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query("update public.case_studies set status = 'draft' where id = $1 returning 1", [
          fjordbySubmitted,
        ]),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'unpublish a published case study',
    allowed: ['cityEditor', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          "update public.case_studies set status = 'unpublished' where id = $1 returning 1",
          [fjordbyPublished],
        ),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'set the "Verified by" badge of the Nordic hub',
    allowed: ['coordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          'update public.case_studies set verified_by_hub_id = $2 where id = $1 returning 1',
          [fjordbyUnverified, ids.hub('demo-nordic-hub')],
        ),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'set the badge of a hub the city is not in',
    allowed: [],
    controlAs: 'admin',
    run: (tx, ids) =>
      count(
        tx.query(
          'update public.case_studies set verified_by_hub_id = $2 where id = $1 returning 1',
          [fjordbyUnverified, ids.hub('demo-andean-hub')],
        ),
      ),
  },
  {
    table: 'case_studies',
    operation: 'update',
    what: 'write the review stamps directly',
    allowed: [],
    controlAs: 'admin',
    run: (tx) =>
      count(
        tx.query('update public.case_studies set published_at = now() where id = $1 returning 1', [
          fjordbyDraft,
        ]),
      ),
  },
  // case_studies · delete
  {
    table: 'case_studies',
    operation: 'delete',
    what: "delete Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(tx.query('delete from public.case_studies where id = $1 returning 1', [fjordbyDraft])),
  },
  {
    table: 'case_studies',
    operation: 'delete',
    what: 'delete a published case study',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.case_studies where id = $1 returning 1', [fjordbyPublished]),
      ),
  },
  // case_study_cities
  {
    table: 'case_study_cities',
    operation: 'select',
    what: 'read the partner cities of a published case study',
    allowed: everyone,
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_cities where case_study_id = $1', [
          demoCaseStudyId('demo-fjordby-harbour-air-quality'),
        ]),
      ),
  },
  {
    table: 'case_study_cities',
    operation: 'select',
    what: 'read the partner cities of a draft',
    allowed: ['cityEditor', 'coordinator', 'admin'],
    setup: async (tx, ids) => {
      await tx.query(
        'insert into public.case_study_cities (case_study_id, city_id) values ($1, $2)',
        [fjordbyDraft, ids.city('demo-lakeside')],
      );
    },
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_cities where case_study_id = $1', [fjordbyDraft]),
      ),
  },
  {
    table: 'case_study_cities',
    operation: 'insert',
    what: "add a partner city to Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          'insert into public.case_study_cities (case_study_id, city_id) values ($1, $2) returning 1',
          [fjordbyDraft, ids.city('demo-lakeside')],
        ),
      ),
  },
  {
    table: 'case_study_cities',
    operation: 'insert',
    what: 'add a partner city to a case study waiting for review',
    allowed: [],
    controlAs: 'cityEditor',
    run: (tx, ids) =>
      count(
        tx.query(
          'insert into public.case_study_cities (case_study_id, city_id) values ($1, $2) returning 1',
          [fjordbySubmitted, ids.city('demo-lakeside')],
        ),
      ),
  },
  {
    table: 'case_study_cities',
    operation: 'delete',
    what: 'remove a partner city of a published case study',
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.case_study_cities where case_study_id = $1 returning 1', [
          demoCaseStudyId('demo-fjordby-harbour-air-quality'),
        ]),
      ),
  },
  // case_study_partners
  {
    table: 'case_study_partners',
    operation: 'select',
    what: 'read the verified partners of a published case study',
    allowed: everyone,
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_partners where case_study_id = $1', [
          fjordbyPublished,
        ]),
      ),
  },
  {
    table: 'case_study_partners',
    operation: 'select',
    what: 'read a pending organization named on a published case study',
    // Whoever may see the organization: its members, the coordinators of the hubs it chose (Nordic), admins.
    allowed: ['orgMember', 'coordinator', 'admin'],
    setup: async (tx, ids) => {
      await tx.query(
        "insert into public.case_study_partners (case_study_id, organization_id, role) values ($1, $2, 'advisor')",
        [fjordbyPublished, ids.organization('demo-pending-mobility')],
      );
    },
    run: (tx, ids) =>
      count(
        tx.query(
          'select 1 from public.case_study_partners where case_study_id = $1 and organization_id = $2',
          [fjordbyPublished, ids.organization('demo-pending-mobility')],
        ),
      ),
  },
  {
    table: 'case_study_partners',
    operation: 'insert',
    what: "name a verified partner on Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          "insert into public.case_study_partners (case_study_id, organization_id, role) values ($1, $2, 'funder') returning 1",
          [fjordbyDraft, ids.organization('demo-sensorwerk')],
        ),
      ),
  },
  {
    table: 'case_study_partners',
    operation: 'insert',
    what: 'name an organization that is not verified',
    allowed: [],
    controlAs: 'cityEditor',
    run: (tx, ids) =>
      count(
        tx.query(
          "insert into public.case_study_partners (case_study_id, organization_id, role) values ($1, $2, 'funder') returning 1",
          [fjordbyDraft, ids.organization('demo-pending-mobility')],
        ),
      ),
  },
  {
    table: 'case_study_partners',
    operation: 'update',
    what: "change a partner's role",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          "update public.case_study_partners set role = 'advisor' where case_study_id = $1 returning 1",
          [fjordbyPublished],
        ),
      ),
  },
  {
    table: 'case_study_partners',
    operation: 'delete',
    what: 'remove the partners of a published case study',
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.case_study_partners where case_study_id = $1 returning 1', [
          fjordbyPublished,
        ]),
      ),
  },
  // case_study_kpis
  {
    table: 'case_study_kpis',
    operation: 'select',
    what: 'read the KPIs of a published case study',
    allowed: everyone,
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_kpis where case_study_id = $1', [
          fjordbyPublished,
        ]),
      ),
  },
  {
    table: 'case_study_kpis',
    operation: 'select',
    what: "read the KPIs of Riverton's submission",
    allowed: ['otherCoordinator', 'admin'],
    run: (tx) =>
      count(tx.query('select 1 from public.case_study_kpis where case_study_id = $1', [riverton])),
  },
  {
    table: 'case_study_kpis',
    operation: 'insert',
    what: "add a KPI to Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          "insert into public.case_study_kpis (case_study_id, kpi_code) values ($1, 'EC:ICT:ICT:1C') returning 1",
          [fjordbyDraft],
        ),
      ),
  },
  {
    table: 'case_study_kpis',
    operation: 'delete',
    what: 'remove the KPIs of a published case study',
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.case_study_kpis where case_study_id = $1 returning 1', [
          fjordbyPublished,
        ]),
      ),
  },
  // case_study_deliverables
  {
    table: 'case_study_deliverables',
    operation: 'select',
    what: 'read the deliverables a published case study applies',
    allowed: everyone,
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_deliverables where case_study_id = $1', [
          fjordbyPublished,
        ]),
      ),
  },
  {
    table: 'case_study_deliverables',
    operation: 'insert',
    what: "add a deliverable to Fjordby's draft",
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          `insert into public.case_study_deliverables (case_study_id, deliverable_id)
           select $1, d.id from public.deliverables d where d.slug = 'itu-t-y-4904' returning 1`,
          [fjordbyDraft],
        ),
      ),
  },
  {
    table: 'case_study_deliverables',
    operation: 'delete',
    what: 'remove the deliverables of a published case study',
    allowed: ['cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          'delete from public.case_study_deliverables where case_study_id = $1 returning 1',
          [fjordbyPublished],
        ),
      ),
  },
  // case_study_comments
  {
    table: 'case_study_comments',
    operation: 'select',
    what: "read the review conversation of Lakeside's case study",
    allowed: ['otherCityEditor', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_comments where case_study_id = $1', [
          lakesideChanges,
        ]),
      ),
  },
  {
    table: 'case_study_comments',
    operation: 'insert',
    what: "reply in the conversation of Lakeside's case study",
    allowed: ['otherCityEditor', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query(
          `insert into public.case_study_comments (case_study_id, author_id, body)
           values ($1, (select auth.uid()), 'Done, see the new figures.') returning 1`,
          [lakesideChanges],
        ),
      ),
  },
  {
    table: 'case_study_comments',
    operation: 'delete',
    what: 'delete a review comment',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query('delete from public.case_study_comments where case_study_id = $1 returning 1', [
          lakesideChanges,
        ]),
      ),
  },
  // case_study_revisions
  {
    table: 'case_study_revisions',
    operation: 'select',
    what: "read the history of Lakeside's case study",
    allowed: ['otherCityEditor', 'coordinator', 'admin'],
    run: (tx) =>
      count(
        tx.query('select 1 from public.case_study_revisions where case_study_id = $1', [
          lakesideChanges,
        ]),
      ),
  },
  {
    table: 'case_study_revisions',
    operation: 'insert',
    what: 'forge a revision',
    allowed: [],
    controlAs: 'admin',
    run: (tx) =>
      count(
        tx.query(
          `insert into public.case_study_revisions (case_study_id, action, status, title, summary, body)
           values ($1, 'published', 'published', 'Forged', '', '{}') returning 1`,
          [lakesideChanges],
        ),
      ),
  },
  {
    table: 'case_study_revisions',
    operation: 'delete',
    what: 'erase the history',
    allowed: [],
    controlAs: 'admin',
    run: (tx) =>
      count(
        tx.query('delete from public.case_study_revisions where case_study_id = $1 returning 1', [
          lakesideChanges,
        ]),
      ),
  },
  // media_files (images in case studies)
  {
    table: 'media_files',
    operation: 'insert',
    what: "record an image for Fjordby's case studies",
    allowed: ['cityEditor', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          `insert into public.media_files (storage_key, content_type, byte_size, city_id, uploaded_by)
           values ('rls-city-image.png', 'image/png', 10, $1, (select auth.uid())) returning 1`,
          [ids.city('demo-fjordby')],
        ),
      ),
  },
  // cities (profile and record)
  {
    table: 'cities',
    operation: 'update',
    what: "change Fjordby's population",
    allowed: ['cityEditor', 'coordinator', 'admin'],
    run: (tx, ids) =>
      count(
        tx.query(
          'update public.cities set population = 190000, population_year = 2025 where id = $1 returning 1',
          [ids.city('demo-fjordby')],
        ),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: 'rename Fjordby',
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query("update public.cities set name = 'Renamed' where id = $1 returning 1", [
          ids.city('demo-fjordby'),
        ]),
      ),
  },
  {
    table: 'cities',
    operation: 'update',
    what: "set Fjordby's U4SSC KPI verification",
    allowed: ['admin'],
    run: (tx, ids) =>
      count(
        tx.query('update public.cities set kpi_verified = true where id = $1 returning 1', [
          ids.city('demo-fjordby'),
        ]),
      ),
  },
];

describe.each(testTargets())('RLS matrix of case studies on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());
  defineMatrix(cases(), () => ({ db, ids }));
});
