import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlLiterals, whyBounded } from '../support/sql-bounds';

const serverDir = path.resolve(import.meta.dirname, '../../src/server');

/** Every domain's public reads (CONTRIBUTING.md: reads live in `queries.ts`). */
function queryFiles(): string[] {
  return fs
    .readdirSync(serverDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(serverDir, entry.name, 'queries.ts'))
    .filter((file) => fs.existsSync(file));
}

/**
 * No listing, feed or page reads an unbounded number of rows (issue 16,
 * "Growth"): with 40,000 news items or 2,200 cities a page that reads them
 * all gets slower and heavier with every row. Every SELECT in a domain's
 * `queries.ts` has a `limit`, is an aggregate, reads one row by id or slug,
 * or says in a `/* bounded: … *\/` comment why its rows are few (one per
 * region, per SDG). Add the limit (and a "see all" link or pagination) rather
 * than the comment when the rows grow with the data.
 */
describe('every read in a queries.ts is bounded', () => {
  it('finds the reads of every domain', () => {
    const files = queryFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const statements = files.flatMap((file) => sqlLiterals(file, fs.readFileSync(file, 'utf8')));
    expect(statements.length).toBeGreaterThan(30);
  });

  it('has a limit (or a reason) on every SELECT', () => {
    const unbounded = queryFiles().flatMap((file) =>
      sqlLiterals(file, fs.readFileSync(file, 'utf8'))
        .filter((statement) => whyBounded(statement.sql) === null)
        .map(
          (statement) =>
            `${path.relative(serverDir, file)}:${statement.line}: ${statement.sql.replace(/\s+/g, ' ').trim().slice(0, 160)}`,
        ),
    );
    expect(
      unbounded,
      'add a limit, or a /* bounded: reason */ comment when the rows cannot grow',
    ).toEqual([]);
  });

  it('tells a bounded read from an unbounded one', () => {
    expect(
      whyBounded(
        'select id, title from public.news_items n where n.published_at <= now() order by 1',
      ),
    ).toBeNull();
    expect(
      whyBounded(
        'select c.name from public.cities c join public.hub_cities hc on hc.city_id = c.id where hc.hub_id = $1',
      ),
    ).toBeNull();
    expect(whyBounded('select h.region, count(*) from public.hubs h group by h.region')).toBeNull();
    expect(
      whyBounded(
        'select __expr__ from public.news_items n order by n.published_at desc limit __expr__',
      ),
    ).toBe('limit');
    expect(
      whyBounded(
        'select count(*)::int as n from public.news_items n where n.published_at <= now()',
      ),
    ).toBe('aggregate');
    expect(whyBounded('select h.name from public.hubs h where h.slug = $1')).toBe(
      'one row by id or slug',
    );
    expect(whyBounded('select exists (select 1 from public.hubs)')).toBe('scalar');
    expect(whyBounded('select x from (select * from public.cities limit 5) c')).toBeNull();
    expect(
      whyBounded(
        'select * from (select n.id, row_number() over (partition by n.hub_id order by n.id) as position from public.news_items n) ranked where position <= $2',
      ),
    ).toBe('first n of each group');
    expect(
      whyBounded(
        'select * from (select n.id, row_number() over (order by n.id) as position from public.news_items n) ranked where n.hub_id = $2',
      ),
    ).toBeNull();
    expect(
      whyBounded(
        'select region, count(*) /* bounded: one row per region */ from public.hubs group by region',
      ),
    ).toMatch(/^annotated/);
  });
});
