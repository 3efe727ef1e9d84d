import { spawn, spawnSync } from 'node:child_process';

/**
 * A Debian PostgreSQL cluster the drill may stop and start (`pg_ctlcluster`),
 * named "version/name" as `pg_lsclusters` lists it, e.g. `15/drill`. The
 * drill never touches a cluster whose port differs from its database URL, nor
 * one called `main` (the machine's shared server) unless told explicitly.
 */
export interface DrillCluster {
  version: string;
  name: string;
  port: number;
}

/** Finds the cluster and checks it is the one the URL points at; throws a how-to otherwise. */
export function resolveCluster(spec: string, databaseUrl: string): DrillCluster {
  const [version, name] = spec.split('/');
  if (!version || !name) throw new Error(`DRILL_PG_CLUSTER must look like 15/drill, not "${spec}"`);
  const list = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (list.status !== 0) {
    throw new Error('pg_lsclusters is not available: this drill needs a Debian PostgreSQL cluster');
  }
  const line = list.stdout
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find((cols) => cols[0] === version && cols[1] === name);
  if (!line) {
    throw new Error(
      `No PostgreSQL cluster ${spec}. Create one for the drill:\n` +
        `  pg_createcluster ${version} ${name} --port 5439 && pg_ctlcluster ${version} ${name} start\n` +
        `  su postgres -c "psql -p 5439 -c \\"create role portal login superuser password 'portal'\\" -c 'create database portal_drill owner portal'"`,
    );
  }
  const port = Number(line[2]);
  const urlPort = Number(new URL(databaseUrl).port || 5432);
  if (port !== urlPort) {
    throw new Error(
      `Cluster ${spec} listens on ${port} but the drill's database URL uses ${urlPort}`,
    );
  }
  if (name === 'main' && process.env.DRILL_ALLOW_MAIN_CLUSTER !== 'true') {
    throw new Error(
      'Refusing to restart the cluster "main" (usually shared). Use a cluster of your own, ' +
        'or set DRILL_ALLOW_MAIN_CLUSTER=true if this machine is yours alone.',
    );
  }
  return { version, name, port };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${stderr.trim()}`)),
    );
  });
}

/** Stops the cluster the way an operator's restart does (fast: every session is terminated). */
export function stopCluster(cluster: DrillCluster): Promise<void> {
  return run('pg_ctlcluster', [cluster.version, cluster.name, 'stop', '-m', 'fast']);
}

/** Starts the cluster; resolves once it accepts connections (pg_ctlcluster waits for that). */
export async function startCluster(cluster: DrillCluster): Promise<void> {
  await run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
  for (let i = 0; i < 100; i += 1) {
    const ready = await run('pg_isready', [
      '-q',
      '-h',
      '127.0.0.1',
      '-p',
      String(cluster.port),
    ]).then(
      () => true,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Cluster ${cluster.version}/${cluster.name} did not come back`);
}
