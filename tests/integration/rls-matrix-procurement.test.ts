import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { demoProcessId } from '../../src/server/seed/seed-procurement';
import { testTargets } from '../support/databases';
import { allPersonas } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

/**
 * Who may do what with procurement, every table × operation × persona, on
 * PGlite and PostgreSQL: only the city's editors change its processes (not
 * coordinators, not admins, not another city's editor); drafts are private;
 * bids and expressions of interest are visible only to the submitting
 * organization's members (orgMember and orgColleague share Sensorwerk;
 * orgColleague also runs Urban Data Lab) and the city's editors and admins; who asked a question is
 * private, the published answer is not; visitors see only published stages.
 *
 * Seeded demo processes (supabase/seed/demo-procurement.json): Fjordby's
 * draft (wifi), published plan (flood), open notice (school routes) and
 * contract in delivery (air quality); Lakeside's process in evaluation
 * (water meters: bids from Sensorwerk and Urban Data Lab).
 */
const everyone = allPersonas;
const fjordby = ['cityEditor'] as const;
const lakeside = ['otherCityEditor'] as const;
const fjordbyReaders = ['cityEditor', 'admin'] as const;
const lakesideReaders = ['otherCityEditor', 'admin'] as const;

const draft = demoProcessId('fjordby-public-wifi');
const plan = demoProcessId('fjordby-flood-sensors');
const open = demoProcessId('fjordby-school-routes');
const evaluation = demoProcessId('lakeside-water-meters');
const delivery = demoProcessId('fjordby-air-quality');

const count = async (tx: Queryable, sql: string, params: unknown[] = []) =>
  (await tx.query(sql, params)).length;
const org = (slug: string) => `(select id from public.organizations where slug = '${slug}')`;
const draftNotice = async (tx: Queryable) => {
  await tx.query(
    `insert into public.procurement_notices (process_id, problem_statement, deadline) values ($1, 'A draft notice of the harbour Wi-Fi.', now() + interval '40 days')`,
    [draft],
  );
  await tx.query(
    `insert into public.procurement_criteria (process_id, position, name, weight) values ($1, 1, 'Coverage', 100)`,
    [draft],
  );
};
const planRow = `(title, problem, city_id, ocid, created_by)`;
const sensorwerk = ['orgMember', 'orgColleague'] as const;
const followsOfSensorwerk = async (tx: Queryable) => {
  await tx.query(
    `insert into public.procurement_theme_follows (organization_id, themes) values (${org('demo-sensorwerk')}, '{environment}')`,
  );
};

