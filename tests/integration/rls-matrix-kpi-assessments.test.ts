import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { demoAssessmentId } from '../../src/server/seed/seed-kpi-assessments';
import { testTargets } from '../support/databases';
import { allPersonas } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

/**
 * Who may read and change KPI assessments, their values and the cities'
 * targets: every persona × each operation, on PGlite and PostgreSQL.
 *
 * The seed gives Fjordby (Nordic hub; the city editor's city) assessments
 * for 2023–2025, 2025 verified with a published snapshot that leaves three
 * values out, and Riverton (Andean hub) private ones. So:
 * - "another city's editor" is the Lakeside editor on Fjordby's data (both
 *   cities are in the Nordic hub) and the Fjordby editor on Riverton's and
 *   Lakeside's;
 * - "a coordinator of another hub" is the Andean coordinator on Fjordby's,
 *   and the Nordic/Austrian coordinator on Riverton's;
 * - members, partners, visitors and platform admins read only what a
 *   snapshot publishes; only the city's editors change anything.
 * The freeze of a verified assessment (a trigger that even the owner meets)
 * is tested with the domain, in kpi-assessments.test.ts.
 */
const everyone = allPersonas;
const fjordbyReaders = ['cityEditor', 'coordinator'] as const;
const fjordbyEditors = ['cityEditor'] as const;

const count = async (tx: Queryable, sql: string, params: unknown[] = []) =>
  (await tx.query(sql, params)).length;
const fjordby = (year: number) => demoAssessmentId('demo-fjordby', year);
const riverton = (year: number) => demoAssessmentId('demo-riverton', year);
const lakeside = (year: number) => demoAssessmentId('demo-lakeside', year);

