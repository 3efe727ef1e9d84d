/**
 * `npm run bench`: platform figures for the README and the closing note.
 * 1. Requests/s and p50/p99 latency of the home page and a deliverable page
 *    against a static file served by the same server, in one run (autocannon on
 *    loopback, each bounded to BENCH_SECONDS).
 * 2. JavaScript shipped per route, from the production build.
 * 3. Time from `npm start` on an empty data folder to the first 200.
 * Prints a table and writes bench/results/platform-<date>.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { measureJavaScript } from './lib/javascript-per-route';
import { rootDir, startPortal } from './lib/server';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const coldStarts = Number(process.env.BENCH_COLD_STARTS ?? 3);
const routesForJs = (
  process.env.BENCH_ROUTES ??
  '/,/deliverables,/deliverables/itu-t-y-4903,/kpis,/kpis/ec-ict-ict-1c,/cities,/cities/tromso,/hubs,/hubs/austria,/news,/events,/search?q=kpi,/login,/signup'
).split(',');

interface LoadResult {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

async function load(baseUrl: string, target: string): Promise<LoadResult> {
  const result = await autocannon({ url: `${baseUrl}${target}`, connections, duration: seconds });
  return {
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  };
}

function build(): void {
  console.log('Building the production server…');
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules', 'astro', 'astro.js'), 'build'],
    {
      cwd: rootDir,
      stdio: 'ignore',
    },
  );
  if (result.status !== 0) throw new Error('astro build failed');
}

async function main(): Promise<void> {
  build();
  const startTimes: number[] = [];
  for (let i = 0; i < coldStarts; i += 1) {
    const server = await startPortal();
    startTimes.push(Math.round(server.coldStartMs));
    await server.stop();
  }

  const server = await startPortal();
  try {
    // Warm up caches (first-render compilation, PGlite page cache).
    for (const target of ['/', '/deliverables/itu-t-y-4903', '/favicon.svg'])
      await fetch(`${server.baseUrl}${target}`);
    const staticFile = await load(server.baseUrl, '/favicon.svg');
    const home = await load(server.baseUrl, '/');
    const deliverable = await load(server.baseUrl, '/deliverables/itu-t-y-4903');
    const clientDir = path.join(rootDir, process.env.ASTRO_OUT_DIR ?? 'dist', 'client');
    const javascript = [];
    for (const route of routesForJs)
      javascript.push(await measureJavaScript(server.baseUrl, route, clientDir));

    console.log(
      `\nThroughput (autocannon, ${connections} connections, ${seconds} s each, embedded PGlite)`,
    );
    console.table(
      [staticFile, home, deliverable].map((r) => ({
        target: r.target,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.p50Ms,
        'p99 ms': r.p99Ms,
        'non-2xx': r.non2xx,
        'vs static': `${((r.requestsPerSecond / staticFile.requestsPerSecond) * 100).toFixed(1)} %`,
      })),
    );
    console.log('JavaScript shipped per route (from the production build)');
    console.table(
      javascript.map((r) => ({
        route: r.route,
        status: r.status,
        scripts: r.scripts,
        bytes: r.bytes,
        'gzip bytes': r.gzipBytes,
      })),
    );
    const median = [...startTimes].sort((a, b) => a - b)[Math.floor(startTimes.length / 2)];
    console.log(
      `Cold start (npm start on an empty .data/ to first 200): ${startTimes.join(', ')} ms; median ${median} ms`,
    );

    const results = {
      measuredAt: new Date().toISOString(),
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      settings: { seconds, connections, coldStarts },
      throughput: { staticFile, home, deliverable },
      javascript,
      coldStartMs: { runs: startTimes, median },
    };
    const out = path.join(
      rootDir,
      'bench',
      'results',
      `platform-${results.measuredAt.slice(0, 10)}.json`,
    );
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Written ${path.relative(rootDir, out)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
