import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKpiFilters } from '../../src/lib/kpis/kpi-filters';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import type { Database, Queryable } from '../../src/server/db/types';
import {
  findKpi,
  listCaseStudiesAffectingKpi,
  listKpis,
  listKpisInCategory,
} from '../../src/server/kpis/queries';
import { readKpiContent, type KpiContentFile } from '../../src/server/kpis/read-kpi-content';
import { syncKpis } from '../../src/server/kpis/sync-kpis';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { asOwner, asUser, expectRefusal, testTargets } from '../support/databases';
import { claimsOf } from '../support/personas';

const content = readKpiContent(path.resolve(import.meta.dirname, '../../content'));
const filters = (query: string) => parseKpiFilters(new URLSearchParams(query)).filters;

/** The KPI catalogue in the database: what the seed synced, the sync's rules, search records, listing. */
describe.each(testTargets())('KPI catalogue on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  const snapshot = (tx: Queryable) =>
    tx.query<{ code: string; updated_at: string; hash: string | null }>(
      `select k.code, k.updated_at::text, d.content_hash as hash
         from public.kpis k left join public.search_documents d on d.id = 'kpi:' || k.code
        order by k.code`,
    );

  it('holds the 91 KPIs of the content, 45 / 17 / 29 by dimension', async () => {
    const rows = await db.query<{ dimension: string; n: number }>(
      'select dimension, count(*)::int as n from public.kpis group by dimension order by dimension',
    );
    expect(rows).toEqual([
      { dimension: 'EC', n: 45 },
      { dimension: 'EN', n: 17 },
      { dimension: 'SC', n: 29 },
    ]);
    expect(content).toHaveLength(91);
  });

  it('stores confirmed links at indicator level and indicative links at goal level only', async () => {
    const confirmed = await db.query<{ kpi_code: string; indicator: string; target: string }>(
      `select kpi_code, target, indicator from public.kpi_sdg_links
        where basis = 'confirmed' order by kpi_code, indicator`,
    );
    expect(confirmed).toEqual([
      { kpi_code: 'EC:I:WS:2C', target: '6.1', indicator: '6.1.1' },
      { kpi_code: 'EC:I:WS:5C', target: '6.2', indicator: '6.2.1' },
      { kpi_code: 'EC:ICT:ICT:2C', target: '17.6', indicator: '17.6.2' },
      { kpi_code: 'EC:ICT:ICT:2C', target: '17.8', indicator: '17.8.1' },
    ]);
    const [indicative] = await db.query<{ n: number; detailed: number }>(
      `select count(*)::int as n, count(target)::int as detailed
         from public.kpi_sdg_links where basis = 'indicative'`,
    );
    expect(indicative!.n).toBeGreaterThan(100);
    expect(indicative!.detailed).toBe(0);
    // The table itself refuses an indicative link that claims a target.
    const code = await expectRefusal(() =>
      asOwner(db, (tx) =>
        tx.query(
          `insert into public.kpi_sdg_links (kpi_code, goal, target, basis)
           values ('EC:ICT:ICT:1C', 9, '9.c', 'indicative')`,
        ),
      ),
    );
    expect(code).toBe('23514');
  });

  it('changes nothing when the same content is synced again', async () => {
    await asOwner(db, async (tx) => {
      const before = await snapshot(tx);
      const report = await syncKpis(tx, content);
      expect(report).toEqual({ kpis: 91, changed: 0, removed: 0, keptInUse: [], linksChanged: 0 });
      expect(await snapshot(tx)).toEqual(before);
    });
  });

  it('updates a changed KPI and its SDG links, and its search record follows', async () => {
    await asOwner(db, async (tx) => {
      const edited: KpiContentFile[] = content.map((item) =>
        item.code === 'EC:ICT:ICT:1C'
          ? {
              ...item,
              name: 'Household Internet Access (renamed)',
              sdgLinks: [
                {
                  goal: 17,
                  target: '17.6',
                  indicator: '17.6.1',
                  basis: 'confirmed',
                  source: { title: 'A source', url: 'https://www.itu.int/' },
                },
              ],
            }
          : item,
      );
      const report = await syncKpis(tx, edited);
      expect(report.changed).toBe(1);
      expect(report.linksChanged).toBe(3); // two indicative links removed, one confirmed added
      const links = await tx.query(
        `select goal, indicator, basis from public.kpi_sdg_links where kpi_code = 'EC:ICT:ICT:1C'`,
      );
      expect(links).toEqual([{ goal: 17, indicator: '17.6.1', basis: 'confirmed' }]);
      const [record] = await tx.query<{ title: string; sdgs: number[] }>(
        `select title, sdgs from public.search_documents where id = 'kpi:EC:ICT:ICT:1C'`,
      );
      expect(record).toEqual({ title: 'Household Internet Access (renamed)', sdgs: [17] });
    });
  });

  it('removes a KPI whose file is gone, with its links and search record, and keeps portal rows', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        `insert into public.kpis (code, slug, name, dimension, sub_dimension, category, kpi_type, unit, measure, position)
         values ('EC:ICT:ICT:9C', 'ec-ict-ict-9c', 'Added in the portal', 'EC', 'EC:ICT', 'EC:ICT:ICT', 'core', '%', '{"kind":"percentage"}', 99)`,
      );
      // A city recorded a value for EN:EN:AQ:2C; nobody did for the other one.
      const [unused] = await tx.query<{ code: string }>(
        `select code from public.kpis k
          where not exists (select 1 from public.kpi_assessment_values v where v.kpi_code = k.code)
            and code <> 'EC:ICT:ICT:9C'
          order by code limit 1`,
      );
      const [inUse] = await tx.query<{ code: string }>(
        `select kpi_code as code from public.kpi_assessment_values order by kpi_code limit 1`,
      );
      const gone = [unused!.code, inUse!.code];
      const report = await syncKpis(
        tx,
        content.filter((item) => !gone.includes(item.code)),
      );
      expect(report.removed).toBe(1);
      expect(report.keptInUse).toEqual([inUse!.code]);
      const left = await tx.query<{ code: string }>(
        `select code from public.kpis where code = any($1::text[]) order by code`,
        [[...gone, 'EC:ICT:ICT:9C']],
      );
      expect(left.map((row) => row.code).sort()).toEqual([inUse!.code, 'EC:ICT:ICT:9C'].sort());
      const orphans = await tx.query(
        `select 1 from public.kpi_sdg_links where kpi_code = $1
         union all select 1 from public.search_documents where id = 'kpi:' || $1`,
        [unused!.code],
      );
      expect(orphans).toEqual([]);
    });
  });

  it('makes one search record per KPI, with only confirmed goals as SDG facets', async () => {
    const records = await db.query<{
      id: string;
      code: string;
      subtype: string;
      sdgs: number[];
      themes: string[];
      kpi_codes: string[];
      url: string;
      summary: string;
    }>(
      `select id, code, subtype, sdgs, themes, kpi_codes, url, summary from public.search_documents
        where type = 'kpi' order by id`,
    );
    expect(records).toHaveLength(91);
    const broadband = records.find((record) => record.code === 'EC:ICT:ICT:2C');
    expect(broadband).toMatchObject({
      id: 'kpi:EC:ICT:ICT:2C',
      subtype: 'core',
      sdgs: [17],
      themes: ['ict-infrastructure'],
      kpi_codes: ['EC:ICT:ICT:2C'],
      url: '/kpis/ec-ict-ict-2c',
      summary: 'Core KPI · Economy › ICT › ICT infrastructure',
    });
    // Household Internet Access has only indicative links (SDG 9 and 17): no SDG facet.
    expect(records.find((record) => record.code === 'EC:ICT:ICT:1C')?.sdgs).toEqual([]);
    const found = await asUser(db, null, (tx) =>
      searchNetwork(
        tx,
        searchParamsSchema.parse({ q: 'EC:ICT:ICT:2C', type: 'kpi' }),
        postgresSearchEngine,
      ),
    );
    // The engine splits a code at its colons: both KPIs with the words EC, ICT and 2C match,
    // and nothing else (an exact-code boost belongs to the search engine, like exact titles).
    expect(found.hits.map((hit) => hit.title).sort()).toEqual([
      'Fixed Broadband Subscriptions',
      'Traffic Monitoring',
    ]);
    const byWord = await asUser(db, claimsOf('member'), (tx) =>
      searchNetwork(tx, searchParamsSchema.parse({ q: 'broadband' }), postgresSearchEngine),
    );
    expect(byWord.hits.filter((hit) => hit.type === 'kpi').map((hit) => hit.title)).toEqual(
      expect.arrayContaining(['Fixed Broadband Subscriptions', 'Wireless Broadband Coverage']),
    );
  });

  it('lists and filters the catalogue with facet counts for visitors', async () => {
    await asUser(db, null, async (tx) => {
      const all = await listKpis(tx, filters(''));
      expect(all.total).toBe(91);
      expect(all.items).toHaveLength(30);
      expect(all.items[0]).toMatchObject({
        code: 'EC:ICT:ICT:1C',
        slug: 'ec-ict-ict-1c',
        type: 'core',
        goals: [
          { goal: 9, basis: 'indicative' },
          { goal: 17, basis: 'indicative' },
        ],
      });
      expect(all.facets.dimension).toEqual([
        { value: 'EC', count: 45 },
        { value: 'EN', count: 17 },
        { value: 'SC', count: 29 },
      ]);
      const water = await listKpis(tx, filters('sdg=6&type=core'));
      expect(water.items.every((item) => item.type === 'core')).toBe(true);
      expect(water.items.every((item) => item.goals.some((g) => g.goal === 6))).toBe(true);
      // The SDG facet keeps counting its other goals while one is chosen.
      expect(water.facets.sdg.length).toBeGreaterThan(5);
      expect(water.facets.type.find((f) => f.value === 'advanced')?.count).toBeGreaterThan(0);
      const confirmedWater = water.items.find((item) => item.code === 'EC:I:WS:2C');
      expect(confirmedWater?.goals).toEqual([{ goal: 6, basis: 'confirmed' }]);
      const ict = await listKpis(tx, filters('dimension=EC&subDimension=EC:ICT&q=monitor'));
      expect(ict.items.map((item) => item.code)).toEqual([
        'EC:ICT:WS:2A',
        'EC:ICT:D:1A',
        'EC:ICT:ES:2A',
        'EC:ICT:T:2C',
      ]);
      const page4 = await listKpis(tx, filters('page=4'));
      expect(page4.items.map((item) => item.code)).toEqual(['SC:SH:FS:1A']);
    });
  });

  it('finds one KPI with its measure, links and category siblings', async () => {
    await asUser(db, null, async (tx) => {
      const kpi = await findKpi(tx, 'ec-ict-ict-2c');
      expect(kpi).toMatchObject({
        code: 'EC:ICT:ICT:2C',
        measure: { kind: 'percentage' },
        focus: 'smart',
        confirmedInTitle: 'U4SSC KPIs Verification Manual (2022)',
      });
      expect(kpi?.sdgLinks.map((link) => link.indicator)).toEqual(['17.6.2', '17.8.1']);
      const air = await findKpi(tx, 'en-en-aq-1c');
      expect(air?.unitUncertain).toBe(true);
      expect(air?.measure.parts?.map((part) => part.label)).toEqual([
        'PM2.5',
        'PM10',
        'NO2',
        'SO2',
        'O3',
      ]);
      expect(await findKpi(tx, 'no-such-kpi')).toBeNull();
      const siblings = await listKpisInCategory(tx, kpi!);
      expect(siblings.map((item) => item.code)).toEqual([
        'EC:ICT:ICT:1C',
        'EC:ICT:ICT:3C',
        'EC:ICT:ICT:4C',
        'EC:ICT:ICT:5C',
      ]);
    });
  });

  it('lists the published case studies whose records name the KPI, and no scheduled one', async () => {
    // KPIs no demo case study names (supabase/seed/demo-case-studies.json).
    await asOwner(db, async (tx) => {
      const record = (id: string, title: string, visibleFrom: string | null) =>
        tx.query(
          `select private.search_upsert(jsonb_build_object(
             'type', 'case_study', 'source_id', $1::text, 'title', $2::text,
             'url', '/case-studies/' || $1::text, 'summary', 'Smart water meters for every home',
             'kpi_codes', '["EC:P:IN:2C"]'::jsonb, 'visible_from', $3::timestamptz))`,
          [id, title, visibleFrom],
        );
      await record('kpi-test-published', 'Fjordby meters every home', null);
      await record('kpi-test-scheduled', 'Not yet public', '2999-01-01T00:00:00Z');
      await tx.query("select set_config('role', 'anon', true)");
      const found = await listCaseStudiesAffectingKpi(tx, 'EC:P:IN:2C');
      expect(found).toEqual([
        {
          title: 'Fjordby meters every home',
          url: '/case-studies/kpi-test-published',
          summary: 'Smart water meters for every home',
          isDemo: false,
        },
      ]);
      expect(await listCaseStudiesAffectingKpi(tx, 'EC:P:EM:2C')).toEqual([]);
    });
  });
});
