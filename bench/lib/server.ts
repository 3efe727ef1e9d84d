import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const rootDir = path.resolve(import.meta.dirname, '../..');

/**
 * The Node flags `npm start` runs the server with (package.json's "start"
 * script, the one place they are set), so the benchmark measures the server
 * as it is started.
 */
export function startScriptNodeFlags(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...words] = manifest.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error('package.json "start" no longer runs node directly');
  return words.filter((word) => word.startsWith('--'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface StartedServer {
  baseUrl: string;
  /** Milliseconds from spawning `npm start` to the first 200 on `/`. */
  coldStartMs: number;
  child: ChildProcess;
  /** The data folder (embedded database), kept when the caller gave it. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Reuse this data folder (and keep it afterwards); default: a fresh one, removed on stop. */
  dataDir?: string;
}

/**
 * Starts the portal exactly as `npm start` does (scripts/start.mjs) and
 * measures the time to the first 200. The build must be current (the caller
 * builds first), so the figure is the server's own start: opening PGlite,
 * migrating, seeding and answering. `scripts/start.mjs` imports the server
 * entry into its own process, so `child.pid` is the server's (for memory).
 */
export async function startPortal(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<StartedServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...startScriptNodeFlags(), path.join(rootDir, 'scripts', 'start.mjs')],
    {
      cwd: rootDir,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        SKIP_BUILD: 'true',
        ASTRO_NODE_LOGGING: 'disabled',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The portal exited with code ${child.exitCode}`);
    if (performance.now() - started > 180_000)
      throw new Error('The portal did not start within 180 s');
    try {
      const response = await fetch(`${baseUrl}/`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const coldStartMs = performance.now() - started;
  return {
    baseUrl,
    coldStartMs,
    child,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
