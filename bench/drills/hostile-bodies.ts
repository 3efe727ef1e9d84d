/**
 * `npm run drill:bodies`: hostile bodies against the production build.
 *
 * Finds every route under src/pages that takes writes (the same walk as the
 * route-walk test), then sends each one 400 MB bodies, chunked (no
 * Content-Length) and declared, as a visitor, as a member without a role and
 * as the platform admin (who holds every role permission), plus bursts of
 * parallel bodies. Every answer must be a refusal (413 once the body is read
 * and over the limit; 303 / 403 / 401 when the caller may not post at all,
 * before a byte is read) and the server's resident memory must stay within
 * a bound of what it was before the first body, less than the size of one
 * body (see `rssGrowthBoundMb`). Prints a table, writes
 * bench/results/drill-hostile-bodies-<date>.json, exits 1 on any failure.
 *
 * DRILL_BODY_MB (default 400), DRILL_BURST (parallel bodies per burst,
 * default 4), DRILL_RSS_GROWTH_MB (overrides the bound), SKIP_BUILD=true to
 * use the current build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { audienceOf, permissionNames, type Permission } from '../../src/lib/permissions';
import { lingerLimits } from '../../src/server/forms/read-body';
import { bodyLimits } from '../../src/server/forms/limits';
import { postBody, sessionCookie, type RawAnswer } from '../../tests/support/raw-http';
import { describeRoute, listRouteFiles } from '../../tests/support/route-walk';
import { rootDir, startPortal } from '../lib/server';

const mib = 1024 * 1024;
const bodyMb = Number(process.env.DRILL_BODY_MB ?? 400);
const bodyBytes = bodyMb * mib;
const burst = Number(process.env.DRILL_BURST ?? 4);
/**
 * What refusing may legitimately hold, in MB: each body of a burst is read up
 * to its route's limit and then drained within `lingerLimits.bytes`, and the
 * chunks read are garbage only freed by V8's next collection (it collects
 * for external memory once ~64 MB more is held), on top of which the heap
 * grows for the requests' own work: 128 MB for both. One body of the drill's
 * size kept whole is over the bound (checked below), let alone a burst.
 */
const rssGrowthBoundMb = Number(
  process.env.DRILL_RSS_GROWTH_MB ??
    Math.ceil((burst * (Math.max(...Object.values(bodyLimits)) + lingerLimits.bytes)) / mib) + 128,
);
if (rssGrowthBoundMb >= bodyMb)
  throw new Error(
    `A bound of +${rssGrowthBoundMb} MB would not catch a ${bodyMb} MB body kept whole: send larger bodies`,
  );
const password = 'demo-password-2026';
/**
 * Who sends: a visitor, a member without a role, and someone who holds the
 * route's permission (the platform admin holds every role permission but
 * several: applying to join a hub, the KPI assessments and changing a
 * city's procurement, which take a city editor, and reading an
 * organization's contact requests and answering a procurement notice, which
 * take an organization's admin).
 */
const accounts = {
  member: 'member@demo.u4ssc.local',
  admin: 'admin@demo.u4ssc.local',
  cityEditor: 'city@demo.u4ssc.local',
  orgAdmin: 'partner@demo.u4ssc.local',
} as const;
type Persona = 'visitor' | 'member' | 'holder';
const holderOf = (permission: Permission): keyof typeof accounts =>
  permission === 'hub.apply' ||
  permission.startsWith('kpiAssessment.') ||
  permission === 'procurement.manage'
    ? 'cityEditor'
    : permission === 'organization.readContactRequests' || permission === 'procurement.respond'
      ? 'orgAdmin'
      : 'admin';

/** Concrete values for the dynamic segments of the routes (seeded demo content). */
const segmentValues: Record<string, string> = {
  'hubs/[slug]': 'austria',
  'events/[slug]': 'demo-austrian-hub-smart-city-dialogue',
  'case-studies/[slug]': 'demo-fjordby-on-demand-buses',
  // The city editor's city, an open (not verified) assessment of it, a section of the framework.
  'cities/[slug]': 'demo-fjordby',
  'assessments/[year]': '2024',
  'sections/[section]': 'ec-ict',
  // A verified organization: its public contact form and its team's pages.
  'directory/[slug]': 'demo-sensorwerk',
  'organizations/[slug]': 'demo-sensorwerk',
};
/** Routes that name what they write for in the query string. */
const queryOf: Record<string, string> = { '/case-studies/images': '?city=demo-fjordby' };