const cases: MatrixCase[] = [
  // assessments ------------------------------------------------------------------
  {
    table: 'kpi_assessments',
    operation: 'select',
    what: "read Fjordby's unpublished 2024 assessment",
    run: (tx) => count(tx, 'select 1 from public.kpi_assessments where id = $1', [fjordby(2024)]),
    allowed: fjordbyReaders,
  },
  {
    table: 'kpi_assessments',
    operation: 'select',
    what: "read Riverton's unpublished 2025 assessment",
    run: (tx) => count(tx, 'select 1 from public.kpi_assessments where id = $1', [riverton(2025)]),
    allowed: ['otherCoordinator'],
  },
  {
    table: 'kpi_assessments',
    operation: 'select',
    what: "read Lakeside's unpublished 2024 assessment",
    run: (tx) => count(tx, 'select 1 from public.kpi_assessments where id = $1', [lakeside(2024)]),
    allowed: ['otherCityEditor', 'coordinator'],
  },
  {
    table: 'kpi_assessments',
    operation: 'select',
    what: "read Fjordby's published 2025 snapshot",
    run: (tx) =>
      count(tx, 'select 1 from public.kpi_assessments where id = $1 and published_at is not null', [
        fjordby(2025),
      ]),
    allowed: everyone,
  },
  {
    table: 'kpi_assessments',
    operation: 'insert',
    what: "open Fjordby's 2026 assessment",
    run: (tx, ids) =>
      count(
        tx,
        'insert into public.kpi_assessments (city_id, reporting_year) values ($1, 2026) returning 1',
        [ids.city('demo-fjordby')],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessments',
    operation: 'insert',
    what: "open Riverton's 2026 assessment",
    run: (tx, ids) =>
      count(
        tx,
        'insert into public.kpi_assessments (city_id, reporting_year) values ($1, 2026) returning 1',
        [ids.city('demo-riverton')],
      ),
    allowed: [],
  },
  {
    table: 'kpi_assessments',
    operation: 'update',
    what: "record a verification of Fjordby's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        `update public.kpi_assessments set verifier = 'RLS verifier', verification_date = '2025-06-01',
           verification_report_url = 'https://example.org/report', verification_scope = 'All', verified_at = now()
         where id = $1 returning 1`,
        [fjordby(2024)],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessments',
    operation: 'update',
    what: "publish Fjordby's 2024 snapshot",
    run: (tx) =>
      count(
        tx,
        'update public.kpi_assessments set published_at = now() where id = $1 returning 1',
        [fjordby(2024)],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessments',
    operation: 'update',
    what: "take Fjordby's published 2025 snapshot down",
    run: (tx) =>
      count(tx, 'update public.kpi_assessments set published_at = null where id = $1 returning 1', [
        fjordby(2025),
      ]),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessments',
    operation: 'update',
    what: "publish Riverton's 2025 snapshot",
    run: (tx) =>
      count(
        tx,
        'update public.kpi_assessments set published_at = now() where id = $1 returning 1',
        [riverton(2025)],
      ),
    allowed: [],
  },
  {
    table: 'kpi_assessments',
    operation: 'delete',
    what: "delete Fjordby's open 2024 assessment",
    run: (tx) =>
      count(tx, 'delete from public.kpi_assessments where id = $1 returning 1', [fjordby(2024)]),
    allowed: fjordbyEditors,
  },

  // values -------------------------------------------------------------------------
  {
    table: 'kpi_assessment_values',
    operation: 'select',
    what: "read a value of Fjordby's unpublished 2024 assessment",
    run: (tx) =>
      count(
        tx,
        "select 1 from public.kpi_assessment_values where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C'",
        [fjordby(2024)],
      ),
    allowed: fjordbyReaders,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'select',
    what: "read a value Fjordby's published 2025 snapshot does not share",
    run: (tx) =>
      count(
        tx,
        "select 1 from public.kpi_assessment_values where assessment_id = $1 and kpi_code = 'SC:SH:SA:8C' and not shared",
        [fjordby(2025)],
      ),
    allowed: fjordbyReaders,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'select',
    what: "read a value Fjordby's published 2025 snapshot shares",
    run: (tx) =>
      count(
        tx,
        "select 1 from public.kpi_assessment_values where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C' and shared",
        [fjordby(2025)],
      ),
    allowed: everyone,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'select',
    what: "read a value of Riverton's unpublished assessment",
    run: (tx) =>
      count(tx, 'select 1 from public.kpi_assessment_values where assessment_id = $1 limit 1', [
        riverton(2024),
      ]),
    allowed: ['otherCoordinator'],
  },
  {
    table: 'kpi_assessment_values',
    operation: 'select',
    what: "read a value once shared in Fjordby's 2024 assessment, never published",
    setup: async (tx) => {
      await tx.query(
        "update public.kpi_assessment_values set shared = true where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C'",
        [fjordby(2024)],
      );
    },
    run: (tx) =>
      count(
        tx,
        "select 1 from public.kpi_assessment_values where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C' and shared",
        [fjordby(2024)],
      ),
    allowed: fjordbyReaders,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'insert',
    what: "enter a value in Fjordby's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        `insert into public.kpi_assessment_values (assessment_id, kpi_code, status, value, source)
         values ($1, 'EC:ICT:ES:3A', 'reported', 12.5, 'Utility report') returning 1`,
        [fjordby(2024)],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'insert',
    what: "enter a value in Riverton's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        `insert into public.kpi_assessment_values (assessment_id, kpi_code, status, value, source)
         values ($1, 'EC:ICT:ES:3A', 'reported', 12.5, 'Forged') returning 1`,
        [riverton(2024)],
      ),
    allowed: [],
  },
  {
    table: 'kpi_assessment_values',
    operation: 'update',
    what: "change a value of Fjordby's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        "update public.kpi_assessment_values set value = 50 where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C' returning 1",
        [fjordby(2024)],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'update',
    what: "share one more value in Fjordby's verified, published 2025 snapshot",
    run: (tx) =>
      count(
        tx,
        "update public.kpi_assessment_values set shared = true where assessment_id = $1 and kpi_code = 'SC:SH:SA:8C' returning 1",
        [fjordby(2025)],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_assessment_values',
    operation: 'update',
    what: "change a value of Lakeside's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        "update public.kpi_assessment_values set source = 'Lakeside survey' where assessment_id = $1 and status = 'reported' returning 1",
        [lakeside(2024)],
      ),
    allowed: ['otherCityEditor'],
  },
  {
    table: 'kpi_assessment_values',
    operation: 'update',
    what: "change a value of Riverton's assessment",
    run: (tx) =>
      count(
        tx,
        "update public.kpi_assessment_values set source = 'Forged' where assessment_id = $1 and status = 'reported' returning 1",
        [riverton(2024)],
      ),
    allowed: [],
  },
  {
    table: 'kpi_assessment_values',
    operation: 'delete',
    what: "remove a value of Fjordby's 2024 assessment",
    run: (tx) =>
      count(
        tx,
        "delete from public.kpi_assessment_values where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C' returning 1",
        [fjordby(2024)],
      ),
    allowed: fjordbyEditors,
  },

  // targets ------------------------------------------------------------------------
  {
    table: 'kpi_targets',
    operation: 'select',
    what: "read Fjordby's targets",
    run: (tx, ids) =>
      count(tx, 'select 1 from public.kpi_targets where city_id = $1 limit 1', [
        ids.city('demo-fjordby'),
      ]),
    allowed: fjordbyReaders,
  },
  {
    table: 'kpi_targets',
    operation: 'select',
    what: "read Riverton's targets",
    run: (tx, ids) =>
      count(tx, 'select 1 from public.kpi_targets where city_id = $1 limit 1', [
        ids.city('demo-riverton'),
      ]),
    allowed: ['otherCoordinator'],
  },
  {
    table: 'kpi_targets',
    operation: 'insert',
    what: 'set a target for Fjordby',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.kpi_targets (city_id, kpi_code, baseline_year, target_value, target_year)
         values ($1, 'EC:ICT:ICT:2C', 2023, 90, 2030) returning 1`,
        [ids.city('demo-fjordby')],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_targets',
    operation: 'insert',
    what: 'set a target for Riverton',
    run: (tx, ids) =>
      count(
        tx,
        `insert into public.kpi_targets (city_id, kpi_code, baseline_year, target_value, target_year)
         values ($1, 'EC:ICT:ICT:2C', 2023, 90, 2030) returning 1`,
        [ids.city('demo-riverton')],
      ),
    allowed: [],
  },
  {
    table: 'kpi_targets',
    operation: 'update',
    what: "move Fjordby's Internet access target",
    run: (tx, ids) =>
      count(
        tx,
        "update public.kpi_targets set target_value = 99 where city_id = $1 and kpi_code = 'EC:ICT:ICT:1C' returning 1",
        [ids.city('demo-fjordby')],
      ),
    allowed: fjordbyEditors,
  },
  {
    table: 'kpi_targets',
    operation: 'delete',
    what: "remove Fjordby's Internet access target",
    run: (tx, ids) =>
      count(
        tx,
        "delete from public.kpi_targets where city_id = $1 and kpi_code = 'EC:ICT:ICT:1C' returning 1",
        [ids.city('demo-fjordby')],
      ),
    allowed: fjordbyEditors,
  },
];

describe.each(testTargets())('RLS matrix of KPI assessments on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());
  defineMatrix(cases, () => ({ db, ids }));
});
