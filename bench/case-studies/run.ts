/**
 * `npm run bench:case-studies`: the faceted case-study listing at scale.
 *
 * For each target (the PostgreSQL server at BENCH_DATABASE_URL, else
 * DATABASE_URL; and an in-memory PGlite) it migrates a fresh schema, seeds the
 * reference content (deliverables, KPIs, real hubs and cities), generates
 * BENCH_CASE_STUDIES (default 10,000) case studies over 300 generated cities
 * in 12 hubs and 400 verified organizations of every sector, with their
 * partners, KPIs, deliverables and partner cities, then measures
 * `listCaseStudies` as a visitor (anon role, RLS on, one request transaction
 * each, as a page does): no facet, one, two and three facets selected, a
 * later page. It reports p50/p95/p99 overall and per filter set, the time of
 * each statement of the slowest three-facet listing, and that statement's
 * plan (EXPLAIN ANALYZE, as the visitor). Results are printed and written to
 * bench/results/case-studies-<target>.json.
 *
 * The generated rows are written with triggers off (session_replication_role
 * = replica); their facet keys and the facet totals are computed afterwards
 * in one statement each, as the triggers would; search records are not built (the listing does not read
 * them; `npm run bench:search` measures search).
 *
 * The PostgreSQL database is wiped (drop schema): point BENCH_DATABASE_URL at a
 * dedicated database, e.g. postgres://portal:portal@127.0.0.1:5432/portal_bench.
 * BENCH_TARGETS=postgres or =pglite runs one target only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCaseStudyFilters } from '../../src/lib/case-studies/case-study-filters';
import { prepareDatabase } from '../../src/server/boot/prepare-database';
import {
  findPeerCities,
  findPeersForChallenge,
  findSimilarCaseStudies,
  loadCityPeerProfile,
} from '../../src/server/case-studies/peer-queries';
import {
  findCaseStudy,
  listCaseStudies,
  listCityPartners,
  listConnectedCaseStudies,
  resolveCaseStudyFilters,
} from '../../src/server/case-studies/queries';
import { populationBandOf } from '../../src/lib/taxonomy/bands';
import { dropPortalSchema } from '../../src/server/db/migrate';
import { openPgliteDatabase } from '../../src/server/db/pglite-driver';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import { withRequestContext } from '../../src/server/db/request-context';
import { cpuCheck, summarize } from '../lib/stats';
import type { Database, Queryable } from '../../src/server/db/types';

const rootDir = path.resolve(import.meta.dirname, '../..');
const caseStudyCount = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const rounds = Number(process.env.BENCH_CASE_STUDY_ROUNDS ?? 20);

interface FilterSet {
  kind: 'no facet' | 'one facet' | 'two facets' | 'three facets' | 'later page';
  query: Record<string, string>;
}

const filterSets: FilterSet[] = [
  { kind: 'no facet', query: {} },
  { kind: 'one facet', query: { theme: 'mobility' } },
  { kind: 'one facet', query: { hub: 'bench-hub-3' } },
  { kind: 'two facets', query: { sdg: '11', region: 'europe' } },
  { kind: 'two facets', query: { sector: 'academia', status: 'completed' } },
  { kind: 'three facets', query: { theme: 'water', region: 'africa', status: 'completed' } },
  { kind: 'three facets', query: { sdg: '7', kpi: 'EN', sector: 'investor' } },
  { kind: 'three facets', query: { hub: 'bench-hub-5', size: '200k-500k', gender: 'responsive' } },
  { kind: 'three facets', query: { country: 'NO', deliverable: 'itu-t-y-4903', theme: 'energy' } },
  { kind: 'later page', query: { theme: 'climate', page: '5' } },
];

/**
 * The generated network, in SQL: cities of every region and size band in 12
 * hubs, organizations of every sector, and the case studies with their links.
 * Deterministic (md5 of the row number), so two runs load the same rows.
 */