const cases: MatrixCase[] = [
  // processes
  {
    table: 'procurement_processes',
    operation: 'select',
    what: 'read a published process',
    allowed: everyone,
    run: (tx) => count(tx, 'select 1 from public.procurement_processes where id = $1', [open]),
  },
  {
    table: 'procurement_processes',
    operation: 'select',
    what: "read Fjordby's draft",
    allowed: fjordbyReaders,
    run: (tx) => count(tx, 'select 1 from public.procurement_processes where id = $1', [draft]),
  },
  {
    table: 'procurement_processes',
    operation: 'insert',
    what: 'open a draft process for Fjordby',
    allowed: fjordby,
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.procurement_processes ${planRow}
         values ('RLS process', 'A problem', $1, 'ocds-u4sscx-' || gen_random_uuid(), auth.uid()) returning 1`,
        [ids.city('demo-fjordby')],
      ),
  },
  {
    table: 'procurement_processes',
    operation: 'insert',
    what: 'open a process for Fjordby in someone else’s name',
    allowed: [],
    controlAs: 'cityEditor',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.procurement_processes ${planRow}
         values ('RLS process', 'A problem', $1, 'ocds-u4sscx-' || gen_random_uuid(), (select id from auth.users where email = 'member@demo.u4ssc.local')) returning 1`,
        [ids.city('demo-fjordby')],
      ),
  },
  {
    table: 'procurement_processes',
    operation: 'update',
    what: "change Fjordby's published plan",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_processes set funding_source = 'Changed' where id = $1 returning 1`,
        [plan],
      ),
  },
  {
    table: 'procurement_processes',
    operation: 'update',
    what: "change Lakeside's process",
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_processes set funding_source = 'Changed' where id = $1 returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_processes',
    operation: 'update',
    what: "publish Fjordby's draft plan",
    allowed: fjordby,
    setup: async (tx) => {
      await tx.query(
        `update public.procurement_processes set beneficiaries = 'Visitors and residents', budget_amount = 1000, budget_currency = 'NOK' where id = $1`,
        [draft],
      );
    },
    run: (tx) =>
      count(
        tx,
        `update public.procurement_processes set published_at = now() where id = $1 returning 1`,
        [draft],
      ),
  },
  {
    table: 'procurement_processes',
    operation: 'delete',
    what: "delete Fjordby's draft",
    allowed: fjordby,
    run: (tx) =>
      count(tx, 'delete from public.procurement_processes where id = $1 returning 1', [draft]),
  },
  {
    table: 'procurement_processes',
    operation: 'delete',
    what: 'delete a published process (one without releases yet)',
    allowed: [],
    controlAs: 'cityEditor',
    setup: async (tx, ids) => {
      await tx.query(
        `insert into public.procurement_processes (id, ocid, city_id, title, problem, outcomes, beneficiaries, themes, budget_amount, budget_currency, published_at)
         values ('00000000-0000-4000-8000-00000000a001', 'ocds-u4sscx-00000000-0000-4000-8000-00000000a001', $1, 'Published', 'A problem that is long enough.', '[{"outcome":"x","measure":""}]', 'Everyone', '{mobility}', 1, 'EUR', now())`,
        [ids.city('demo-fjordby')],
      );
    },
    run: (tx) =>
      count(
        tx,
        `delete from public.procurement_processes where id = '00000000-0000-4000-8000-00000000a001' returning 1`,
      ),
  },

  // notices and criteria
  {
    table: 'procurement_notices',
    operation: 'select',
    what: 'read a published notice',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_notices where process_id = $1', [open]),
  },
  {
    table: 'procurement_notices',
    operation: 'select',
    what: 'read a draft notice',
    allowed: fjordbyReaders,
    setup: draftNotice,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_notices where process_id = $1', [draft]),
  },
  {
    table: 'procurement_notices',
    operation: 'insert',
    what: "draft a notice for Fjordby's published plan",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_notices (process_id, problem_statement, deadline) values ($1, 'A notice about street flooding.', now() + interval '40 days') returning 1`,
        [plan],
      ),
  },
  {
    table: 'procurement_notices',
    operation: 'update',
    what: 'amend the open notice (an amendment and the change in one transaction)',
    allowed: fjordby,
    run: async (tx) => {
      await tx.query(
        `insert into public.procurement_amendments (process_id, subject, rationale) values ($1, 'notice', 'More time for small firms.')`,
        [open],
      );
      return count(
        tx,
        `update public.procurement_notices set deadline = deadline + interval '7 days' where process_id = $1 returning 1`,
        [open],
      );
    },
  },
  {
    table: 'procurement_notices',
    operation: 'delete',
    what: 'delete a draft notice',
    allowed: fjordby,
    setup: draftNotice,
    run: (tx) =>
      count(tx, 'delete from public.procurement_notices where process_id = $1 returning 1', [
        draft,
      ]),
  },
  {
    table: 'procurement_criteria',
    operation: 'select',
    what: 'read the criteria of a published notice',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_criteria where process_id = $1', [open]),
  },
  {
    table: 'procurement_criteria',
    operation: 'select',
    what: 'read the criteria of a draft notice',
    allowed: fjordbyReaders,
    setup: draftNotice,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_criteria where process_id = $1', [draft]),
  },
  {
    table: 'procurement_criteria',
    operation: 'update',
    what: 'change the weight of a draft criterion',
    allowed: fjordby,
    setup: draftNotice,
    run: (tx) =>
      count(
        tx,
        'update public.procurement_criteria set weight = 100, name = $2 where process_id = $1 returning 1',
        [draft, 'Reach'],
      ),
  },
  {
    table: 'procurement_criteria',
    operation: 'update',
    what: 'change the weights of the open notice with an amendment',
    allowed: fjordby,
    run: async (tx) => {
      await tx.query(
        `insert into public.procurement_amendments (process_id, subject, rationale) values ($1, 'criteria', 'Clearer names for the criteria.')`,
        [open],
      );
      return count(
        tx,
        `update public.procurement_criteria set description = 'Clarified' where process_id = $1 and position = 1 returning 1`,
        [open],
      );
    },
  },
  {
    table: 'procurement_amendments',
    operation: 'select',
    what: 'read the amendments of a published process',
    allowed: everyone,
    setup: async (tx) => {
      await tx.query(
        `insert into public.procurement_amendments (process_id, subject, rationale) values ($1, 'notice', 'Seeded for the matrix.')`,
        [open],
      );
    },
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_amendments where process_id = $1', [open]),
  },

  // questions (private asker) and answers (public)
  {
    table: 'procurement_questions',
    operation: 'select',
    what: "read Sensorwerk's question (with who asked)",
    allowed: ['orgMember', 'orgColleague', 'cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx,
        'select organization_id, asked_by from public.procurement_questions where process_id = $1',
        [open],
      ),
  },
  {
    table: 'procurement_questions',
    operation: 'insert',
    what: 'ask about the open notice for Sensorwerk (verified)',
    allowed: ['orgMember', 'orgColleague'],
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_questions (process_id, organization_id, body) values ($1, ${org('demo-sensorwerk')}, 'Is a pilot possible?') returning 1`,
        [open],
      ),
  },
  {
    table: 'procurement_questions',
    operation: 'insert',
    what: 'ask for Pending Mobility (not verified)',
    allowed: [],
    controlAs: 'orgMember',
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_questions (process_id, organization_id, body) values ($1, ${org('demo-pending-mobility')}, 'Is a pilot possible?') returning 1`,
        [open],
      ),
  },
  {
    table: 'procurement_questions',
    operation: 'insert',
    what: 'ask after the deadline (Lakeside, closed)',
    allowed: [],
    controlAs: 'orgMember',
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_questions (process_id, organization_id, body) values ($1, ${org('demo-sensorwerk')}, 'Too late?') returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_answers',
    operation: 'select',
    what: 'read the published questions and answers',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select question, answer from public.procurement_answers where process_id = $1', [
        open,
      ]),
  },
  {
    table: 'procurement_answers',
    operation: 'insert',
    what: 'publish an answer on the open notice',
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_answers (process_id, question, answer) values ($1, 'Is a pilot possible?', 'Yes.') returning 1`,
        [open],
      ),
  },

  // expressions of interest
  {
    table: 'procurement_interests',
    operation: 'select',
    what: "read Urban Data Lab's expression of interest",
    allowed: ['orgColleague', ...fjordbyReaders],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.procurement_interests where process_id = $1 and organization_id = ${org('demo-urban-data-lab')}`,
        [open],
      ),
  },
  {
    table: 'procurement_interests',
    operation: 'select',
    what: "read Sensorwerk's expression of interest",
    allowed: ['orgMember', 'orgColleague', 'cityEditor', 'admin'],
    run: (tx) =>
      count(
        tx,
        `select 1 from public.procurement_interests where process_id = $1 and organization_id = ${org('demo-sensorwerk')}`,
        [delivery],
      ),
  },
  {
    table: 'procurement_interests',
    operation: 'insert',
    what: 'express interest in the open notice for Sensorwerk',
    allowed: ['orgMember', 'orgColleague'],
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_interests (process_id, organization_id, message) values ($1, ${org('demo-sensorwerk')}, 'We can help here.') returning 1`,
        [open],
      ),
  },
  {
    table: 'procurement_interests',
    operation: 'insert',
    what: 'express interest for Pending Mobility (not verified)',
    allowed: [],
    controlAs: 'orgMember',
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_interests (process_id, organization_id, message) values ($1, ${org('demo-pending-mobility')}, 'We can help here.') returning 1`,
        [open],
      ),
  },

  // bids and scores (private)
  {
    table: 'procurement_bids',
    operation: 'select',
    what: "read Sensorwerk's bid on the Lakeside process",
    allowed: ['orgMember', 'orgColleague', ...lakesideReaders],
    run: (tx) =>
      count(
        tx,
        `select summary, amount from public.procurement_bids where process_id = $1 and organization_id = ${org('demo-sensorwerk')}`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_bids',
    operation: 'select',
    what: "read Urban Data Lab's bid on the Lakeside process",
    allowed: ['orgColleague', ...lakesideReaders],
    run: (tx) =>
      count(
        tx,
        `select summary from public.procurement_bids where process_id = $1 and organization_id = ${org('demo-urban-data-lab')}`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_bids',
    operation: 'insert',
    what: 'record a bid on the Lakeside process',
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_bids (process_id, bidder_name, received_on) values ($1, 'Late Bidder Oy', current_date) returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_bids',
    operation: 'update',
    what: 'correct a bid on the Lakeside process',
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_bids set summary = 'Corrected' where process_id = $1 returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_bids',
    operation: 'delete',
    what: 'remove a bid on the Lakeside process',
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        `delete from public.procurement_bids where process_id = $1 and organization_id = ${org('demo-urban-data-lab')} returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_scores',
    operation: 'select',
    what: 'read the scores of the Lakeside bids',
    allowed: lakesideReaders,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_scores where process_id = $1', [evaluation]),
  },
  {
    table: 'procurement_scores',
    operation: 'update',
    what: 'change a score on the Lakeside process',
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        'update public.procurement_scores set score = 50 where process_id = $1 returning 1',
        [evaluation],
      ),
  },

  // award, contract, milestones (public)
  {
    table: 'procurement_awards',
    operation: 'select',
    what: 'read an award',
    allowed: everyone,
    run: (tx) =>
      count(
        tx,
        'select supplier_name, justification from public.procurement_awards where process_id = $1',
        [delivery],
      ),
  },
  {
    table: 'procurement_awards',
    operation: 'insert',
    what: 'award the Lakeside process to a bidder',
    allowed: lakeside,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_awards (process_id, bid_id, supplier_name, amount, currency, awarded_on, justification)
         select $1, b.id, b.bidder_name, 400000, 'EUR', current_date, 'Best weighted score.' from public.procurement_bids b
          where b.process_id = $1 and b.organization_id = ${org('demo-sensorwerk')} returning 1`,
        [evaluation],
      ),
  },
  {
    table: 'procurement_awards',
    operation: 'update',
    what: "correct Fjordby's award",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_awards set justification = 'Clearer justification.' where process_id = $1 returning 1`,
        [delivery],
      ),
  },
  {
    table: 'procurement_contracts',
    operation: 'select',
    what: 'read a contract',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select amount from public.procurement_contracts where process_id = $1', [
        delivery,
      ]),
  },
  {
    table: 'procurement_contracts',
    operation: 'update',
    what: "record when Fjordby's contract was signed",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_contracts set signed_on = signed_on - 1 where process_id = $1 returning 1`,
        [delivery],
      ),
  },
  {
    table: 'procurement_milestones',
    operation: 'select',
    what: 'read the milestones of a contract',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_milestones where process_id = $1', [delivery]),
  },
  {
    table: 'procurement_milestones',
    operation: 'insert',
    what: "add a milestone to Fjordby's contract",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_milestones (process_id, contract_id, title, due_on)
         select $1, k.id, 'Second report', current_date + 30 from public.procurement_contracts k where k.process_id = $1 returning 1`,
        [delivery],
      ),
  },
  {
    table: 'procurement_milestones',
    operation: 'update',
    what: "mark a milestone of Fjordby's contract met",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_milestones set status = 'met', met_on = current_date where process_id = $1 and status = 'scheduled' returning 1`,
        [delivery],
      ),
  },

  // releases and notifications
  {
    table: 'procurement_releases',
    operation: 'select',
    what: 'read the releases of a published process',
    allowed: everyone,
    run: (tx) =>
      count(tx, 'select release from public.procurement_releases where process_id = $1', [
        delivery,
      ]),
  },
  {
    table: 'procurement_releases',
    operation: 'insert',
    what: "publish a release of Fjordby's process",
    allowed: fjordby,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_releases (process_id, tags, release) values ($1, '{planningUpdate}', '{}') returning 1`,
        [plan],
      ),
  },
  {
    table: 'procurement_releases',
    operation: 'insert',
    what: "publish a release of Fjordby's draft",
    allowed: [],
    controlAs: 'cityEditor',
    run: async (tx) => {
      // Nobody releases a draft: the owner's control (no role taken) publishes
      // the plan first, to show the same insert works on a published process.
      const [row] = await tx.query<{ role: string }>(
        "select current_setting('role', true) as role",
      );
      if (!['anon', 'authenticated'].includes(row?.role ?? '')) {
        await tx.query(
          `update public.procurement_processes set beneficiaries = 'Everyone', budget_amount = 1, budget_currency = 'EUR', published_at = now() where id = $1`,
          [draft],
        );
      }
      return count(
        tx,
        `insert into public.procurement_releases (process_id, tags, release) values ($1, '{planning}', '{}') returning 1`,
        [draft],
      );
    },
  },
  {
    table: 'procurement_releases',
    operation: 'update',
    what: 'change a published release',
    allowed: [],
    controlAs: 'cityEditor',
    // The owner's control shows the row exists: a release is read, never changed (the trigger refuses everyone).
    run: async (tx) => {
      const [row] = await tx.query<{ role: string }>(
        "select current_setting('role', true) as role",
      );
      if (!['anon', 'authenticated'].includes(row?.role ?? ''))
        return count(
          tx,
          'select 1 from public.procurement_releases where process_id = $1 for update',
          [delivery],
        );
      return count(
        tx,
        `update public.procurement_releases set tags = '{planning}' where process_id = $1 returning 1`,
        [delivery],
      );
    },
  },
  {
    table: 'procurement_releases',
    operation: 'delete',
    what: 'delete a published release',
    allowed: [],
    controlAs: 'cityEditor',
    run: (tx) =>
      count(tx, 'delete from public.procurement_releases where process_id = $1 returning 1', [
        delivery,
      ]),
  },
  {
    table: 'procurement_notifications',
    operation: 'select',
    what: 'read who was told about a notice',
    allowed: fjordbyReaders,
    setup: async (tx) => {
      await tx.query(
        `insert into public.procurement_notifications (process_id, organization_id) values ($1, ${org('demo-sensorwerk')})`,
        [open],
      );
    },
    run: (tx) =>
      count(tx, 'select 1 from public.procurement_notifications where process_id = $1', [open]),
  },
  // followed themes: the organization's members choose; admins read; nobody else sees them
  {
    table: 'procurement_theme_follows',
    operation: 'select',
    what: "read Sensorwerk's followed themes",
    allowed: [...sensorwerk, 'admin'],
    setup: followsOfSensorwerk,
    run: (tx) =>
      count(
        tx,
        `select 1 from public.procurement_theme_follows where organization_id = ${org('demo-sensorwerk')}`,
      ),
  },
  {
    table: 'procurement_theme_follows',
    operation: 'insert',
    what: 'choose the themes Sensorwerk follows',
    allowed: sensorwerk,
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_theme_follows (organization_id, themes, updated_by)
         values (${org('demo-sensorwerk')}, '{water}', auth.uid()) returning 1`,
      ),
  },
  {
    table: 'procurement_theme_follows',
    operation: 'insert',
    what: "choose Sensorwerk's themes in someone else's name",
    allowed: [],
    controlAs: 'orgMember',
    run: (tx) =>
      count(
        tx,
        `insert into public.procurement_theme_follows (organization_id, themes, updated_by)
         values (${org('demo-sensorwerk')}, '{water}', (select id from auth.users where email = 'member@demo.u4ssc.local')) returning 1`,
      ),
  },
  {
    table: 'procurement_theme_follows',
    operation: 'update',
    what: "change Sensorwerk's followed themes",
    allowed: sensorwerk,
    setup: followsOfSensorwerk,
    run: (tx) =>
      count(
        tx,
        `update public.procurement_theme_follows set themes = '{energy}', updated_by = auth.uid()
          where organization_id = ${org('demo-sensorwerk')} returning 1`,
      ),
  },
  {
    table: 'procurement_theme_follows',
    operation: 'delete',
    what: "reset Sensorwerk's followed themes",
    allowed: sensorwerk,
    setup: followsOfSensorwerk,
    run: (tx) =>
      count(
        tx,
        `delete from public.procurement_theme_follows where organization_id = ${org('demo-sensorwerk')} returning 1`,
      ),
  },
  {
    table: 'procurement_theme_follows',
    operation: 'select',
    what: "read Sensorwerk's choice through the mail function, for Fjordby's open notice",
    allowed: fjordby,
    setup: followsOfSensorwerk,
    run: (tx) =>
      count(
        tx,
        `select 1 from public.procurement_theme_choices($1, array[${org('demo-sensorwerk')}])`,
        [open],
      ),
  },
];

describe.each(testTargets())('RLS matrix of procurement on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());
  defineMatrix(cases, () => ({ db, ids }));
});
