import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, rootDir } from './server';

export interface PortalProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Set when the process ended on its own (a crash), with the moment it did. */
  exit: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
  /** The last lines the server wrote to stderr/stdout, for the report when it died. */
  tail(lines?: number): string;
  /** SIGTERM and wait (a graceful stop). */
  stop(): Promise<void>;
  /** SIGKILL and wait: the process gets no chance to flush or close anything. */
  kill(): Promise<void>;
}

/** The production build the drills run: ASTRO_OUT_DIR, else dist/. */
export function buildDir(): string {
  return path.resolve(rootDir, process.env.ASTRO_OUT_DIR ?? 'dist');
}

/**
 * Builds the production server unless DRILL_SKIP_BUILD=true and a build
 * exists. Drills always measure the production build, never `astro dev`.
 */
export function ensureBuild(): void {
  const entry = path.join(buildDir(), 'server', 'entry.mjs');
  if (process.env.DRILL_SKIP_BUILD === 'true' && fs.existsSync(entry)) return;
  console.log(`Building the production server into ${path.relative(rootDir, buildDir())}/ …`);
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules', 'astro', 'astro.js'), 'build'],
    {
      cwd: rootDir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', ASTRO_OUT_DIR: buildDir() },
    },
  );
  if (result.status !== 0) throw new Error('astro build failed');
}

/**
 * Starts the production server (dist/server/entry.mjs) on a free loopback
 * port and waits until `/` answers `readyStatus` (200). `env` adds to the
 * caller's environment (DATABASE_URL, DATA_DIR…). The process is watched: an
 * exit is recorded with its time, which is how the drills tell "the server
 * died" from "it refused". Used by the drills and by e2e tests that need a
 * server of their own.
 */
export async function startPortalProcess(
  env: Record<string, string>,
  {
    readyTimeoutMs = 180_000,
    readyStatus = 200,
  }: { readyTimeoutMs?: number; readyStatus?: number } = {},
): Promise<PortalProcess> {
  const listenPort = await freePort();
  const child = spawn(process.execPath, [path.join(buildDir(), 'server', 'entry.mjs')], {
    cwd: rootDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      ASTRO_NODE_LOGGING: 'disabled',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n'));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const portal: PortalProcess = {
    baseUrl: `http://127.0.0.1:${listenPort}`,
    child,
    exit: undefined,
    tail: (lines = 25) =>
      output
        .filter((line) => line.trim() !== '')
        .slice(-lines)
        .join('\n'),
    async stop() {
      if (portal.exit || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (portal.exit || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
  child.once('exit', (code, signal) => {
    portal.exit = { code, signal, at: performance.now() };
  });

  const started = performance.now();
  for (;;) {
    if (portal.exit) {
      throw new Error(
        `The portal exited during start (code ${portal.exit.code}):\n${portal.tail()}`,
      );
    }
    if (performance.now() - started > readyTimeoutMs) {
      await portal.kill();
      throw new Error(
        `The portal did not answer ${readyStatus} within ${readyTimeoutMs} ms:\n${portal.tail()}`,
      );
    }
    try {
      const response = await fetch(`${portal.baseUrl}/`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === readyStatus) return portal;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
