/**
 * `npm run bench`: platform figures for docs/benchmarks.md and the closing note.
 *
 * On each engine (BENCH_ENGINES: embedded PGlite and PostgreSQL at
 * BENCH_DATABASE_URL, a database it may wipe) and in each render cache mode
 * (BENCH_MODES: `on`, `off`), against the production build:
 * 1. requests/s and p50/p99 of every anonymous reading page, as a ratio to a
 *    static file served by the same server in the same run (autocannon on
 *    loopback), with the targets checked when the cache is on: ≥ 50 % of the
 *    static file's req/s and p99 < 5 × its p99;
 * 2. signed-in pages and /search: req/s and p99;
 * 3. bytes on the wire per route, uncompressed, gzip and brotli;
 * 4. resident memory of the server, idle and at peak;
 * 5. write-then-read: a write followed by a read of the page from another
 *    connection shows the write, BENCH_WRITE_READS times (PostgreSQL: also
 *    through a second app server on the same database);
 * 6. growth: the seed's news, events and cities × BENCH_GROWTH_FACTOR, and the
 *    same listings measured again with the cache off.
 * Then JavaScript shipped per route and cold start on an empty data folder.
 * Prints tables and writes bench/results/platform-<date>-<label>.json.
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPgliteDatabase } from '../src/server/db/pglite-driver';
import { measureJavaScript } from './lib/javascript-per-route';
import { signIn } from './lib/http-session';
import { rootDir, startPortal, type StartedServer } from './lib/server';
import { multiplyRows } from './platform/growth';
import { load, type LoadResult } from './platform/load';
import { watchMemory } from './platform/memory';
import { measureTriggerOverhead, type TriggerOverhead } from './platform/trigger-overhead';
import { measureWireBytes, type WireBytes } from './platform/wire-bytes';
import {
  writeBySqlThenRead,
  writeThroughFormThenRead,
  type WriteThenRead,
} from './platform/write-then-read';

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 5);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const coldStarts = Number(env.BENCH_COLD_STARTS ?? 1);
const writeReads = Number(env.BENCH_WRITE_READS ?? 1000);
const growthFactor = Number(env.BENCH_GROWTH_FACTOR ?? 100);
const engines = (env.BENCH_ENGINES ?? 'pglite,postgres').split(',').filter(Boolean);
const modes = (env.BENCH_MODES ?? 'on,off').split(',').filter(Boolean);
const label = env.BENCH_LABEL ?? 'after';
const databaseUrl =
  env.BENCH_DATABASE_URL ?? 'postgres://portal:portal@127.0.0.1:5432/portal_cache_bench';
const staticFile = '/favicon.svg';
const demoPassword = 'demo-password-2026';
const newsSlug = 'demo-nordic-hub-welcomes-lakeside';

/** The anonymous reading pages of issue 16. */
const readingPages = (
  env.BENCH_ROUTES ??
  [
    '/',
    '/hubs',
    '/hubs/austria',
    '/news',
    `/news/${newsSlug}`,
    '/events',
    '/events/demo-nordic-hub-kpi-webinar',
    '/cities',
    '/cities/tromso',
    '/directory',
    '/directory/demo-sensorwerk',
    '/deliverables',
    '/deliverables/itu-t-y-4903',
    '/news/rss.xml',
    '/events.ics',
  ].join(',')
).split(',');
const signedInPages = ['/account', '/news/manage', '/hubs/austria'];
const searchPage = '/search?q=smart+city';
const growthPages = [
  '/',
  '/hubs',
  '/hubs/austria',
  '/news',
  '/news?page=3',
  '/events',
  '/cities',
  '/news/rss.xml',
  '/events.ics',
];
const routesForJs = [
  '/',
  '/deliverables',
  '/cities',
  '/hubs',
  '/news',
  '/events',
  '/search?q=kpi',
  '/login',
];

interface RouteFigure extends LoadResult {
  ofStaticRps: number;
  p99OfStatic: number;
  meetsTarget: boolean;
}

