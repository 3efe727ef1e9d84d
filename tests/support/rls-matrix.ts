import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/server/db/types';
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
   * changed (use `returning 1` on writes). A refusal is 0 rows or a
   * refusal error (`isRefusal`); any other error fails the test.
   */
  run(tx: Queryable, ids: SeedIds): Promise<number>;
  /** Personas for whom it must succeed; every other persona must be refused. */
  allowed: readonly Persona[];
  /**
   * Prepares the rows the statement needs, as the table owner, in the same
   * rolled-back transaction, before the persona's role is taken (a persona
   * could not prepare them, and a failed statement would abort the
   * transaction).
   */
  setup?(tx: Queryable, ids: SeedIds): Promise<void>;
  /**
   * Whose claims (`auth.uid()`) the owner's positive control runs with;
   * defaults to the first allowed persona, else the member.
   */
  controlAs?: Exclude<Persona, 'anon'>;
}

/**
 * The one error that counts as the database refusing a persona: SQLSTATE
 * 42501 insufficient_privilege. Postgres raises it for a missing grant
 * ("permission denied for table / column / function") and for a row that
 * fails a policy's WITH CHECK ("new row violates row-level security policy");
 * a policy's USING clause refuses by hiding rows (0 rows). The portal's own
 * guards (triggers and security definer functions) raise it too, with
 * `errcode = '42501'`.
 *
 * Not counted, on purpose:
 * - P0001, a bare `raise exception`: it does not tell a refusal from a bug;
 *   a guard that refuses says so with 42501.
 * - 23xxx constraint violations: Postgres checks policies before
 *   constraints, so a persona stopped by a constraint was let through by the
 *   policies, and counting it as refused would hide exactly the hole the
 *   matrix looks for. What a constraint forbids is tested with the domain.
 * Anything else (42703 undefined column, 42P01 undefined table, 42601 syntax,
 * 22023 invalid argument, 25P02 an earlier statement of the case failed)
 * means the case is broken, and fails the test instead of passing as refused.
 */
export function isRefusal(code: string | undefined): boolean {
  return code === '42501';
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

class Rollback extends Error {}

export type Outcome =
  | { kind: 'rows'; rows: number }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'broken'; code: string; message: string };

/**
 * Runs the case's setup as the owner, then the statement as `role` with
 * `claims` (role null: stay the owner, which row-level security does not
 * apply to), in one transaction that is always rolled back.
 */
async function runCase(
  db: Database,
  ids: SeedIds,
  matrixCase: MatrixCase,
  role: 'anon' | 'authenticated' | null,
  claims: object,
): Promise<Outcome> {
  let rows = 0;
  try {
    await db.transaction(async (tx) => {
      await matrixCase.setup?.(tx, ids);
      await tx.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      if (role) await tx.query("select set_config('role', $1, true)", [role]);
      rows = await matrixCase.run(tx, ids);
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return { kind: 'rows', rows };
    const { code, message } = error as { code?: string; message?: string };
    const detail = { code: code ?? 'none', message: message ?? String(error) };
    return isRefusal(code) ? { kind: 'refused', ...detail } : { kind: 'broken', ...detail };
  }
  throw new Error('unreachable: the case transaction always rolls back');
}

/** Runs one case as one persona (always rolled back): what the database answered. */
export function attempt(
  db: Database,
  ids: SeedIds,
  matrixCase: MatrixCase,
  persona: Persona,
): Promise<Outcome> {
  const claims = claimsOf(persona);
  return runCase(
    db,
    ids,
    matrixCase,
    claims ? 'authenticated' : 'anon',
    claims ?? { role: 'anon' },
  );
}

/**
 * The positive control: the same setup and statement as the table owner
 * (no row-level security, every privilege), with a persona's claims so that
 * `auth.uid()` means someone. It must affect at least one row; otherwise the
 * statement cannot work for anyone, and "refused" would prove nothing.
 */
export function attemptAsOwner(db: Database, ids: SeedIds, matrixCase: MatrixCase) {
  const persona =
    matrixCase.controlAs ??
    (matrixCase.allowed.find((p): p is Exclude<Persona, 'anon'> => p !== 'anon') || 'member');
  return runCase(db, ids, matrixCase, null, claimsOf(persona)!);
}

function describeOutcome(outcome: Outcome): string {
  return outcome.kind === 'rows'
    ? `${outcome.rows} rows`
    : `${outcome.kind} (${outcome.code}: ${outcome.message})`;
}

/**
 * Declares, per case, one `it` per persona (allowed personas must affect at
 * least one row, all others must be refused: 0 rows or a refusal error) and
 * the owner's positive control. Call inside a `describe.each(testTargets())`
 * body with a getter for the opened database and the seed ids.
 */
export function defineMatrix(
  cases: readonly MatrixCase[],
  context: () => { db: Database; ids: SeedIds },
): void {
  for (const matrixCase of cases) {
    describe(`${matrixCase.table} · ${matrixCase.operation} · ${matrixCase.what}`, () => {
      it('works for the table owner (positive control)', async () => {
        const { db, ids } = context();
        const outcome = await attemptAsOwner(db, ids, matrixCase);
        expect(
          outcome.kind === 'rows' && outcome.rows > 0,
          `owner: ${describeOutcome(outcome)}`,
        ).toBe(true);
      });
      for (const persona of allPersonas) {
        const expected = matrixCase.allowed.includes(persona);
        it(`${persona} is ${expected ? 'allowed' : 'refused'}`, async () => {
          const { db, ids } = context();
          const outcome = await attempt(db, ids, matrixCase, persona);
          const detail = `${persona}: ${describeOutcome(outcome)}`;
          expect(outcome.kind, `${detail}: not a refusal, the case is broken`).not.toBe('broken');
          const succeeded = outcome.kind === 'rows' && outcome.rows > 0;
          expect(succeeded, detail).toBe(expected);
        });
      }
    });
  }
}
