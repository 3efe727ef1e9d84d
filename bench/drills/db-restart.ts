/**
 * `npm run drill:db-restart`: PostgreSQL is restarted under load and the
 * portal must ride it out.
 *
 * The production build runs on a PostgreSQL cluster of the drill's own
 * (DRILL_PG_CLUSTER, default 15/drill, reached at DRILL_DATABASE_URL; the
 * drill resets and seeds that database). Six readers and two writers (a
 * signed-in coordinator creating news drafts through the real form) run for
 * DRILL_SECONDS (60); PostgreSQL is stopped (fast shutdown: every session is
 * terminated) and started again after DRILL_DOWN_SECONDS (3), DRILL_RESTARTS
 * (3) times. It passes when:
 * - the server process is up from first to last request;
 * - every 5xx is a 503 with Retry-After, and only while PostgreSQL is away
 *   (from its stop until 2 s after it accepts connections again);
 * - reads and writes succeed again within DRILL_RECOVERY_LIMIT_SECONDS (5)
 *   of PostgreSQL's return, after every restart;
 * - no request waits longer than the drill's client timeout (no hang);
 * - every acknowledged write (a 303 to the saved draft) is in the database.
 * Prints a table, writes bench/results/drill-db-restart.json, exits 1 on a failure.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgresDatabase } from '../../src/server/db/postgres-driver';
import { rootDir } from '../lib/server';
import { ensureBuild, startPortalProcess } from '../lib/portal-process';
import { resolveCluster, startCluster, stopCluster } from './lib/postgres-cluster';
import { printTable, seconds, writeResult, type Check } from './lib/report';
import { isSuccess, runTraffic, signIn, type RequestRecord } from './lib/traffic';

const databaseUrl =
  process.env.DRILL_DATABASE_URL ?? 'postgres://portal:portal@127.0.0.1:5439/portal_drill';
const clusterSpec = process.env.DRILL_PG_CLUSTER ?? '15/drill';
const durationMs = Number(process.env.DRILL_SECONDS ?? 60) * 1000;
const restarts = Number(process.env.DRILL_RESTARTS ?? 3);
const downMs = Number(process.env.DRILL_DOWN_SECONDS ?? 3) * 1000;
const readers = Number(process.env.DRILL_READERS ?? 6);
const writers = Number(process.env.DRILL_WRITERS ?? 2);
const recoveryLimitMs = Number(process.env.DRILL_RECOVERY_LIMIT_SECONDS ?? 5) * 1000;
/** After PostgreSQL is back, requests already in flight may still fail for this long. */
const graceMs = 2_000;
const demoPassword = 'demo-password-2026';

interface Restart {
  stoppingAt: number;
  stoppedAt: number;
  readyAt: number;
}

