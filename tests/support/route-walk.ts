import fs from 'node:fs';
import path from 'node:path';

/**
 * What a route file under src/pages says about itself, read from its source:
 * the convention of docs/forms-and-permissions.md, checked by
 * tests/unit/every-route-declares-its-permission.test.ts.
 *
 * - A route handles writes when an endpoint exports POST, PUT, PATCH, DELETE
 *   or ALL, or when a page compares `Astro.request.method` with one of those
 *   methods or reads a form (`readForm`, `readJson`).
 * - It declares its permission with a call `requirePermission(<context>, '<name>'`
 *   whose name is a string literal from src/lib/permissions.ts.
 * - It reads a body only through src/server/forms: never `request.formData()`,
 *   `.json()`, `.text()`, `.arrayBuffer()`, `.blob()` or `.body` itself.
 */
export interface RouteFacts {
  file: string;
  handlesWrites: boolean;
  permissions: string[];
  readsBodyByHand: string[];
}

const writeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'];

export function describeRoute(file: string, source: string): RouteFacts {
  const code = withoutComments(source);
  const exportsWrite = new RegExp(
    `export\\s+(?:const|let|async\\s+function|function)\\s+(?:${[...writeMethods, 'ALL'].join('|')})\\b|` +
      `export\\s*\\{[^}]*\\bas\\s+(?:${[...writeMethods, 'ALL'].join('|')})\\b`,
  ).test(code);
  const comparesMethod = new RegExp(
    `request\\.method\\s*[!=]==?\\s*['"](?:${writeMethods.join('|')})['"]|` +
      `['"](?:${writeMethods.join('|')})['"]\\s*[!=]==?\\s*[\\w.]*request\\.method`,
  ).test(code);
  const readsForm = /\b(?:readForm|readJson)\s*\(/.test(code);
  const permissions = [
    ...code.matchAll(/\brequirePermission\s*\(\s*[\w.]+\s*,\s*(['"])([\w.]+)\1/g),
  ].map((match) => match[2]!);
  const readsBodyByHand = [
    ...code.matchAll(
      /\b(?:request|req)\s*(?:\?\.|\.)\s*(formData|json|text|arrayBuffer|blob)\s*\(/g,
    ),
    ...code.matchAll(/\b(?:request|req)\s*(?:\?\.|\.)\s*(body)\b/g),
  ].map((match) => match[0]);
  return {
    file,
    handlesWrites: exportsWrite || comparesMethod || readsForm,
    permissions,
    readsBodyByHand,
  };
}

/** Every route file under `pagesDir` (pages and endpoints), relative to it. */
export function listRouteFiles(pagesDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(astro|ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push(path.relative(pagesDir, full));
    }
  };
  walk(pagesDir);
  return out.sort();
}

/** The source without comments, so a commented-out call neither declares nor reads anything. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
