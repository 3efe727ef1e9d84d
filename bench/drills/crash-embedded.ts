/**
 * `npm run drill:crash`: the embedded server is killed (SIGKILL, no chance to
 * flush or close anything) while it acknowledges writes, DRILL_CRASH_ROUNDS
 * (3) times on the same data folder.
 *
 * Each round starts the production build on the embedded PGlite in one
 * DATA_DIR, signs in two coordinators who create news drafts through the real
 * form (plus two readers), and kills the process after a random 3–6 s. It
 * passes when the data folder opens again after every kill (the server
 * answers 200) and every write acknowledged in any round (a 303 to the saved
 * draft) is there: checked through HTTP after each restart, and at the end by
 * opening the folder directly. Prints a table, writes
 * bench/results/drill-crash-embedded.json, exits 1 on a failure.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPgliteDatabase } from '../../src/server/db/pglite-driver';
import { ensureBuild, startPortalProcess, type PortalProcess } from '../lib/portal-process';
import { printTable, seconds, writeResult, type Check } from './lib/report';
import { runTraffic, signIn, type AcknowledgedWrite, type Session } from './lib/traffic';

const rounds = Number(process.env.DRILL_CRASH_ROUNDS ?? 3);
const demoPassword = 'demo-password-2026';

interface Round {
  acknowledged: number;
  killedAfterMs: number;
  /** From spawning the server after the kill to its first 200. */
  reopenMs: number;
  missingAfterReopen: number;
}

async function hubIdFrom(portal: PortalProcess, session: Session): Promise<string> {
  const response = await fetch(`${portal.baseUrl}/news/new?hub=austria`, {
    headers: { cookie: session.cookie },
  });
  const html = await response.text();
  const id = /<option value="([0-9a-f-]{36})"[^>]*selected/.exec(html)?.[1];
  if (!id) throw new Error('Could not find the Austrian hub in the news form');
  return id;
}

/** Which acknowledged drafts the coordinator cannot open (drafts are visible to their hub's coordinator). */
async function missingThroughHttp(
  portal: PortalProcess,
  session: Session,
  writes: AcknowledgedWrite[],
): Promise<AcknowledgedWrite[]> {
  const missing: AcknowledgedWrite[] = [];
  for (let i = 0; i < writes.length; i += 8) {
    const batch = writes.slice(i, i + 8);
    const statuses = await Promise.all(
      batch.map(async (write) => {
        const response = await fetch(`${portal.baseUrl}/news/${encodeURIComponent(write.slug)}`, {
          headers: { cookie: session.cookie },
        });
        const html = await response.text();
        return response.status === 200 && html.includes(write.title.replace(/&/g, '&amp;'));
      }),
    );
    batch.forEach((write, j) => {
      if (!statuses[j]) missing.push(write);
    });
  }
  return missing;
}

async function main(): Promise<void> {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-drill-'));
  const runId = randomBytes(3).toString('hex');
  const all: AcknowledgedWrite[] = [];
  const results: Round[] = [];
  let failure: string | undefined;
  try {
    console.log(
      `Crash drill ${runId}: ${rounds} rounds of kill -9 during writes, data in ${dataDir}`,
    );
    let portal = await startPortalProcess({ DATA_DIR: dataDir });
    for (let round = 1; round <= rounds; round += 1) {
      const writers = await Promise.all([
        signIn(portal.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword),
        signIn(portal.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword),
      ]);
      const hubId = await hubIdFrom(portal, writers[0]!);
      const killAfterMs = 3_000 + Math.random() * 3_000;
      const traffic = runTraffic({
        baseUrl: portal.baseUrl,
        readers: 2,
        writers,
        hubId,
        runId: `${runId}-r${round}`,
        until: performance.now() + killAfterMs + 10_000,
      });
      await new Promise((resolve) => setTimeout(resolve, killAfterMs));
      await portal.kill();
      traffic.stop();
      await traffic.done;
      all.push(...traffic.acknowledged);

      const spawned = performance.now();
      portal = await startPortalProcess({ DATA_DIR: dataDir });
      const reopenMs = performance.now() - spawned;
      const session = await signIn(portal.baseUrl, 'coordinator@demo.u4ssc.local', demoPassword);
      const missing = await missingThroughHttp(portal, session, all);
      results.push({
        acknowledged: traffic.acknowledged.length,
        killedAfterMs: killAfterMs,
        reopenMs,
        missingAfterReopen: missing.length,
      });
      console.log(
        `  round ${round}: ${traffic.acknowledged.length} writes acknowledged, killed after ${seconds(killAfterMs)}, ` +
          `reopened in ${seconds(reopenMs)}, ${missing.length} missing`,
      );
    }
    await portal.stop();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }

  // The folder itself, without the server: every acknowledged title is stored once.
  let storedCount = 0;
  let missingAtEnd = all.length;
  if (!failure) {
    const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
    const rows = await db.query<{ title: string }>(
      'select title from public.news_items where title like $1',
      [`Drill ${runId}-%`],
    );
    await db.close();
    const stored = new Set(rows.map((row) => row.title));
    storedCount = stored.size;
    missingAtEnd = all.filter((write) => !stored.has(write.title)).length;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });

  const checks: Check[] = [
    {
      name: 'rounds completed',
      value: `${results.length} of ${rounds}`,
      ok: results.length === rounds,
    },
    ...(failure ? [{ name: 'failure', value: failure.split('\n')[0]!, ok: false }] : []),
    ...results.map((r, i) => ({
      name: `round ${i + 1}: acknowledged / missing after reopen`,
      value: `${r.acknowledged} / ${r.missingAfterReopen} (reopened in ${seconds(r.reopenMs)})`,
      ok: r.acknowledged > 0 && r.missingAfterReopen === 0,
    })),
    { name: 'acknowledged writes, all rounds', value: String(all.length), ok: all.length > 0 },
    {
      name: 'missing in the data folder at the end',
      value: `${missingAtEnd} (${storedCount} drill drafts stored)`,
      ok: !failure && missingAtEnd === 0,
    },
  ];
  printTable('Crash of the embedded server during writes (kill -9)', checks);
  const file = writeResult('drill-crash-embedded', {
    measuredAt: new Date().toISOString(),
    rounds: results,
    acknowledged: all.length,
    missingAtEnd,
    failure: failure ?? null,
    passed: checks.every((check) => check.ok),
  });
  console.log(`\nWritten to ${file}`);
  if (!checks.every((check) => check.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