async function generate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("set local session_replication_role = 'replica'");
    await tx.query(
      `insert into public.hubs (slug, name, region, countries, summary, is_demo)
       select 'bench-hub-' || i, 'Bench hub ' || i,
              (array['europe','americas','africa','asia-pacific','arab-states','cis'])[1 + i % 6],
              '{}', 'Generated for the benchmark.', true
         from generate_series(1, 12) as i`,
    );
    await tx.query(
      `insert into public.cities (slug, name, country, region, population, population_year, is_demo)
       select 'bench-city-' || i, 'Bench city ' || i,
              (array['NO','FI','SE','PE','CO','EC','KE','GH','VN','JP','JO','EG','KZ','UZ','AT','ES'])[1 + i % 16],
              (array['europe','europe','europe','americas','americas','americas','africa','africa',
                     'asia-pacific','asia-pacific','arab-states','arab-states','cis','cis','europe','europe'])[1 + i % 16],
              (array[20000, 90000, 350000, 900000, 2500000])[1 + (i / 16) % 5] + i, 2024, true
         from generate_series(1, 300) as i`,
    );
    await tx.query(
      `insert into public.hub_cities (hub_id, city_id)
       select h.id, c.id from public.cities c
         join public.hubs h on h.slug = 'bench-hub-' || (1 + (substring(c.slug from 12)::int % 12))
        where c.slug like 'bench-city-%'`,
    );
    await tx.query(
      `insert into public.organizations (slug, name, kind, country, status, summary, is_demo)
       select 'bench-org-' || i, 'Bench organization ' || i,
              (array['private-sector','academia','civil-society','public-agency',
                     'international-organization','investor'])[1 + i % 6],
              'NO', 'verified', 'Generated for the benchmark.', true
         from generate_series(1, 400) as i`,
    );
    await tx.query(
      `with cities as (select array_agg(id order by slug) as ids from public.cities where slug like 'bench-city-%')
       insert into public.case_studies (id, slug, lead_city_id, title, summary, challenge, solution,
         project_status, sdg_goals, sdg_targets, themes, technologies, sex_disaggregated, gender_participation,
         status, published_at, submitted_at, is_demo)
       select md5('bench-case-study-' || i)::uuid, 'bench-case-study-' || i,
              c.ids[1 + (i * 7) % array_length(c.ids, 1)],
              'Bench case study ' || i, 'A generated case study for the benchmark.',
              'What the city faced.', 'What the city did.',
              (array['planned','in-progress','completed'])[1 + i % 3],
              array[(1 + i % 17)::smallint, (1 + (i * 5 + 3) % 17)::smallint, 11::smallint],
              '{}',
              array[(array['mobility','energy','water','waste','ict-infrastructure','e-government','data-and-ai',
                           'health','education','safety','housing','urban-planning','culture','environment',
                           'climate','economy','social-inclusion','participation','food','kpis'])[1 + i % 20],
                    (array['mobility','energy','water','waste','ict-infrastructure','e-government','data-and-ai',
                           'health','education','safety','housing','urban-planning','culture','environment',
                           'climate','economy','social-inclusion','participation','food','kpis'])[1 + (i * 3 + 7) % 20]],
              array['sensor network'],
              (array['yes','partly','no','unknown'])[1 + i % 4],
              case when i % 3 = 0 then 'Women took part in the design.' else '' end,
              case when i % 10 = 0 then 'draft' else 'published' end,
              case when i % 10 = 0 then null else now() - (i || ' hours')::interval end,
              case when i % 10 = 0 then null else now() - (i || ' hours')::interval end,
              true
         from generate_series(1, $1::int) as i, cities as c`,
      [caseStudyCount],
    );
    // Distinct themes and goals (the arrays above may repeat one).
    await tx.query(
      `update public.case_studies set themes = array(select distinct unnest(themes) order by 1),
              sdg_goals = array(select distinct unnest(sdg_goals) order by 1)
        where slug like 'bench-case-study-%'`,
    );
    await tx.query(
      `with orgs as (select array_agg(id order by slug) as ids from public.organizations where slug like 'bench-org-%')
       insert into public.case_study_partners (case_study_id, organization_id, role, position)
       select cs.id, o.ids[1 + (n * 37 + k * 11) % array_length(o.ids, 1)], 'implementer', k
         from (select id, row_number() over (order by slug) as n from public.case_studies
                where slug like 'bench-case-study-%') as cs,
              generate_series(0, 1) as k, orgs as o
       on conflict do nothing`,
    );
    await tx.query(
      `with kpis as (select array_agg(code order by position) as codes from public.kpis)
       insert into public.case_study_kpis (case_study_id, kpi_code)
       select cs.id, k.codes[1 + (n * 13 + j * 29) % array_length(k.codes, 1)]
         from (select id, row_number() over (order by slug) as n from public.case_studies
                where slug like 'bench-case-study-%') as cs,
              generate_series(0, 2) as j, kpis as k
       on conflict do nothing`,
    );
    await tx.query(
      `with d as (select array_agg(id order by slug) as ids from public.deliverables where published)
       insert into public.case_study_deliverables (case_study_id, deliverable_id)
       select cs.id, d.ids[1 + (n * 3) % array_length(d.ids, 1)]
         from (select id, row_number() over (order by slug) as n from public.case_studies
                where slug like 'bench-case-study-%') as cs, d
       on conflict do nothing`,
    );
    await tx.query(
      `with cities as (select array_agg(id order by slug) as ids from public.cities where slug like 'bench-city-%')
       insert into public.case_study_cities (case_study_id, city_id)
       select cs.id, c.ids[1 + (n * 11 + 5) % array_length(c.ids, 1)]
         from (select id, lead_city_id, row_number() over (order by slug) as n from public.case_studies
                where slug like 'bench-case-study-%') as cs, cities as c
        where n % 10 = 0 and c.ids[1 + (n * 11 + 5) % array_length(c.ids, 1)] <> cs.lead_city_id
       on conflict do nothing`,
    );
    // What the triggers would have derived, for every generated row at once.
    await tx.query(
      `update public.case_studies cs set facet_keys = private.case_study_facet_keys(cs)
        where cs.slug like 'bench-case-study-%'`,
    );
  });
  await db.query('select private.rebuild_case_study_facet_totals()');
  await db.query('analyze');
}

