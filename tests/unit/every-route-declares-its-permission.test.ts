import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionNames } from '../../src/lib/permissions';
import { describeRoute, listRouteFiles } from '../support/route-walk';

const root = path.resolve(import.meta.dirname, '../..');
const pagesDir = path.join(root, 'src/pages');
const routes = listRouteFiles(pagesDir).map((file) =>
  describeRoute(file, fs.readFileSync(path.join(pagesDir, file), 'utf8')),
);

/**
 * The route-walk rule (docs/forms-and-permissions.md): every route under
 * src/pages that handles POST (or any method that is not GET) names its
 * permission from the catalogue with `requirePermission(…, '<name>')`, and
 * no route reads a request body except through src/server/forms.
 */
describe('every route declares its permission', () => {
  it('finds the routes that take writes (the walk itself works)', () => {
    const writers = routes.filter((route) => route.handlesWrites).map((route) => route.file);
    expect(writers).toEqual(
      expect.arrayContaining([
        'login.astro',
        'admin/members.astro',
        'events/[slug]/index.astro',
        'hubs/[slug]/edit.astro',
        'media/upload.ts',
      ]),
    );
    expect(writers).not.toContain('news/index.astro');
  });

  it.each(routes.filter((route) => route.handlesWrites).map((route) => [route.file, route]))(
    '%s declares a permission from the catalogue',
    (_file, route) => {
      expect(route.permissions, 'call requirePermission(Astro, "<permission>") first').not.toEqual(
        [],
      );
      for (const permission of route.permissions) expect(permissionNames).toContain(permission);
    },
  );

  it('no route reads a request body by hand', () => {
    const offenders = routes
      .filter((route) => route.readsBodyByHand.length > 0)
      .map((route) => `${route.file}: ${route.readsBodyByHand.join(', ')}`);
    expect(offenders).toEqual([]);
  });

  it('no server code outside src/server/forms reads a request body', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join(root, 'src/server/forms')) walk(full);
        } else if (/\.(ts|astro)$/.test(entry.name)) {
          // Server code builds objects with a `body` of their own (search batches):
          // only calls that read a Request's body count here.
          const reads = describeRoute(
            entry.name,
            fs.readFileSync(full, 'utf8'),
          ).readsBodyByHand.filter((read) => read.endsWith('('));
          if (reads.length > 0) offenders.push(`${path.relative(root, full)}: ${reads.join(', ')}`);
        }
      }
    };
    walk(path.join(root, 'src/server'));
    walk(path.join(root, 'src/components'));
    walk(path.join(root, 'src/layouts'));
    expect(offenders).toEqual([]);
  });
});

describe('the route walk reads a route as the convention says', () => {
  it('flags a page that handles POST without a permission, and one that reads the body by hand', () => {
    const page = describeRoute(
      'x.astro',
      `---\nif (Astro.request.method === 'POST') {\n  const form = await Astro.request.formData();\n}\n---`,
    );
    expect(page).toMatchObject({
      handlesWrites: true,
      permissions: [],
      readsBodyByHand: ['request.formData('],
    });
  });

  it('sees writes in endpoints, in method comparisons either way round, and in form reads', () => {
    expect(
      describeRoute('a.ts', 'export const POST: APIRoute = async () => {}').handlesWrites,
    ).toBe(true);
    expect(describeRoute('a.ts', 'export async function DELETE() {}').handlesWrites).toBe(true);
    expect(describeRoute('a.ts', 'const x = 1; export { x as PATCH };').handlesWrites).toBe(true);
    expect(describeRoute('a.astro', `if ('PUT' === Astro.request.method) {}`).handlesWrites).toBe(
      true,
    );
    expect(
      describeRoute('a.astro', 'const f = await readForm(access, schema);').handlesWrites,
    ).toBe(true);
    expect(describeRoute('a.ts', 'export const GET: APIRoute = async () => {}').handlesWrites).toBe(
      false,
    );
  });

  it('reads the declared permission names, and ignores commented-out code', () => {
    const route = describeRoute(
      'a.astro',
      `// await requirePermission(Astro, 'hub.delete');\nconst access = await requirePermission(Astro, 'news.publish', { hubId });\n/* request.json() */`,
    );
    expect(route.permissions).toEqual(['news.publish']);
    expect(route.readsBodyByHand).toEqual([]);
  });
});