interface Row {
  route: string;
  persona: Persona;
  mode: string;
  status: number | null;
  expected: string;
  sentMb: number;
  ms: number;
  ok: boolean;
}

function build(): void {
  if (process.env.SKIP_BUILD === 'true') return;
  console.log('Building the production server…');
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules', 'astro', 'astro.js'), 'build'],
    { cwd: rootDir, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('astro build failed');
}

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** The routes that take writes, as URL paths, with the permission each declares. */
async function writeRoutes(baseUrl: string): Promise<{ path: string; permission: Permission }[]> {
  const pagesDir = path.join(rootDir, 'src/pages');
  const news = await (await fetch(`${baseUrl}/news`)).text();
  const newsSlug = /href="\/news\/([a-z0-9-]+)"/.exec(news)?.[1];
  if (!newsSlug) throw new Error('No published news item to post to');
  segmentValues['news/[slug]'] = newsSlug;
  // A published process of Fjordby (the city editor's city), found in the open data.
  const releases = (await (await fetch(`${baseUrl}/api/ocds/releases`)).json()) as {
    releases: { ocid: string; buyer?: { name?: string } }[];
  };
  const fjordby = releases.releases.find((r) => r.buyer?.name?.includes('Fjordby'));
  const processId = /[0-9a-f-]{36}$/.exec(fjordby?.ocid ?? '')?.[0];
  if (!processId) throw new Error('No published procurement process of Fjordby to post to');
  segmentValues['procurement/[id]'] = processId;
  const routes = [];
  for (const file of listRouteFiles(pagesDir)) {
    const facts = describeRoute(file, fs.readFileSync(path.join(pagesDir, file), 'utf8'));
    if (!facts.handlesWrites) continue;
    let route = file.replace(/\.(astro|ts|js|mjs)$/, '').replace(/(^|\/)index$/, '');
    for (const [pattern, value] of Object.entries(segmentValues))
      route = route.replace(pattern, pattern.replace(/\[[^\]]+\]/, value));
    if (route.includes('[')) throw new Error(`No value for the segments of ${file}: add one`);
    const permission = facts.permissions.find((name) =>
      (permissionNames as string[]).includes(name),
    ) as Permission;
    routes.push({ path: `/${route}${queryOf[`/${route}`] ?? ''}`, permission });
  }
  // Signing out ends the session it is sent with: last.
  return routes.sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
}

const laterRegistrationStep =
  /^\/register\/organization\/(profile|offerings|hubs|review|duplicates)$/;

/** What a persona must get: 413 when it may post here, otherwise a refusal before reading. */
function expectedFor(permission: Permission, persona: Persona, route: string): number[] {
  // Signing out reads no body: it signs out (303) whoever asks.
  if (route === '/logout') return [303];
  // A registration step the sender has not reached (no draft yet) sends them
  // back to the step they are at before reading a byte.
  if (laterRegistrationStep.test(route) && persona !== 'visitor') return [303];
  const audience = audienceOf(permission);
  const mayPost =
    audience === 'public' ||
    (audience === 'member' && persona !== 'visitor') ||
    (audience === 'role' && persona === 'holder');
  if (mayPost) return [413];
  return persona === 'visitor' ? [303, 401] : [403];
}