/** A Queryable that keeps each statement it runs, with its time. */
function recording(
  db: Queryable,
  log: { text: string; params: readonly unknown[]; ms: number }[],
): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const started = performance.now();
      const rows = await db.query<Row>(text, params);
      log.push({ text, params, ms: performance.now() - started });
      return rows;
    },
  };
}

async function measure(db: Database) {
  const connect = () => Promise.resolve(db);
  const run = (query: Record<string, string>, log?: Parameters<typeof recording>[1]) =>
    withRequestContext(
      null,
      (tx) => listCaseStudies(log ? recording(tx, log) : tx, parseCaseStudyFilters(query).filters),
      connect,
    );
  for (const set of filterSets) await run(set.query); // warm up
  const byKind = new Map<string, number[]>();
  const bySet = new Map<string, number[]>();
  const totals: Record<string, number> = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const set of filterSets) {
      const started = performance.now();
      const listing = await run(set.query);
      const ms = performance.now() - started;
      byKind.set(set.kind, [...(byKind.get(set.kind) ?? []), ms]);
      const key = new URLSearchParams(set.query).toString() || '(none)';
      bySet.set(key, [...(bySet.get(key) ?? []), ms]);
      totals[key] = listing.total;
    }
  }
  const all = [...byKind.values()].flat();
  // The slowest three-facet listing: each of its statements, and the plan of the slowest.
  const threeFacet = filterSets.filter((set) => set.kind === 'three facets');
  const slowestSet = threeFacet
    .map((set) => ({
      set,
      p95: summarize(bySet.get(new URLSearchParams(set.query).toString())!).p95,
    }))
    .sort((a, b) => b.p95 - a.p95)[0]!.set;
  const log: { text: string; params: readonly unknown[]; ms: number }[] = [];
  await run(slowestSet.query, log);

  const statements = log.map((entry) => ({
    statement: entry.text.replace(/\s+/g, ' ').slice(0, 120),
    ms: Math.round(entry.ms * 100) / 100,
  }));
  // The listing's counts and page come from two security definer functions
  // (their plans are opaque from outside); explain each statement they run,
  // as they run it (as the owner), and keep the slowest one's plan.
  const { keys } = await resolveCaseStudyFilters(
    db,
    parseCaseStudyFilters(slowestSet.query).filters,
  );
  const all3 = [...keys.values()];
  const inner: { label: string; sql: string; params: unknown[] }[] = [
    {
      label: 'page of matching ids with the total',
      sql: `select cf.case_study_id, (count(*) over ())::int from private.case_study_facets cf
             where cf.facet_keys @> $1::text[] order by cf.published_at desc, cf.case_study_id limit 12`,
      params: [all3],
    },
    {
      label: 'every facet over the matches',
      sql: `select k.key, count(*)::int from private.case_study_facets cf, unnest(cf.facet_keys) as k(key)
             where cf.facet_keys @> $1::text[] group by k.key`,
      params: [all3],
    },
    ...[...keys].map(([name, key]) => ({
      label: `the "${name}" facet without its own filter`,
      sql: `select k.key, count(*)::int from private.case_study_facets cf, unnest(cf.${key.split(':')[0]}) as k(key)
             where cf.facet_keys @> $1::text[] group by k.key`,
      params: [all3.filter((other) => other !== key)],
    })),
  ];
  const explained = [];
  for (const statement of inner) {
    const rows = await db.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, costs off, timing on) ${statement.sql}`,
      statement.params,
    );
    const plan = rows.map((row) => row['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1] ?? 0);
    explained.push({ ...statement, ms, plan });
  }
  const slowest = explained.sort((a, b) => b.ms - a.ms)[0]!;
  return {
    overall: summarize(all),
    byKind: Object.fromEntries([...byKind].map(([kind, values]) => [kind, summarize(values)])),
    bySet: Object.fromEntries([...bySet].map(([key, values]) => [key, summarize(values)])),
    matches: totals,
    slowestThreeFacetListing: {
      query: new URLSearchParams(slowestSet.query).toString(),
      statements,
      innerStatements: explained.map((statement) => ({ label: statement.label, ms: statement.ms })),
      slowestStatement: {
        label: slowest.label,
        sql: slowest.sql.replace(/\s+/g, ' '),
        params: slowest.params,
      },
      plan: slowest.plan,
    },
  };
}

/**
 * The other reads at the same scale, as a visitor: a city page's case
 * studies, partners and peer cities; a case study with its similar
 * projects; a hub page's case studies; a /peers challenge.
 */
async function measurePages(db: Database) {
  const connect = () => Promise.resolve(db);
  const as = <T>(fn: (tx: Queryable) => Promise<T>) => withRequestContext(null, fn, connect);
  const cities = await db.query<{ id: string }>(
    "select id from public.cities where slug like 'bench-city-%' order by slug limit 10",
  );
  const hubs = await db.query<{ id: string }>(
    "select id from public.hubs where slug like 'bench-hub-%' order by slug limit 10",
  );
  const timings: Record<string, number[]> = {
    'city page: case studies, partners, peer cities': [],
    'case study page: the case study and similar projects': [],
    'hub page: case studies': [],
    '/peers: a challenge': [],
  };
  const time = async (key: string, fn: () => Promise<unknown>) => {
    const started = performance.now();
    await fn();
    timings[key]!.push(performance.now() - started);
  };
  for (let round = 0; round < 3; round += 1) {
    for (const [index, city] of cities.entries()) {
      await time('city page: case studies, partners, peer cities', () =>
        as(async (tx) => {
          await listConnectedCaseStudies(tx, { cityId: city.id }, 12);
          await listCityPartners(tx, city.id);
          const profile = await loadCityPeerProfile(tx, city.id);
          if (profile) await findPeerCities(tx, profile);
        }),
      );
      await time('case study page: the case study and similar projects', () =>
        as(async (tx) => {
          const caseStudy = await findCaseStudy(tx, `bench-case-study-${index * 97 + 1 + round}`);
          if (!caseStudy) return;
          await findSimilarCaseStudies(tx, {
            id: caseStudy.id,
            themes: caseStudy.themes,
            sdgGoals: caseStudy.sdgGoals,
            sdgTargets: caseStudy.sdgTargets,
            kpiCodes: caseStudy.kpis.map((k) => k.code),
            technologies: caseStudy.technologies,
            populationBand:
              caseStudy.cityPopulation === null ? null : populationBandOf(caseStudy.cityPopulation),
            region: caseStudy.cityRegion,
          });
        }),
      );
      await time('hub page: case studies', () =>
        as((tx) => listConnectedCaseStudies(tx, { hubId: hubs[index % hubs.length]!.id }, 6)),
      );
      await time('/peers: a challenge', () =>
        as((tx) =>
          findPeersForChallenge(tx, {
            themes: ['water'],
            sdgGoals: [6],
            sdgTargets: [],
            kpiCodes: ['EC:I:WS:3C'],
            technologies: [],
            populationBand: '50k-200k',
            region: 'europe',
            text: 'sensor leak',
          }),
        ),
      );
    }
  }
  return Object.fromEntries(
    Object.entries(timings).map(([key, values]) => [key, summarize(values)]),
  );
}

async function benchTarget(name: 'postgres' | 'pglite', db: Database) {
  console.log(`\n== ${name}: migrating and seeding the reference content`);
  if (name === 'postgres') await dropPortalSchema(db);
  await prepareDatabase(db, { rootDir, seedDemoData: false }, { seed: 'always' });
  console.log(`== ${name}: generating ${caseStudyCount} case studies`);
  const started = performance.now();
  await generate(db);
  const loadSeconds = Math.round((performance.now() - started) / 100) / 10;
  const [counts] = await db.query<Record<string, number>>(
    `select (select count(*)::int from public.case_studies where status = 'published') as published,
            (select count(*)::int from public.case_studies) as "caseStudies",
            (select count(*)::int from public.case_study_partners) as partners,
            (select count(*)::int from public.case_study_kpis) as kpis,
            (select count(*)::int from public.cities) as cities`,
  );
  console.log(`== ${name}: loaded in ${loadSeconds} s; measuring the listing as a visitor`);
  const cpuCheckMs = cpuCheck();
  const latency = await measure(db);
  const pages = await measurePages(db);
  const result = {
    target: name,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
      cpuCheckMs,
    },
    role: 'anon (a visitor)',
    rows: counts,
    loadSeconds,
    rounds,
    latencyMs: latency.overall,
    latencyByKindMs: latency.byKind,
    latencyBySetMs: latency.bySet,
    matches: latency.matches,
    otherReadsMs: pages,
    slowestThreeFacetListing: latency.slowestThreeFacetListing,
  };
  console.log(JSON.stringify({ ...result, slowestThreeFacetListing: undefined }, null, 2));
  console.log(`\nSlowest three-facet listing (${latency.slowestThreeFacetListing.query}):`);
  for (const statement of latency.slowestThreeFacetListing.statements)
    console.log(`  ${statement.ms.toFixed(2).padStart(7)} ms  ${statement.statement}`);
  for (const statement of latency.slowestThreeFacetListing.innerStatements)
    console.log(`    inside: ${statement.ms.toFixed(2).padStart(7)} ms  ${statement.label}`);
  console.log(
    `\nPlan of the slowest statement inside (${latency.slowestThreeFacetListing.slowestStatement.label}; EXPLAIN ANALYZE):`,
  );
  console.log(latency.slowestThreeFacetListing.plan.join('\n'));
  const outDir = path.join(rootDir, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, `case-studies-${name}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  return result;
}

async function main() {
  const only = process.env.BENCH_TARGETS;
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!only || only === 'postgres') {
    if (!url)
      console.log(
        'Skipping PostgreSQL: set BENCH_DATABASE_URL (a database the benchmark may wipe).',
      );
    else {
      const db = openPostgresDatabase({ url, poolSize: 2 });
      try {
        await benchTarget('postgres', db);
      } finally {
        await db.close();
      }
    }
  }
  if (!only || only === 'pglite') {
    const db = await openPgliteDatabase();
    try {
      await benchTarget('pglite', db);
    } finally {
      await db.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
