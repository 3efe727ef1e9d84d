// @ts-check
/**
 * The module boundaries of the portal, enforced by ESLint (see
 * docs/architecture.md, "Module boundaries"). Folders under src/server are of
 * three kinds:
 *
 * - infrastructure: shared plumbing with no business rules of its own;
 *   imports only other infrastructure and src/lib;
 * - tools: boot (server start) and seed, which may use anything server-side
 *   and which nothing in src may import;
 * - domains: every other folder (hubs, news, events, …, and any new one,
 *   found by reading the folder). A domain imports infrastructure, src/lib,
 *   its own files, and only the public queries (`queries.ts`) of another
 *   domain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'src', 'server');

/** Shared plumbing: no domain knowledge, importable by every domain. */
export const infrastructure = [
  'cache',
  'config',
  'db',
  'forms',
  'http',
  'mail',
  'permissions',
  'publishing',
  'rich-text',
  'sitemap',
  'storage',
];

/** Run at start or by npm scripts; never imported by pages, components or domains. */
export const tools = ['boot', 'seed'];

/** Folders allowed to open the owner connection (`db/privileged.ts`): jobs, not requests. */
export const privilegedUsers = ['boot', 'seed', 'jobs'];

/**
 * Imports still crossing a domain line, each with the change that removes
 * it. Keep this list short and empty it; never add to it. (Empty since the
 * form helpers moved from src/server/hubs into src/server/forms.)
 * @type {Record<string, string[]>}
 */
export const pendingExceptions = {};

/** Every folder of src/server that is neither infrastructure nor a tool. */
export function listDomains() {
  return fs
    .readdirSync(serverDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => !infrastructure.includes(name) && !tools.includes(name))
    .sort();
}

/** @param {string} name */
const server = (name) => `./src/server/${name}`;

/** The zones of `import-x/no-restricted-paths`: who may not import what. */
export function boundaryZones() {
  const domains = listDomains();
  const everyServerFolder = [...infrastructure, ...tools, ...domains];
  const notPrivileged = everyServerFolder.filter((name) => !privilegedUsers.includes(name));
  const outsideServer = [
    './src/pages',
    './src/components',
    './src/layouts',
    './src/lib',
    './src/middleware.ts',
  ];
  return [
    {
      target: './src/components/islands',
      from: './src/server',
      message: 'Islands run in the browser: pass data in as props instead.',
    },
    {
      target: './src/lib',
      from: [
        './src/server',
        './src/components',
        './src/layouts',
        './src/pages',
        './src/middleware.ts',
      ],
      message: 'src/lib is isomorphic and pure: it imports only src/lib and packages.',
    },
    {
      target: [
        './src/pages',
        './src/server',
        './src/lib',
        './src/components',
        './src/layouts',
        './src/middleware.ts',
      ],
      from: './src/pages',
      message: 'Route folders hold routes only: put shared components in src/components.',
    },
    {
      target: outsideServer,
      from: tools.map(server),
      message: 'Boot and seed run at start and from npm scripts, never from a request.',
    },
    {
      target: server('seed'),
      from: server('boot'),
      message: 'The seed does not start the server.',
    },
    ...infrastructure.map((name) => ({
      target: server(name),
      from: './src/server',
      except: infrastructure.map((other) => `./${other}`),
      message: `src/server/${name} is shared infrastructure: it imports other infrastructure and src/lib, never a domain.`,
    })),
    ...domains.map((name) => ({
      target: server(name),
      from: './src/server',
      except: [
        `./${name}`,
        ...infrastructure.map((other) => `./${other}`),
        ...domains.filter((other) => other !== name).map((other) => `./${other}/queries.ts`),
        ...(pendingExceptions[name] ?? []),
      ],
      message: `A domain imports infrastructure, src/lib, its own files and other domains' queries.ts only (see docs/architecture.md).`,
    })),
    {
      target: [...outsideServer, ...notPrivileged.map(server)],
      from: './src/server/db/privileged.ts',
      message:
        'The owner connection bypasses row-level security: only boot, seed, jobs and npm scripts may open it.',
    },
  ];
}
