import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';
import { allPersonas } from '../support/personas';
import { defineMatrix, loadSeedIds, type MatrixCase, type SeedIds } from '../support/rls-matrix';

const everyone = allPersonas;
const count = async (rows: Promise<unknown[]>) => (await rows).length;

/**
 * The KPI catalogue tables × every persona × select/insert/update/delete:
 * everyone reads the catalogue and its SDG links; only platform admins
 * change them (the seed's sync runs as the owner). Each write case changes
 * a row that exists, so a refusal is RLS's and not an empty match.
 */
const cases: MatrixCase[] = [
  {
    table: 'kpis',
    operation: 'select',
    what: 'read the catalogue',
    allowed: everyone,
    run: (tx) => count(tx.query("select 1 from public.kpis where code = 'EC:ICT:ICT:1C'")),
  },
  {
    table: 'kpis',
    operation: 'insert',
    what: 'add a KPI',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          `insert into public.kpis (code, slug, name, dimension, sub_dimension, category, kpi_type, unit, measure, position)
           values ('EC:ICT:ICT:9C', 'ec-ict-ict-9c', 'Forged KPI', 'EC', 'EC:ICT', 'EC:ICT:ICT', 'core', '%', '{"kind":"percentage"}', 99)
           returning 1`,
        ),
      ),
  },
  {
    table: 'kpis',
    operation: 'update',
    what: 'rename a KPI',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          "update public.kpis set name = 'Renamed' where code = 'EC:ICT:ICT:1C' returning 1",
        ),
      ),
  },
  {
    table: 'kpis',
    operation: 'delete',
    what: 'delete a KPI',
    allowed: ['admin'],
    run: (tx) =>
      // One no demo city recorded a value for: a KPI with values cannot be deleted (restrict).
      count(tx.query("delete from public.kpis where code = 'EC:I:B:1A' returning 1")),
  },
  {
    table: 'kpi_sdg_links',
    operation: 'select',
    what: 'read the SDG links',
    allowed: everyone,
    run: (tx) =>
      count(tx.query("select 1 from public.kpi_sdg_links where kpi_code = 'EC:ICT:ICT:2C'")),
  },
  {
    table: 'kpi_sdg_links',
    operation: 'insert',
    what: 'add an indicative link',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          `insert into public.kpi_sdg_links (kpi_code, goal, basis)
           values ('EC:ICT:ICT:1C', 11, 'indicative') returning 1`,
        ),
      ),
  },
  {
    table: 'kpi_sdg_links',
    operation: 'update',
    what: 'mark an indicative link as confirmed',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          `update public.kpi_sdg_links
              set basis = 'confirmed', source_title = 'Forged', source_url = 'https://example.org/'
            where kpi_code = 'EC:ICT:ICT:1C' and goal = 9 returning 1`,
        ),
      ),
  },
  {
    table: 'kpi_sdg_links',
    operation: 'delete',
    what: 'remove a confirmed link',
    allowed: ['admin'],
    run: (tx) =>
      count(
        tx.query(
          "delete from public.kpi_sdg_links where kpi_code = 'EC:ICT:ICT:2C' and indicator = '17.6.2' returning 1",
        ),
      ),
  },
];

describe.each(testTargets())('RLS matrix of the KPI catalogue on $name', (target) => {
  let db: Database;
  let ids: SeedIds;
  beforeAll(async () => {
    db = await target.open();
    ids = await loadSeedIds(db);
  });
  afterAll(() => db.close());
  defineMatrix(cases, () => ({ db, ids }));
});