async function main(): Promise<void> {
  build();
  const server = await startPortal({ NODE_ENV: 'production' });
  const pid = server.child.pid!;
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the process is gone; reported below
    }
  }, 50);
  const rows: Row[] = [];
  try {
    const routes = await writeRoutes(server.baseUrl);
    const cookies: Record<keyof typeof accounts, string> = {
      member: '',
      admin: '',
      cityEditor: '',
      orgAdmin: '',
    };
    const signIn = async () => {
      for (const account of Object.keys(accounts) as (keyof typeof accounts)[])
        cookies[account] = await sessionCookie(server.baseUrl, accounts[account], password);
    };
    const cookieOf = (persona: Persona, permission: Permission) =>
      persona === 'visitor' ? '' : cookies[persona === 'member' ? 'member' : holderOf(permission)];
    await signIn();
    // Warm the routes up so the baseline includes what any first request loads.
    for (const route of routes)
      await fetch(`${server.baseUrl}${route.path}`, { redirect: 'manual' });
    const baseline = rssMb(pid);
    peak = baseline;
    console.log(
      `Server pid ${pid}, resident memory before the first body: ${baseline.toFixed(0)} MB`,
    );

    const send = async (
      route: { path: string; permission: Permission },
      persona: Persona,
      mode: 'chunked' | 'declared',
    ): Promise<RawAnswer> => {
      // The routes that take files get multipart; every route reads either kind the same way.
      const multipart = route.path.startsWith('/news') || route.path === '/media/upload';
      const cookie = cookieOf(persona, route.permission);
      return postBody(`${server.baseUrl}${route.path}`, {
        totalBytes: bodyBytes,
        declare: mode === 'declared',
        headers: {
          'content-type': multipart
            ? 'multipart/form-data; boundary=drill'
            : 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
      });
    };

    for (const route of routes) {
      for (const persona of ['visitor', 'member', 'holder'] as const) {
        for (const mode of ['chunked', 'declared'] as const) {
          const expected = expectedFor(route.permission, persona, route.path);
          const started = performance.now();
          const answer = await send(route, persona, mode);
          rows.push({
            route: route.path,
            persona,
            mode,
            status: answer.status,
            expected: expected.join('/'),
            sentMb: Math.round((answer.sent / mib) * 10) / 10,
            ms: Math.round(performance.now() - started),
            ok: answer.status !== null && expected.includes(answer.status),
          });
          if (route.path === '/logout') await signIn();
        }
      }
    }

    for (const target of ['/login', '/news/new'] as const) {
      const route = routes.find((entry) => entry.path === target)!;
      const persona: Persona = target === '/login' ? 'visitor' : 'holder';
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: burst }, () => send(route, persona, 'chunked')),
      );
      for (const answer of answers) {
        rows.push({
          route: target,
          persona,
          mode: `burst of ${burst}, chunked`,
          status: answer.status,
          expected: '413',
          sentMb: Math.round((answer.sent / mib) * 10) / 10,
          ms: Math.round(performance.now() - started),
          ok: answer.status === 413,
        });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    clearInterval(sampler);
    const after = rssMb(pid);
    const alive = server.child.exitCode === null;

    console.table(
      rows.map((row) => ({
        route: row.route,
        who: row.persona === 'holder' ? 'has the permission' : row.persona,
        body: `${bodyMb} MB ${row.mode}`,
        status: row.status ?? 'none',
        expected: row.expected,
        'MB sent before the answer': row.sentMb,
        ms: row.ms,
        ok: row.ok ? 'yes' : 'NO',
      })),
    );
    const growth = peak - baseline;
    const memoryOk = growth <= rssGrowthBoundMb;
    console.log(
      `Resident memory: ${baseline.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${growth.toFixed(0)} MB, bound +${rssGrowthBoundMb} MB: ${memoryOk ? 'kept' : 'EXCEEDED'}), ${after.toFixed(0)} MB after.`,
    );
    const refused = rows.filter((row) => row.ok).length;
    console.log(
      `${refused} of ${rows.length} hostile bodies refused as expected; server ${alive ? 'up' : 'DOWN'}.`,
    );
    const results = {
      date: new Date().toISOString(),
      bodyMb,
      burst,
      rssMb: { baseline, peak, after, growthBound: rssGrowthBoundMb },
      rows,
    };
    fs.mkdirSync(path.join(rootDir, 'bench/results'), { recursive: true });
    const file = path.join(
      rootDir,
      'bench/results',
      `drill-hostile-bodies-${results.date.slice(0, 10)}.json`,
    );
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Written to ${path.relative(rootDir, file)}`);
    if (refused !== rows.length || !memoryOk || !alive) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

await main();
