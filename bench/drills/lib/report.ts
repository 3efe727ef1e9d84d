import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../lib/server';

export interface Check {
  name: string;
  value: string;
  ok: boolean;
}

/** Prints a two-column table with a PASS/FAIL mark per line. */
export function printTable(title: string, rows: Check[]): void {
  const width = Math.max(...rows.map((row) => row.name.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  console.log(`\n${title}`);
  console.log(`${'-'.repeat(width + valueWidth + 10)}`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${row.ok ? 'ok' : 'FAIL'}`,
    );
  }
  console.log(`${'-'.repeat(width + valueWidth + 10)}`);
}

/** Writes the drill's figures to bench/results/<name>.json (ignored by git; docs/resilience.md keeps the last ones). */
export function writeResult(name: string, result: unknown): string {
  const dir = path.join(rootDir, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return path.relative(rootDir, file);
}

/** Rounds to one decimal, for seconds in tables. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
