import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDomains } from '../../eslint/boundaries.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The boundaries in eslint/boundaries.js, checked through ESLint itself on
 * small files placed (virtually) where a newcomer might write them. Each
 * import points to a real file, so a rule that silently stopped resolving
 * imports would fail here.
 */
describe('module boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  async function problems(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? [])
      .filter((message) => message.ruleId?.startsWith('import-x/'))
      .map((message) => `${message.ruleId}: ${message.message}`);
  }

  it('finds the domains by reading src/server', () => {
    expect(listDomains()).toEqual(
      expect.arrayContaining(['auth', 'events', 'hubs', 'news', 'search']),
    );
    expect(listDomains()).not.toContain('db');
    expect(listDomains()).not.toContain('seed');
  });

  it("lets a domain use infrastructure, src/lib and another domain's queries", async () => {
    expect(
      await problems(
        'src/server/news/probe.ts',
        `import { getConfig } from '../config';
         import { queueMail } from '../mail/outbox';
         import { slugify } from '../../lib/slug';
         import { listEvents } from '../events/queries';
         export const used = [getConfig, queueMail, slugify, listEvents];`,
      ),
    ).toEqual([]);
  });

  it("refuses a domain reaching into another domain's use cases", async () => {
    expect(
      await problems(
        'src/server/news/probe.ts',
        `import { createEvent } from '../events/save-event';
         export const used = createEvent;`,
      ),
    ).toEqual([expect.stringMatching(/no-restricted-paths: .*other domains' queries\.ts only/)]);
  });

  it('keeps infrastructure free of domains', async () => {
    expect(
      await problems(
        'src/server/mail/probe.ts',
        `import { listNews } from '../news/queries';
         export const used = listNews;`,
      ),
    ).toEqual([expect.stringMatching(/src\/server\/mail is shared infrastructure/)]);
  });

  it('keeps the seed out of the database layer and of requests', async () => {
    expect(
      await problems(
        'src/server/db/probe.ts',
        `import { runSeed } from '../seed/run-seed';
         export const used = runSeed;`,
      ),
    ).toEqual([expect.stringMatching(/shared infrastructure/)]);
    expect(
      await problems(
        'src/pages/probe.ts',
        `import { runSeed } from '../server/seed/run-seed';
         export const used = runSeed;`,
      ),
    ).toEqual([expect.stringMatching(/Boot and seed run at start/)]);
  });

  it('opens the owner connection only from boot, seed and jobs', async () => {
    const code = (from: string) =>
      `import { getPrivilegedDatabase } from '${from}';
       export const used = getPrivilegedDatabase;`;
    for (const [file, from] of [
      ['src/pages/probe.ts', '../server/db/privileged'],
      ['src/middleware.ts', './server/db/privileged'],
      ['src/server/hubs/probe.ts', '../db/privileged'],
      ['src/server/db/probe.ts', './privileged'],
    ]) {
      expect(await problems(file!, code(from!)), file).toEqual([
        expect.stringMatching(/owner connection bypasses row-level security/),
      ]);
    }
    expect(await problems('src/server/boot/probe.ts', code('../db/privileged'))).toEqual([]);
  });

  it('keeps islands and src/lib away from server code', async () => {
    expect(
      await problems(
        'src/components/islands/Probe.tsx',
        `import type { Queryable } from '../../server/db/types';
         export type Used = Queryable;`,
      ),
    ).toEqual([expect.stringMatching(/Islands run in the browser/)]);
    expect(
      await problems(
        'src/lib/probe.ts',
        `import { getConfig } from '../server/config';
         export const used = getConfig;`,
      ),
    ).toEqual([expect.stringMatching(/src\/lib is isomorphic/)]);
  });

  it('keeps shared components out of route folders', async () => {
    expect(
      await problems(
        'src/components/Probe.astro',
        `---
import NotFound from '../pages/404.astro';
---
<NotFound />`,
      ),
    ).toEqual([expect.stringMatching(/Route folders hold routes only/)]);
    // A page may not borrow from another route folder either.
    expect(
      await problems(
        'src/pages/probe.astro',
        `---
import NotFound from './404.astro';
---
<NotFound />`,
      ),
    ).toEqual([expect.stringMatching(/Route folders hold routes only/)]);
  });

  it('refuses import cycles', async () => {
    // publication.ts is imported by news/queries.ts: importing it back closes a cycle.
    expect(
      await problems(
        'src/server/publishing/publication.ts',
        `import { listNews } from '../news/queries';
         export const used = listNews;`,
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/no-cycle: Dependency cycle detected/)]),
    );
  });
});