function resetDatabase(): void {
  const result = spawnSync(
    path.join(rootDir, 'node_modules', '.bin', 'tsx'),
    ['scripts/db.ts', 'reset'],
    {
      cwd: rootDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO_DATA: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('Could not reset and seed the drill database');
}

/** When a request overlaps an outage (from the stop until `graceMs` after PostgreSQL is back). */
function duringOutage(record: RequestRecord, outages: Restart[]): Restart | undefined {
  return outages.find(
    (o) => record.endedAt >= o.stoppingAt && record.startedAt <= o.readyAt + graceMs,
  );
}

function firstSuccessAfter(
  records: RequestRecord[],
  kind: RequestRecord['kind'],
  at: number,
): number | undefined {
  let first: number | undefined;
  for (const record of records) {
    if (record.kind !== kind || record.startedAt < at || !isSuccess(record)) continue;
    if (first === undefined || record.endedAt < first) first = record.endedAt;
  }
  return first;
}

async function main(): Promise<void> {
  const cluster = resolveCluster(clusterSpec, databaseUrl);
  ensureBuild();
  resetDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-drill-'));
  const portal = await startPortalProcess({
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  });
  const runId = randomBytes(3).toString('hex');
  const checkDb = openPostgresDatabase({ url: databaseUrl, poolSize: 1 });
  const outages: Restart[] = [];
  let traffic: ReturnType<typeof runTraffic> | undefined;
  try {
    const [hub] = await checkDb.query<{ id: string }>(
      "select id from public.hubs where slug = 'austria'",
    );
    const writerSessions = await Promise.all(
      Array.from({ length: writers }, () =>
        signIn(portal.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword),
      ),
    );
    const memberSession = await signIn(portal.baseUrl, 'member@demo.u4ssc.local', demoPassword);
    // The check connection must not sit idle across a restart: reopen it afterwards.
    await checkDb.close();

    const startedAt = performance.now();
    traffic = runTraffic({
      baseUrl: portal.baseUrl,
      readers,
      writers: writerSessions,
      memberSession,
      hubId: hub!.id,
      runId,
      until: startedAt + durationMs,
    });
    console.log(
      `Drill ${runId}: ${readers} readers, ${writers} writers for ${seconds(durationMs)}, ` +
        `${restarts} restarts of PostgreSQL ${cluster.version}/${cluster.name} (down ${seconds(downMs)} each)`,
    );
    for (let i = 1; i <= restarts; i += 1) {
      const at = startedAt + (durationMs * i) / (restarts + 1) - downMs / 2;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
      if (portal.exit) break;
      const stoppingAt = performance.now();
      await stopCluster(cluster);
      const stoppedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await startCluster(cluster);
      const readyAt = performance.now();
      outages.push({ stoppingAt, stoppedAt, readyAt });
      console.log(
        `  restart ${i}: stopped at ${seconds(stoppingAt - startedAt)}, back at ${seconds(readyAt - startedAt)}` +
          (portal.exit ? ' (the portal process has exited)' : ''),
      );
    }
    // A dead server would make the remaining seconds meaningless: stop early.
    while (!portal.exit && performance.now() < startedAt + durationMs) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    traffic.stop();
    await traffic.done;
  } finally {
    traffic?.stop();
    // Whatever happened, leave the drill cluster running.
    await startCluster(cluster).catch(() => {});
  }

  if (!traffic) throw new Error('The drill ended before any traffic ran');
  const { records, acknowledged } = traffic;
  const verifyDb = openPostgresDatabase({ url: databaseUrl, poolSize: 1 });
  const stored = new Set(
    (
      await verifyDb.query<{ title: string }>(
        'select title from public.news_items where title like $1',
        [`Drill ${runId} %`],
      )
    ).map((row) => row.title),
  );
  await verifyDb.close();
  const lost = acknowledged.filter((write) => !stored.has(write.title));

  const processExit = portal.exit;
  await portal.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const served = records.filter(isSuccess).length;
  const serverErrors = records.filter((r) => r.status >= 500);
  const unavailable = serverErrors.filter((r) => r.status === 503);
  const other5xx = serverErrors.filter((r) => r.status !== 503);
  const noRetryAfter = unavailable.filter((r) => !r.retryAfter);
  const noResponse = records.filter((r) => r.status === 0);
  const timeouts = noResponse.filter((r) => r.error === 'TimeoutError');
  const failuresOutsideOutages = records.filter(
    (r) => (r.status >= 500 || r.status === 0) && !duringOutage(r, outages),
  );
  const unexpected4xx = records.filter((r) => r.status >= 400 && r.status < 500);
  const recoveries = outages.map((outage) => {
    const read = firstSuccessAfter(records, 'read', outage.readyAt);
    const write = firstSuccessAfter(records, 'write', outage.readyAt);
    return read === undefined || write === undefined
      ? undefined
      : Math.max(read, write) - outage.readyAt;
  });

  const checks: Check[] = [
    {
      name: 'server process stayed up',
      value: processExit
        ? `exited (code ${processExit.code}, signal ${processExit.signal})`
        : 'yes',
      ok: !processExit,
    },
    {
      name: 'PostgreSQL restarts',
      value: `${outages.length} of ${restarts}`,
      ok: outages.length === restarts,
    },
    { name: 'requests served (2xx/3xx)', value: String(served), ok: served > 0 },
    {
      name: 'writes acknowledged',
      value: String(acknowledged.length),
      ok: acknowledged.length > 0,
    },
    { name: 'acknowledged writes lost', value: String(lost.length), ok: lost.length === 0 },
    { name: '5xx responses', value: String(serverErrors.length), ok: true },
    { name: '  of which 503', value: String(unavailable.length), ok: true },
    { name: '  5xx other than 503', value: String(other5xx.length), ok: other5xx.length === 0 },
    {
      name: '  503 without Retry-After',
      value: String(noRetryAfter.length),
      ok: noRetryAfter.length === 0,
    },
    {
      name: 'no response (refused, reset, timed out)',
      value: `${noResponse.length} (${timeouts.length} timed out)`,
      ok: noResponse.length === 0,
    },
    {
      name: 'failures while PostgreSQL was up',
      value: String(failuresOutsideOutages.length),
      ok: failuresOutsideOutages.length === 0,
    },
    { name: '4xx responses', value: String(unexpected4xx.length), ok: unexpected4xx.length === 0 },
    ...recoveries.map((ms, i) => ({
      name: `restart ${i + 1}: away, then back to service in`,
      value: `${seconds(outages[i]!.readyAt - outages[i]!.stoppingAt)}, ${ms === undefined ? 'never' : seconds(ms)}`,
      ok: ms !== undefined && ms <= recoveryLimitMs,
    })),
  ];
  printTable('Database restart under load', checks);
  if (processExit) console.log(`\nThe portal's last output:\n${portal.tail(15)}`);
  const file = writeResult('drill-db-restart', {
    measuredAt: new Date().toISOString(),
    settings: { durationMs, restarts, downMs, readers, writers, cluster: clusterSpec },
    passed: checks.every((check) => check.ok),
    checks,
    statusCounts: records.reduce<Record<string, number>>((counts, r) => {
      const key = r.status === 0 ? (r.error ?? 'no-response') : String(r.status);
      counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {}),
    recoverySeconds: recoveries.map((ms) => (ms === undefined ? null : ms / 1000)),
    awaySeconds: outages.map((o) => (o.readyAt - o.stoppingAt) / 1000),
    processExit: processExit ? { ...processExit, output: portal.tail(40) } : null,
    lostWrites: lost.slice(0, 20),
  });
  console.log(`\nWritten to ${file}`);
  if (!checks.every((check) => check.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