interface ModeRun {
  engine: string;
  mode: string;
  staticRuns: LoadResult[];
  staticFile: { requestsPerSecond: number; p99Ms: number };
  pages: RouteFigure[];
  signedIn: LoadResult[];
  search: LoadResult;
  wireBytes: WireBytes[];
  memory: { idleMb: number; peakMb: number };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function build(): void {
  if (env.BENCH_SKIP_BUILD === 'true') return;
  console.log('Building the production server…');
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules', 'astro', 'astro.js'), 'build'],
    {
      cwd: rootDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('astro build failed');
}

function resetPostgres(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'reset'], {
    cwd: rootDir,
    env: { ...env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`Could not reset ${databaseUrl}`);
}

const sessionSecret = randomBytes(32).toString('base64url');

function serverEnv(engine: string, mode: string): Record<string, string> {
  const base: Record<string, string> = {
    RENDER_CACHE: mode === 'off' ? 'off' : 'on',
    SEED_DEMO_DATA: 'true',
  };
  if (engine === 'postgres')
    return { ...base, DATABASE_URL: databaseUrl, SESSION_SECRET: sessionSecret };
  return base;
}

async function warm(
  baseUrl: string,
  targets: string[],
  headers?: Record<string, string>,
): Promise<void> {
  for (const target of targets) {
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(`${baseUrl}${target}`, { headers });
      await response.arrayBuffer();
    }
  }
}

async function measureMode(server: StartedServer, engine: string, mode: string): Promise<ModeRun> {
  const options = { connections, seconds };
  const memory = watchMemory(server.child.pid!);
  await warm(server.baseUrl, [staticFile, ...readingPages]);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = memory.now();
  const staticRuns: LoadResult[] = [await load(server.baseUrl, staticFile, options)];
  const figures: LoadResult[] = [];
  for (const [index, page] of readingPages.entries()) {
    figures.push(await load(server.baseUrl, page, options));
    if (index === Math.floor(readingPages.length / 2))
      staticRuns.push(await load(server.baseUrl, staticFile, options));
  }
  staticRuns.push(await load(server.baseUrl, staticFile, options));
  const staticRps = Math.round(
    staticRuns.reduce((sum, run) => sum + run.requestsPerSecond, 0) / staticRuns.length,
  );
  const staticP99 = Math.max(
    1,
    Math.round(staticRuns.reduce((sum, run) => sum + run.p99Ms, 0) / staticRuns.length),
  );
  const pages = figures.map((figure) => {
    const ofStaticRps = figure.requestsPerSecond / staticRps;
    const p99OfStatic = figure.p99Ms / staticP99;
    return {
      ...figure,
      ofStaticRps,
      p99OfStatic,
      meetsTarget: ofStaticRps >= 0.5 && p99OfStatic < 5 && figure.non2xx === 0,
    };
  });
  const session = await signIn(server.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword);
  const signedIn: LoadResult[] = [];
  for (const page of signedInPages) {
    await warm(server.baseUrl, [page], { cookie: session.cookie });
    signedIn.push(
      await load(server.baseUrl, page, { ...options, headers: { cookie: session.cookie } }),
    );
  }
  await warm(server.baseUrl, [searchPage]);
  const search = await load(server.baseUrl, searchPage, options);
  const wireBytes: WireBytes[] = [];
  for (const page of [...readingPages, searchPage])
    wireBytes.push(await measureWireBytes(server.baseUrl, page));
  for (const asset of await assetPaths(server.baseUrl))
    wireBytes.push(await measureWireBytes(server.baseUrl, asset));
  const peak = memory.peak();
  memory.stop();
  return {
    engine,
    mode,
    staticRuns,
    staticFile: { requestsPerSecond: staticRps, p99Ms: staticP99 },
    pages,
    signedIn,
    search,
    wireBytes,
    memory: { idleMb: mb(idle), peakMb: mb(peak) },
  };
}

/** The stylesheet and the search page's island, as the home and search pages link them. */
async function assetPaths(baseUrl: string): Promise<string[]> {
  const home = await (await fetch(`${baseUrl}/`)).text();
  const search = await (await fetch(`${baseUrl}${searchPage}`)).text();
  const css = /<link[^>]+href="(\/_astro\/[^"]+\.css)"/.exec(home)?.[1];
  const scripts = [...search.matchAll(/(?:component-url|src)="(\/_astro\/[^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  return [...(css ? [css] : []), ...scripts.slice(0, 2)];
}

function printMode(run: ModeRun): void {
  console.log(
    `\n${run.engine}, render cache ${run.mode}: static ${staticFile} ${run.staticFile.requestsPerSecond} req/s, p99 ${run.staticFile.p99Ms} ms; memory idle ${run.memory.idleMb} MB, peak ${run.memory.peakMb} MB`,
  );
  console.table(
    run.pages.map((page) => ({
      route: page.target,
      'req/s': page.requestsPerSecond,
      'p50 ms': page.p50Ms,
      'p99 ms': page.p99Ms,
      'of static req/s': `${(page.ofStaticRps * 100).toFixed(1)} %`,
      'p99 / static p99': page.p99OfStatic.toFixed(1),
      'non-2xx': page.non2xx,
      cache: page.cache ?? '',
      target: run.mode === 'on' ? (page.meetsTarget ? 'met' : 'MISSED') : '',
    })),
  );
  console.table(
    [...run.signedIn.map((r) => ({ ...r, target: `${r.target} (signed in)` })), run.search].map(
      (r) => ({
        route: r.target,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.p50Ms,
        'p99 ms': r.p99Ms,
        'non-2xx': r.non2xx,
        cache: r.cache ?? '',
      }),
    ),
  );
  console.table(
    run.wireBytes.map((w) => ({
      route: w.route,
      identity: w.identity,
      gzip: w.gzip ?? '-',
      br: w.br ?? '-',
    })),
  );
}

async function openPostgresOwner(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function runEngine(engine: string) {
  const runs: ModeRun[] = [];
  let writeThenRead: WriteThenRead[] = [];
  let growth: { counts: Record<string, number>; pages: LoadResult[] } | undefined;
  let triggerOverhead: TriggerOverhead | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  try {
    if (engine === 'postgres') resetPostgres();
    for (const mode of modes) {
      const server = await startPortal(serverEnv(engine, mode), { dataDir });
      try {
        const run = await measureMode(server, engine, mode);
        printMode(run);
        runs.push(run);
        if (mode === modes[0] && writeReads > 0)
          writeThenRead = await measureWriteThenRead(server, engine, mode);
      } finally {
        await server.stop();
      }
    }
    if (env.BENCH_TRIGGER_OVERHEAD !== 'false')
      triggerOverhead = await measureOverhead(engine, dataDir);
    if (growthFactor > 1) growth = await measureGrowth(engine, dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { engine, runs, writeThenRead, triggerOverhead, growth };
}

async function measureWriteThenRead(
  server: StartedServer,
  engine: string,
  mode: string,
): Promise<WriteThenRead[]> {
  const session = await signIn(server.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword);
  const results: WriteThenRead[] = [];
  results.push(
    await writeThroughFormThenRead({
      writeBaseUrl: server.baseUrl,
      readBaseUrl: server.baseUrl,
      session,
      slug: newsSlug,
      count: writeReads,
    }),
  );
  if (engine === 'postgres') {
    const owner = await openPostgresOwner();
    try {
      results.push(
        await writeBySqlThenRead({
          readBaseUrl: server.baseUrl,
          slug: newsSlug,
          count: writeReads,
          write: async (title) => {
            await owner.query('update public.news_items set title = $1 where slug = $2', [
              title,
              newsSlug,
            ]);
          },
        }),
      );
    } finally {
      await owner.end();
    }
    // A second app server on the same database: writes through one, reads through the other.
    const second = await startPortal(serverEnv(engine, mode));
    try {
      const through = await writeThroughFormThenRead({
        writeBaseUrl: server.baseUrl,
        readBaseUrl: second.baseUrl,
        session,
        slug: newsSlug,
        count: writeReads,
      });
      results.push({ ...through, kind: 'form write on server A, read on server B' });
    } finally {
      await second.stop();
    }
  }
  console.log(`\nWrite, then read from another connection (${engine}, cache ${mode})`);
  console.table(
    results.map((r) => ({
      kind: r.kind,
      writes: r.writes,
      'reads showing it': r.seen,
      misses: r.misses.join('; '),
    })),
  );
  return results;
}

/** The data-version trigger's cost to writes, on the engine's database (no server running). */
async function measureOverhead(
  engine: string,
  dataDir: string,
): Promise<TriggerOverhead | undefined> {
  const db =
    engine === 'postgres'
      ? (await import('../src/server/db/postgres-driver')).openPostgresDatabase({
          url: databaseUrl,
          poolSize: 2,
        })
      : await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    const tracked = await db.query(
      `select 1 from pg_trigger where tgname = 'data_version' limit 1`,
    );
    if (tracked.length === 0) return undefined;
    const overhead = await measureTriggerOverhead(db);
    console.log(`\nData-version trigger (${engine}): ${JSON.stringify(overhead)}`);
    return overhead;
  } finally {
    await db.close();
  }
}

async function measureGrowth(engine: string, dataDir: string) {
  let counts: Record<string, number>;
  if (engine === 'postgres') {
    const { openPostgresDatabase } = await import('../src/server/db/postgres-driver');
    const db = openPostgresDatabase({ url: databaseUrl, poolSize: 2 });
    counts = await multiplyRows(db, growthFactor);
    await db.close();
  } else {
    const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    counts = await multiplyRows(db, growthFactor);
    await db.close();
  }
  const server = await startPortal(serverEnv(engine, 'off'), { dataDir });
  try {
    await warm(server.baseUrl, growthPages);
    const pages: LoadResult[] = [];
    for (const page of growthPages)
      pages.push(await load(server.baseUrl, page, { connections, seconds }));
    console.log(`\nGrowth (${engine}, cache off): ${JSON.stringify(counts)}`);
    console.table(
      pages.map((p) => ({
        route: p.target,
        'req/s': p.requestsPerSecond,
        'p50 ms': p.p50Ms,
        'p99 ms': p.p99Ms,
        'non-2xx': p.non2xx,
      })),
    );
    return { counts, pages };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  build();
  const startTimes: number[] = [];
  for (let i = 0; i < coldStarts; i += 1) {
    const server = await startPortal();
    startTimes.push(Math.round(server.coldStartMs));
    if (i === 0) {
      const clientDir = path.join(rootDir, env.ASTRO_OUT_DIR ?? 'dist', 'client');
      const javascript = [];
      for (const route of routesForJs)
        javascript.push(await measureJavaScript(server.baseUrl, route, clientDir));
      console.log('JavaScript shipped per route (from the production build)');
      console.table(
        javascript.map((r) => ({
          route: r.route,
          status: r.status,
          scripts: r.scripts,
          'gzip bytes': r.gzipBytes,
        })),
      );
    }
    await server.stop();
  }
  const perEngine = [];
  for (const engine of engines) perEngine.push(await runEngine(engine));
  const results = {
    label,
    measuredAt: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir })
      .stdout.toString()
      .trim(),
    machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() },
    settings: { seconds, connections, writeReads, growthFactor, modes, engines },
    coldStartMs: startTimes,
    engines: perEngine,
  };
  const out = path.join(
    rootDir,
    'bench',
    'results',
    `platform-${results.measuredAt.slice(0, 10)}-${label}.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Written ${path.relative(rootDir, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
