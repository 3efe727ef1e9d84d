import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { readDeliverableContent } from '../../src/server/deliverables/read-content-files';
import { syncDeliverables } from '../../src/server/deliverables/sync-deliverables';
import { seedWithin } from '../../src/server/seed/run-seed';
import { asOwner, testTargets } from '../support/databases';

const rootDir = path.resolve(import.meta.dirname, '../..');

describe.each(testTargets())('seed on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('syncs every content file into deliverables, keeping the unconfirmed flag', async () => {
    const files = readDeliverableContent(path.join(rootDir, 'content'));
    const rows = await db.query<{ slug: string; uncertain: boolean }>(
      'select slug, uncertain from public.deliverables where content_path is not null order by slug',
    );
    expect(rows).toEqual(
      files
        .map((f) => ({ slug: f.slug, uncertain: f.uncertain }))
        .sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(rows.some((r) => r.uncertain)).toBe(true);
  });

  it('seeds the real Austrian country hub without a demo flag', async () => {
    const [hub] = await db.query<{ name: string; is_demo: boolean; source_url: string }>(
      "select name, is_demo, source_url from public.hubs where slug = 'austria'",
    );
    expect(hub).toEqual({
      name: 'U4SSC Austrian Country Hub',
      is_demo: false,
      source_url: 'https://austriancenter.com/u4ssc-austrian-country-hub/',
    });
  });

  it('seeds KPI cities with their sources, unconfirmed ones flagged', async () => {
    const rows = await db.query<{ slug: string; kpi_source: string | null; uncertain: boolean }>(
      'select slug, kpi_source, uncertain from public.cities where not is_demo',
    );
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.every((r) => r.kpi_source)).toBe(true);
    expect(rows.find((r) => r.slug === 'krimpen')?.uncertain).toBe(true);
    expect(rows.find((r) => r.slug === 'tromso')?.uncertain).toBe(false);
  });

  it('marks every invented record as demo', async () => {
    const rows = await db.query<{ name: string }>(
      `select name from public.hubs where name ilike '%(demo)%' and not is_demo
       union all select name from public.cities where name ilike '%(demo)%' and not is_demo
       union all select name from public.organizations where not is_demo
       union all select p.display_name from public.profiles p join auth.users u on u.id = p.id
                  where u.email like '%@demo.u4ssc.local' and not p.is_demo`,
    );
    expect(rows).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    await asOwner(db, async (tx) => {
      const snapshot = () =>
        tx.query<{ memberships: string; rows: number }>(
          `select (select string_agg(id::text, ',' order by id) from public.memberships) as memberships,
                  ((select count(*) from public.hubs) + (select count(*) from public.cities)
                  + (select count(*) from public.deliverables)
                  + (select count(*) from public.procurement_processes)
                  + (select count(*) from public.procurement_releases)
                  + (select count(*) from public.procurement_bids))::int as rows`,
        );
      const before = await snapshot();
      await seedWithin(tx, { rootDir, includeDemo: true });
      expect(await snapshot()).toEqual(before);
    });
  });

  it('seeds demo case studies in every workflow state, and a second run writes nothing', async () => {
    await asOwner(db, async (tx) => {
      const snapshot = () =>
        tx.query<{
          states: string;
          revisions: number;
          comments: number;
          links: number;
          stamp: string;
        }>(
          `select (select string_agg(status || ':' || n, ',' order by status)
                     from (select status, count(*) as n from public.case_studies where is_demo group by status) s) as states,
                  (select count(*)::int from public.case_study_revisions) as revisions,
                  (select count(*)::int from public.case_study_comments) as comments,
                  ((select count(*) from public.case_study_partners) + (select count(*) from public.case_study_kpis)
                   + (select count(*) from public.case_study_cities)
                   + (select count(*) from public.case_study_deliverables))::int as links,
                  (select max(updated_at)::text || max(published_at)::text from public.case_studies) as stamp`,
        );
      const before = await snapshot();
      expect(before[0]!.states).toBe(
        'changes_requested:1,draft:2,published:28,submitted:2,unpublished:1',
      );
      const [notDemo] = await tx.query<{ n: number }>(
        'select count(*)::int as n from public.case_studies where not is_demo',
      );
      expect(notDemo!.n).toBe(0);
      await seedWithin(tx, { rootDir, includeDemo: true });
      expect(await snapshot()).toEqual(before);
    });
  });

  it("records the reference cities' U4SSC KPI status from their sources", async () => {
    const rows = await db.query<{
      slug: string;
      kpi_year: number | null;
      kpi_verified: boolean | null;
    }>(
      "select slug, kpi_year, kpi_verified from public.cities where slug in ('karmoy', 'valencia', 'montevideo') order by slug",
    );
    expect(rows).toEqual([
      { slug: 'karmoy', kpi_year: 2020, kpi_verified: true },
      { slug: 'montevideo', kpi_year: null, kpi_verified: null },
      { slug: 'valencia', kpi_year: 2020, kpi_verified: null },
    ]);
  });

  it('removes a synced deliverable whose file was deleted, and keeps portal-made ones', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        `insert into public.deliverables (slug, kind, title, year, summary) values ('added-in-portal', 'publication', 'Added in the portal', 2024, 'Made by an admin, not from a file.')`,
      );
      const files = readDeliverableContent(path.join(rootDir, 'content')).slice(1);
      const report = await syncDeliverables(tx, files);
      expect(report.removed).toBe(1);
      const [row] = await tx.query<{ n: number }>(
        "select count(*)::int as n from public.deliverables where slug = 'added-in-portal'",
      );
      expect(row!.n).toBe(1);
    });
  });
});
