/**
 * `npm run bench:search`: the search benchmark.
 *
 * For each target (the PostgreSQL server at BENCH_DATABASE_URL, else
 * DATABASE_URL; and an in-memory PGlite) it migrates a fresh schema, loads
 * BENCH_SEARCH_RECORDS (default 100,000) synthetic records through the same
 * SQL API the triggers use, then measures:
 *   - indexing throughput (records per second, in batches of 1,000);
 *   - server-side latency of `searchNetwork` as a visitor (anon role, RLS on)
 *     over a mixed query set: one term, several terms, a prefix, a typo, and
 *     queries with facet filters — p50/p95/p99 overall and per kind;
 *   - commit-to-searchable: from the commit of a new record to the first
 *     search that returns it.
 * Results are printed and written to bench/results/search-<target>.json.
 *
 * The PostgreSQL database is wiped (drop schema): point BENCH_DATABASE_URL at
 * a dedicated database, e.g. postgres://portal:portal@127.0.0.1:5432/portal_bench.
 * BENCH_TARGETS=postgres or =pglite runs one target only; BENCH_REUSE_DATA=true
 * measures the PostgreSQL database loaded by a previous run again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import { dropPortalSchema } from '../../src/server/db/migrate';
import { openPgliteDatabase } from '../../src/server/db/pglite-driver';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import { prepareDatabase } from '../../src/server/boot/prepare-database';
import { withRequestContext } from '../../src/server/db/request-context';
import { cpuCheck, summarize } from '../lib/stats';
import type { Database } from '../../src/server/db/types';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { benchCountries, benchHubs, broadWord, createRecordGenerator } from './generate';

const rootDir = path.resolve(import.meta.dirname, '../..');
const recordCount = Number(process.env.BENCH_SEARCH_RECORDS ?? 100_000);
const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 10);

interface QueryCase {
  kind: 'one term' | 'several terms' | 'prefix' | 'typo' | 'with facets' | 'broad term';
  params: Record<string, unknown>;
}

const queries: QueryCase[] = [
  { kind: 'one term', params: { q: 'mobility' } },
  { kind: 'one term', params: { q: 'procurement' } },
  { kind: 'one term', params: { q: 'hydrogen' } },
  { kind: 'one term', params: { q: 'Y.4500' } },
  { kind: 'several terms', params: { q: 'air quality sensors' } },
  { kind: 'several terms', params: { q: 'smart water management plan' } },
  { kind: 'several terms', params: { q: 'digital twin city' } },
  { kind: 'prefix', params: { q: 'procur' } },
  { kind: 'prefix', params: { q: 'smart mobi' } },
  { kind: 'typo', params: { q: 'procurment' } },
  { kind: 'typo', params: { q: 'hydrogne storage' } },
  { kind: 'with facets', params: { q: 'energy', type: 'case_study' } },
  { kind: 'with facets', params: { q: 'water', hub: benchHubs[3], country: benchCountries[5] } },
  { kind: 'with facets', params: { q: 'climate adaptation', sdg: 11, theme: 'resilience' } },
  { kind: 'with facets', params: { q: 'sensor', type: 'organization', page: 3 } },
];
// Reported separately: a word in a large share of the records (not in the p95 above).
const broadQueries: QueryCase[] = [{ kind: 'broad term', params: { q: broadWord() } }];

async function load(db: Database): Promise<{ seconds: number; perSecond: number }> {
  const generate = createRecordGenerator();
  const batch = 1_000;
  const started = performance.now();
  for (let start = 0; start < recordCount; start += batch) {
    const records = Array.from({ length: Math.min(batch, recordCount - start) }, (_, i) =>
      generate(start + i),
    );
    await db.transaction(async (tx) => {
      await tx.query(
        'select count(private.search_upsert(r)) from jsonb_array_elements($1::text::jsonb) r',
        [JSON.stringify(records)],
      );
    });
    if ((start / batch) % 10 === 0)
      process.stdout.write(`\r  loaded ${start + records.length} records`);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write('\n');
  return { seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(recordCount / seconds) };
}

async function measureQueries(db: Database) {
  const connect = () => Promise.resolve(db);
  const run = (params: Record<string, unknown>) =>
    withRequestContext(
      null,
      (tx) => searchNetwork(tx, searchParamsSchema.parse(params), postgresSearchEngine),
      connect,
    );
  for (const query of queries) await run(query.params); // warm up
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const totals: Record<string, number> = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const started = performance.now();
      const result = await run(query.params);
      const ms = performance.now() - started;
      all.push(ms);
      byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
      totals[JSON.stringify(query.params)] = result.total;
    }
  }
  const broad: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of broadQueries) {
      const started = performance.now();
      const result = await run(query.params);
      broad.push(performance.now() - started);
      totals[JSON.stringify(query.params)] = result.total;
    }
  }
  byKind.set('broad term (not in overall)', broad);
  return {
    overall: summarize(all),
    byKind: Object.fromEntries([...byKind].map(([kind, values]) => [kind, summarize(values)])),
    matches: totals,
  };
}

async function measureCommitToSearchable(db: Database) {
  const connect = () => Promise.resolve(db);
  const samples: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const word = `freshword${i}x${Date.now().toString(36)}`;
    await db.transaction((tx) =>
      tx.query(
        `select private.search_upsert(jsonb_build_object('type', 'news', 'source_id', $1::text,
        'title', $2::text, 'url', '/bench/fresh'))`,
        [`fresh-${i}-${word}`, `Fresh ${word}`],
      ),
    );
    const committed = performance.now();
    for (;;) {
      const result = await withRequestContext(
        null,
        (tx) => searchNetwork(tx, searchParamsSchema.parse({ q: word }), postgresSearchEngine),
        connect,
      );
      if (result.total > 0) break;
    }
    samples.push(performance.now() - committed);
  }
  return summarize(samples);
}

async function benchTarget(name: 'postgres' | 'pglite', db: Database) {
  const reuse = name === 'postgres' && process.env.BENCH_REUSE_DATA === 'true';
  let indexing: { seconds: number; perSecond: number } | null = null;
  if (!reuse) {
    console.log(`\n== ${name}: migrating`);
    if (name === 'postgres') await dropPortalSchema(db);
    await prepareDatabase(db, { rootDir, seedDemoData: false }, { seed: 'never' });
    console.log(`== ${name}: loading ${recordCount} records`);
    indexing = await load(db);
  }
  await db.query('analyze public.search_documents');
  await db.query('analyze public.search_terms');
  const [size] = await db.query<{ documents: number; terms: number; bytes: string }>(
    `select (select count(*)::int from public.search_documents) as documents,
            (select count(*)::int from public.search_terms) as terms,
            pg_size_pretty(pg_total_relation_size('public.search_documents')) as bytes`,
  );
  console.log(`== ${name}: ${indexing?.perSecond ?? 'reused'} records/s; measuring queries`);
  const cpuCheckMs = cpuCheck();
  const latency = await measureQueries(db);
  const commitToSearchable = await measureCommitToSearchable(db);
  const previous = path.join(rootDir, 'bench', 'results', `search-${name}.json`);
  if (!indexing && fs.existsSync(previous)) {
    indexing = (JSON.parse(fs.readFileSync(previous, 'utf8')) as { indexing: typeof indexing })
      .indexing;
  }
  const result = {
    target: name,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
      cpuCheckMs,
    },
    records: recordCount,
    corpus: size,
    indexing,
    latencyMs: latency.overall,
    latencyByKindMs: latency.byKind,
    commitToSearchableMs: commitToSearchable,
    matchesPerQuery: latency.matches,
  };
  console.log(JSON.stringify({ ...result, matchesPerQuery: undefined }, null, 2));
  const outDir = path.join(rootDir, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, `search-${name}.json`),
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
      const db = openPostgresDatabase({ url, poolSize: 4 });
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
