import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
import { asUser } from './databases';
import { allPersonas, claimsOf, type Persona } from './personas';

export type Operation = 'select' | 'insert' | 'update' | 'delete';

/** Ids of seeded rows by slug, looked up once per database. */
export interface SeedIds {
  hub(slug: string): string;
  city(slug: string): string;
  organization(slug: string): string;
}

export interface MatrixCase {
  table: string;
  operation: Operation;
  /** What the statement tries, in words: "update the Austrian hub's summary". */
  what: string;
  /**
   * Runs the statement as the persona and returns how many rows it saw or
   * changed (use `returning 1` on writes). A refusal may be an error or 0 rows.
   */
  run(tx: Queryable, ids: SeedIds): Promise<number>;
  /** Personas for whom it must succeed; every other persona must be refused. */
  allowed: readonly Persona[];
}

/** Loads slug → id maps for the seeded hubs, cities and organizations. */
export async function loadSeedIds(db: Database): Promise<SeedIds> {
  const load = async (table: string) => {
    const rows = await db.query<{ slug: string; id: string }>(
      `select slug, id from public.${table}`,
    );
    return new Map(rows.map((row) => [row.slug, row.id]));
  };
  const [hubs, cities, organizations] = await Promise.all([
    load('hubs'),
    load('cities'),
    load('organizations'),
  ]);
  const getter = (map: Map<string, string>, kind: string) => (slug: string) => {
    const id = map.get(slug);
    if (!id) throw new Error(`No seeded ${kind} with slug ${slug}`);
    return id;
  };
  return {
    hub: getter(hubs, 'hub'),
    city: getter(cities, 'city'),
    organization: getter(organizations, 'organization'),
  };
}

/** Runs one case as one persona (always rolled back) and tells whether it got through. */
export async function attempt(
  db: Database,
  ids: SeedIds,
  matrixCase: MatrixCase,
  persona: Persona,
): Promise<{ ok: boolean; detail: string }> {
  try {
    const rows = await asUser(db, claimsOf(persona), (tx) => matrixCase.run(tx, ids));
    return { ok: rows > 0, detail: `${rows} rows` };
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42501 insufficient privilege / RLS violation; P0001 a raised guard; 23xxx constraints.
    return { ok: false, detail: `refused (${code ?? (error as Error).message})` };
  }
}

/**
 * Declares one `it` per case × persona: allowed personas must succeed, all
 * others must be refused. Call inside a `describe.each(testTargets())` body
 * with a getter for the opened database and the seed ids.
 */
export function defineMatrix(
  cases: readonly MatrixCase[],
  context: () => { db: Database; ids: SeedIds },
): void {
  for (const matrixCase of cases) {
    describe(`${matrixCase.table} · ${matrixCase.operation} · ${matrixCase.what}`, () => {
      for (const persona of allPersonas) {
        const expected = matrixCase.allowed.includes(persona);
        it(`${persona} is ${expected ? 'allowed' : 'refused'}`, async () => {
          const { db, ids } = context();
          const outcome = await attempt(db, ids, matrixCase, persona);
          expect(outcome.ok, `${persona}: ${outcome.detail}`).toBe(expected);
        });
      }
    });
  }
}
