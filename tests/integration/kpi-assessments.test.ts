import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCompleteness } from '../../src/lib/kpi-assessments/completeness';
import { searchParamsSchema } from '../../src/lib/search/query-schema';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { deleteAssessment } from '../../src/server/kpi-assessments/delete-assessment';
import { assessmentCsv, assessmentJson } from '../../src/server/kpi-assessments/export-assessment';
import { importAssessmentCsv } from '../../src/server/kpi-assessments/import-assessment-csv';
import { openAssessment } from '../../src/server/kpi-assessments/open-assessment';
import { openNewVersion } from '../../src/server/kpi-assessments/open-new-version';
import {
  publishSnapshot,
  unpublishSnapshot,
} from '../../src/server/kpi-assessments/publish-snapshot';
import {
  findAssessment,
  findKpiCity,
  findPublishedSnapshot,
  listAssessmentEntries,
  listAssessmentOverview,
  listCityTargets,
  listCityValueHistory,
  listKpisForEntry,
  listPublishedSnapshots,
  listSnapshotEntries,
  type AssessmentSummary,
} from '../../src/server/kpi-assessments/queries';
import { recordVerification } from '../../src/server/kpi-assessments/record-verification';
import { saveKpiEntry } from '../../src/server/kpi-assessments/save-kpi-entry';
import { setKpiTarget } from '../../src/server/kpi-assessments/set-kpi-target';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { seedKpiAssessments } from '../../src/server/seed/seed-kpi-assessments';
import { loadYourWork } from '../../src/server/work/load-your-work';
import { getTranslator } from '../../src/lib/i18n';
import { encode, fixtureWithEveryBadRow, latin1File } from '../fixtures/kpi-assessment-csv';
import { asOwner, asUser, expectRefusal, testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const rootDir = path.resolve(import.meta.dirname, '../..');
/** Everyone who must not see a city's unpublished figures (another hub's coordinator included). */
const outsiders: Persona[] = [
  'anon',
  'member',
  'orgMember',
  'otherCityEditor',
  'otherCoordinator',
  'admin',
];

describe.each(testTargets())('KPI assessments on $name', (target) => {
  let db: Database;
  let fjordbyId: string;
  const as = <T>(persona: Persona, fn: (tx: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, () => Promise.resolve(db));
  const assessmentOf = async (persona: Persona, year: number, version?: number) => {
    const found = await as(persona, (tx) => findAssessment(tx, fjordbyId, year, version));
    if (!found) throw new Error(`no Fjordby ${year} assessment for ${persona}`);
    return found;
  };
  const valuesAsOwner = (assessmentId: string) =>
    db.query(
      `select kpi_code, status, value::text, parts, not_available_reason, source, method_note, shared, updated_at
         from public.kpi_assessment_values where assessment_id = $1 order by kpi_code`,
      [assessmentId],
    );
  const catalogue = () => as('cityEditor', (tx) => listKpisForEntry(tx));

  beforeAll(async () => {
    db = await target.open();
    const [row] = await db.query<{ id: string }>(
      "select id from public.cities where slug = 'demo-fjordby'",
    );
    fjordbyId = row!.id;
  });
  afterAll(() => db.close());

  it('seeds several demo cities over three years, with targets, one verified and one published', async () => {
    const rows = await db.query<{ slug: string; years: number[]; demo: boolean }>(
      `select c.slug, array_agg(a.reporting_year::int order by a.reporting_year) as years,
              bool_and(a.is_demo) as demo
         from public.kpi_assessments a join public.cities c on c.id = a.city_id
        group by c.slug order by c.slug`,
    );
    expect(rows.filter((r) => r.years.length >= 3 && r.demo).length).toBeGreaterThanOrEqual(3);
    const [states] = await db.query<{ verified: number; published: number; targets: number }>(
      `select (select count(*)::int from public.kpi_assessments where verified_at is not null) as verified,
              (select count(*)::int from public.kpi_assessments where published_at is not null) as published,
              (select count(distinct city_id)::int from public.kpi_targets) as targets`,
    );
    expect(states).toEqual({ verified: 1, published: 1, targets: 3 });
    // A second run changes nothing: no row written (updated_at and shares unchanged).
    const before = await db.query('select * from public.kpi_assessment_values order by 1, 2');
    await asOwner(db, (tx) => seedKpiAssessments(tx, path.join(rootDir, 'supabase', 'seed')));
    await db.transaction((tx) => seedKpiAssessments(tx, path.join(rootDir, 'supabase', 'seed')));
    expect(await db.query('select * from public.kpi_assessment_values order by 1, 2')).toEqual(
      before,
    );
  });

  it('lists a city editor’s open assessments on “Your work”, and nobody else’s', async () => {
    const sectionOf = async (persona: Exclude<Persona, 'anon'>) =>
      (
        await as(persona, (tx) => loadYourWork(tx, claimsOf(persona)!, getTranslator('en')))
      ).sections.find((s) => s.id === 'kpi-assessments');
    const fjordby = (await sectionOf('cityEditor'))!;
    // 2025 is verified: not open.
    expect(fjordby.groups[0]!.items.map((i) => [i.label, i.href, i.detail])).toEqual([
      [
        'Fjordby (demo): 2024',
        '/cities/demo-fjordby/kpis/assessments/2024',
        '77 of 91 KPIs answered',
      ],
      [
        'Fjordby (demo): 2023',
        '/cities/demo-fjordby/kpis/assessments/2023',
        '77 of 91 KPIs answered',
      ],
    ]);
    expect(fjordby.actions).toEqual([
      { label: 'KPI assessments of Fjordby (demo)', href: '/cities/demo-fjordby/kpis/assessments' },
    ]);
    const lakeside = (await sectionOf('otherCityEditor'))!;
    expect(lakeside.groups[0]!.items.map((i) => i.label)).toEqual([
      'Lakeside (demo): 2025',
      'Lakeside (demo): 2024',
      'Lakeside (demo): 2023',
    ]);
    for (const persona of [
      'coordinator',
      'otherCoordinator',
      'member',
      'orgMember',
      'admin',
    ] as const) {
      expect(await sectionOf(persona), persona).toBeUndefined();
    }
  });

  it('lets a city editor open an assessment and save each KPI on its own, checked by its unit', async () => {
    expect(
      await as('cityEditor', (tx) => openAssessment(tx, { cityId: fjordbyId, year: 2026 })),
    ).toEqual({
      ok: true,
      year: 2026,
    });
    expect(
      await as('cityEditor', (tx) => openAssessment(tx, { cityId: fjordbyId, year: 2026 })),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'year', message: 'kpiAssessments.open.exists' }],
    });
    expect(
      await as('coordinator', (tx) => openAssessment(tx, { cityId: fjordbyId, year: 2022 })),
    ).toMatchObject({ ok: false, errors: [{ message: 'kpiAssessments.forbidden.writeBody' }] });

    const kpis = new Map((await catalogue()).map((kpi) => [kpi.code, kpi]));
    const assessment = await assessmentOf('cityEditor', 2026);
    const save = (code: string, fields: Record<string, string>, persona: Persona = 'cityEditor') =>
      as(persona, (tx) =>
        saveKpiEntry(tx, { assessment, kpi: kpis.get(code)!, intent: 'save', fields }),
      );
    expect(await save('EC:ICT:ICT:1C', { value: '81.5', source: 'Census 2026' })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await save('EC:ICT:ICT:1C', { value: '81.5', source: 'Census 2026' })).toEqual({
      ok: true,
      changed: false,
    });
    expect(await save('EC:ICT:WS:1C', { value: '120', source: 'Utility' })).toMatchObject({
      ok: false,
      errors: [{ field: 'value', message: 'kpiAssessments.value.percentage' }],
    });
    expect(await save('EC:ICT:ICT:5C', { value: '12.5', source: 'IT' })).toMatchObject({
      ok: false,
      errors: [{ field: 'value', message: 'kpiAssessments.value.count' }],
    });
    expect(await save('EN:EN:AQ:2C', { value: '3.9' })).toMatchObject({
      ok: false,
      errors: [{ field: 'source', message: 'kpiAssessments.entry.sourceRequired' }],
    });
    expect(
      await save('EN:EN:AQ:1C', { 'part-pm2-5': '6.1', 'part-pm10': '-1', source: 'Network' }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'part-pm10', message: 'kpiAssessments.value.negative' }],
    });
    expect(
      (await save('EN:EN:AQ:1C', { 'part-pm2-5': '6.1', 'part-no2': '17', source: 'Network' })).ok,
    ).toBe(true);
    expect((await save('SC:SH:SA:3A', { value: 'yes', source: 'Planning office' })).ok).toBe(true);
    expect((await save('SC:SH:HO:1C', { reason: 'No survey since 2019' })).ok).toBe(true);
    // A hub coordinator reads but does not change.
    expect(
      await save('EC:ICT:ICT:2C', { value: '70', source: 'Operators' }, 'coordinator'),
    ).toMatchObject({
      ok: false,
      errors: [{ message: 'kpiAssessments.forbidden.writeBody' }],
    });

    const entries = await as('coordinator', (tx) => listAssessmentEntries(tx, assessment.id));
    expect([...entries.keys()].sort()).toEqual([
      'EC:ICT:ICT:1C',
      'EN:EN:AQ:1C',
      'SC:SH:HO:1C',
      'SC:SH:SA:3A',
    ]);
    expect(entries.get('EN:EN:AQ:1C')!.entry).toMatchObject({
      status: 'reported',
      value: { value: null, parts: { 'pm2-5': 6.1, pm10: null, no2: 17, so2: null, o3: null } },
    });
    expect(entries.get('SC:SH:SA:3A')!.entry).toMatchObject({ value: { value: 1 } });
    const completeness = computeCompleteness(
      [...kpis.values()],
      new Map([...entries].map(([code, e]) => [code, e.entry.status])),
    );
    expect(completeness.byType.core).toMatchObject({ reported: 2, notAvailable: 1, total: 55 });
    expect(completeness.byType.advanced).toMatchObject({ reported: 1, notAvailable: 0, total: 36 });

    // The database checks the measure too: a value no form would send is refused.
    const code = await expectRefusal(() =>
      as('cityEditor', (tx) =>
        tx.query(
          `insert into public.kpi_assessment_values (assessment_id, kpi_code, status, value, source)
           values ($1, 'EC:ICT:WS:1C', 'reported', 140, 'Forged')`,
          [assessment.id],
        ),
      ),
    );
    expect(code).toBe('23514');
  });

  it('refuses an import with every kind of bad row, one message per row, and stores nothing', async () => {
    const assessment = await assessmentOf('cityEditor', 2026);
    const before = await valuesAsOwner(assessment.id);
    const kpis = await catalogue();
    const { csv, badLines } = fixtureWithEveryBadRow();
    const outcome = await as('cityEditor', (tx) =>
      importAssessmentCsv(tx, { assessment, catalogue: kpis, file: encode(csv) }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      {
        field: 'file',
        message: 'kpiAssessments.import.badLines',
        params: { count: badLines.size },
      },
    ]);
    expect(outcome.problems.map((p) => [p.line, p.issues.length])).toEqual(
      [...badLines.keys()].map((line) => [line, 1]),
    );
    for (const file of [latin1File(), encode(`${'x'.repeat(1024 * 1024 + 1)}`), new Uint8Array()]) {
      const refused = await as('cityEditor', (tx) =>
        importAssessmentCsv(tx, { assessment, catalogue: kpis, file }),
      );
      expect(refused.ok).toBe(false);
    }
    expect(await valuesAsOwner(assessment.id)).toEqual(before);
  });

  it('round-trips a valid file: an export imports into a new assessment unchanged, and into its own with no change', async () => {
    const kpis = await catalogue();
    const source = await assessmentOf('cityEditor', 2024);
    const entries = await as('cityEditor', (tx) => listAssessmentEntries(tx, source.id));
    expect(entries.size).toBeGreaterThan(50);
    const csv = assessmentCsv(kpis, entries);
    const before = await valuesAsOwner(source.id);
    expect(
      await as('cityEditor', (tx) =>
        importAssessmentCsv(tx, { assessment: source, catalogue: kpis, file: encode(csv) }),
      ),
    ).toEqual({ ok: true, changed: 0, unchanged: entries.size, blank: 91 - entries.size });
    expect(await valuesAsOwner(source.id)).toEqual(before);

    await as('cityEditor', (tx) => openAssessment(tx, { cityId: fjordbyId, year: 2021 }));
    const copy = await assessmentOf('cityEditor', 2021);
    const imported = await as('cityEditor', (tx) =>
      importAssessmentCsv(tx, { assessment: copy, catalogue: kpis, file: encode(csv) }),
    );
    expect(imported).toMatchObject({ ok: true, changed: entries.size });
    const copied = await as('cityEditor', (tx) => listAssessmentEntries(tx, copy.id));
    const plain = (map: typeof entries) =>
      Object.fromEntries([...map].map(([code, e]) => [code, e.entry]));
    expect(plain(copied)).toEqual(plain(entries));
    // The export of the copy is byte for byte the export of the original.
    expect(assessmentCsv(kpis, copied)).toBe(csv);
  });

  it('freezes a verified assessment in the database, and supersedes it by a version that keeps it readable', async () => {
    const verified = await assessmentOf('cityEditor', 2025);
    expect(verified.verification).toMatchObject({ verifier: expect.stringContaining('(demo)') });
    const before = await valuesAsOwner(verified.id);
    // Straight to the table, as the editor and even as the owner: 42501 and how to supersede.
    for (const run of [
      () =>
        as('cityEditor', (tx) =>
          tx.query(
            "update public.kpi_assessment_values set value = 1 where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C'",
            [verified.id],
          ),
        ),
      () =>
        db.query(
          "update public.kpi_assessment_values set source = 'Changed' where assessment_id = $1",
          [verified.id],
        ),
      () =>
        db.query('delete from public.kpi_assessment_values where assessment_id = $1', [
          verified.id,
        ]),
      () =>
        db.query("update public.kpi_assessments set verifier = 'Someone else' where id = $1", [
          verified.id,
        ]),
      () =>
        as('cityEditor', (tx) =>
          tx.query('delete from public.kpi_assessments where id = $1 returning id', [verified.id]),
        ),
    ]) {
      let error: { code?: string; message?: string } | undefined;
      try {
        await run();
      } catch (caught) {
        error = caught as typeof error;
      }
      expect(error?.code).toBe('42501');
      expect(error?.message).toMatch(/verified on 2026-04-15 and is frozen.*open a new version/);
    }
    const kpis = new Map((await catalogue()).map((kpi) => [kpi.code, kpi]));
    expect(
      await as('cityEditor', (tx) =>
        saveKpiEntry(tx, {
          assessment: verified,
          kpi: kpis.get('EC:ICT:ICT:1C')!,
          intent: 'save',
          fields: { value: '1', source: 'x y' },
        }),
      ),
    ).toMatchObject({ ok: false, errors: [{ field: 'form', message: 'kpiAssessments.frozen' }] });
    expect(
      await as('cityEditor', (tx) =>
        importAssessmentCsv(tx, {
          assessment: verified,
          catalogue: [...kpis.values()],
          file: encode('x'),
        }),
      ),
    ).toMatchObject({ ok: false, errors: [{ message: 'kpiAssessments.frozen' }] });
    expect(await valuesAsOwner(verified.id)).toEqual(before);
    // Only a verified latest version is superseded; the coordinator cannot.
    expect(
      await as('coordinator', (tx) => openNewVersion(tx, { assessment: verified })),
    ).toMatchObject({ ok: false });
    expect(await as('cityEditor', (tx) => openNewVersion(tx, { assessment: verified }))).toEqual({
      ok: true,
      version: 2,
    });
    const latest = await assessmentOf('cityEditor', 2025);
    expect(latest).toMatchObject({
      version: 2,
      verification: null,
      superseded: false,
      publishedAt: null,
    });
    const old = await assessmentOf('cityEditor', 2025, 1);
    expect(old).toMatchObject({
      version: 1,
      superseded: true,
      verification: verified.verification,
    });
    expect(await valuesAsOwner(old.id)).toEqual(before);
    const copied = await as('cityEditor', (tx) => listAssessmentEntries(tx, latest.id));
    expect(copied.size).toBe(before.length);
    expect(
      await as('cityEditor', (tx) => openNewVersion(tx, { assessment: latest })),
    ).toMatchObject({ ok: false });
    expect(
      await as('cityEditor', (tx) =>
        saveKpiEntry(tx, {
          assessment: latest,
          kpi: kpis.get('EC:ICT:ICT:1C')!,
          intent: 'save',
          fields: { value: '90.5', source: 'Corrected census' },
        }),
      ),
    ).toEqual({ ok: true, changed: true });
    // The old version's snapshot stays public until the new version is published.
    expect((await as('anon', (tx) => findPublishedSnapshot(tx, fjordbyId, 2025)))?.version).toBe(1);
    // The old version cannot be verified, republished or edited any more.
    expect(
      await as('cityEditor', (tx) =>
        recordVerification(tx, {
          assessment: old,
          form: {
            intent: 'verify',
            verifier: 'Again',
            date: '2026-05-01',
            reportUrl: 'https://example.org/',
            scope: 'All',
          },
        }),
      ),
    ).toMatchObject({ ok: false, errors: [{ message: 'kpiAssessments.superseded' }] });
    const entryCodes = new Set(copied.keys());
    expect(
      await as('cityEditor', (tx) =>
        publishSnapshot(tx, { assessment: latest, share: ['EC:ICT:ICT:1C'], entryCodes }),
      ),
    ).toEqual({ ok: true });
    const snapshot = await as('anon', (tx) => findPublishedSnapshot(tx, fjordbyId, 2025));
    expect(snapshot).toMatchObject({ version: 2, verification: null });
    const shared = await as('anon', (tx) => listSnapshotEntries(tx, snapshot!.id));
    expect([...shared.keys()]).toEqual(['EC:ICT:ICT:1C']);
    expect(shared.get('EC:ICT:ICT:1C')!.entry).toMatchObject({ value: { value: 90.5 } });
    // Verifying the new version freezes it in turn.
    expect(
      await as('cityEditor', (tx) =>
        recordVerification(tx, {
          assessment: latest,
          form: {
            intent: 'verify',
            verifier: 'Second verifier',
            date: '2026-06-01',
            reportUrl: 'https://example.org/v2',
            scope: 'Core KPIs',
          },
        }),
      ),
    ).toEqual({ ok: true });
    const code = await expectRefusal(() =>
      db.query(
        "update public.kpi_assessment_values set value = 2 where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C'",
        [latest.id],
      ),
    );
    expect(code).toBe('42501');
  });

  it('shows others only what a snapshot publishes: rows, history, targets, exports and search', async () => {
    // A value with a word no record has, in a private assessment (2024).
    const kpis = await catalogue();
    const private2024 = await assessmentOf('cityEditor', 2024);
    const internet = kpis.find((k) => k.code === 'EC:ICT:ICT:2C')!;
    expect(
      (
        await as('cityEditor', (tx) =>
          saveKpiEntry(tx, {
            assessment: private2024,
            kpi: internet,
            intent: 'save',
            fields: { value: '74.7', source: 'Quxbramble operator survey' },
          }),
        )
      ).ok,
    ).toBe(true);
    // Shared once, then taken down: private again.
    const codes = new Set([internet.code]);
    await as('cityEditor', (tx) =>
      publishSnapshot(tx, { assessment: private2024, share: [internet.code], entryCodes: codes }),
    );
    expect(
      (await as('anon', (tx) => listAssessmentEntries(tx, private2024.id))).has(internet.code),
    ).toBe(true);
    await as('cityEditor', (tx) => unpublishSnapshot(tx, { assessment: private2024 }));
    const city = (await as('anon', (tx) => findKpiCity(tx, 'demo-fjordby')))!;
    expect(await expectRefusal(() => as('anon', (tx) => listCityTargets(tx, fjordbyId)))).toBe(
      '42501',
    );
    for (const persona of outsiders) {
      await as(persona, async (tx) => {
        expect(await findAssessment(tx, fjordbyId, 2024), persona).toBeNull();
        expect((await listAssessmentEntries(tx, private2024.id)).size, persona).toBe(0);
        // Visitors hold no privilege on targets at all; members see none.
        if (persona !== 'anon') expect(await listCityTargets(tx, fjordbyId), persona).toEqual([]);
        // History holds only the published snapshot's shared values.
        const history = await listCityValueHistory(tx, fjordbyId);
        expect(new Set(history.map((h) => h.year)), persona).toEqual(new Set([2025]));
        const snapshot = (await findPublishedSnapshot(tx, fjordbyId, 2025))!;
        const shared = await listSnapshotEntries(tx, snapshot.id);
        expect(shared.has('SC:SH:SA:8C') || shared.has('EC:ICT:ICT:2C'), persona).toBe(false);
        const csv = assessmentCsv(kpis, shared, { onlyEntries: true });
        const json = JSON.stringify(
          assessmentJson({
            kind: 'snapshot',
            city,
            assessment: snapshot,
            catalogue: kpis,
            entries: shared,
            siteUrl: 'http://x',
          }),
        );
        for (const text of [csv, json]) {
          expect(text, persona).not.toContain('Quxbramble');
          expect(text, persona).toContain('EC:ICT:ICT:1C');
        }
        const search = await searchNetwork(
          tx,
          searchParamsSchema.parse({ q: 'Quxbramble' }),
          postgresSearchEngine,
        );
        expect(search.total, persona).toBe(0);
      });
    }
    // The city's hub coordinator reads everything, one city at a time.
    const seen = await as('coordinator', (tx) => listAssessmentEntries(tx, private2024.id));
    expect(seen.get('EC:ICT:ICT:2C')!.entry.source).toBe('Quxbramble operator survey');
    expect(
      (await as('coordinator', (tx) => listCityTargets(tx, fjordbyId))).length,
    ).toBeGreaterThan(5);
    // No search record holds any of it, for anyone.
    const [records] = await db.query<{ count: number }>(
      "select count(*)::int as count from public.search_documents where body ilike '%quxbramble%' or summary ilike '%quxbramble%' or title ilike '%quxbramble%'",
    );
    expect(records?.count).toBe(0);
    // The city page lists published snapshots only.
    expect(
      (await as('anon', (tx) => listPublishedSnapshots(tx, 'demo-fjordby'))).map((s) => s.year),
    ).toEqual([2025]);
  });

  it('gives coordinators which assessments exist and how complete, for their hubs’ cities only', async () => {
    const nordic = await as('coordinator', (tx) => listAssessmentOverview(tx));
    expect(nordic.map((c) => c.slug)).toEqual(['demo-fjordby', 'demo-lakeside']);
    expect(nordic.every((c) => !c.edits)).toBe(true);
    const lakeside = nordic.find((c) => c.slug === 'demo-lakeside')!;
    expect(lakeside.assessments.map((a) => a.year)).toEqual([2025, 2024, 2023]);
    expect(Object.keys(lakeside.assessments[0]!).sort()).toEqual([
      'published',
      'statuses',
      'verified',
      'version',
      'year',
    ]);
    expect(
      [...lakeside.assessments[0]!.statuses.values()].every(
        (s) => s === 'reported' || s === 'not-available',
      ),
    ).toBe(true);
    // Every city of the Andean hub (Riverton, and the demo case studies' cities there).
    const andean = await db.query<{ slug: string }>(
      `select c.slug from public.cities c join public.hub_cities hc on hc.city_id = c.id
         join public.hubs h on h.id = hc.hub_id where h.slug = 'demo-andean-hub' order by c.slug`,
    );
    expect(andean.map((c) => c.slug)).toContain('demo-riverton');
    expect(
      (await as('otherCoordinator', (tx) => listAssessmentOverview(tx))).map((c) => c.slug).sort(),
    ).toEqual(andean.map((c) => c.slug));
    expect(
      (await as('otherCityEditor', (tx) => listAssessmentOverview(tx))).map((c) => [
        c.slug,
        c.edits,
      ]),
    ).toEqual([['demo-lakeside', true]]);
    const mine = await as('cityEditor', (tx) => listAssessmentOverview(tx));
    expect(mine.map((c) => [c.slug, c.edits])).toEqual([['demo-fjordby', true]]);
    expect(await as('member', (tx) => listAssessmentOverview(tx))).toEqual([]);
    expect(await as('admin', (tx) => listAssessmentOverview(tx))).toEqual([]);
  });

  it('sets a city’s own targets, checked like values, by its editors only', async () => {
    const kpis = new Map((await catalogue()).map((kpi) => [kpi.code, kpi]));
    const set = (
      code: string,
      form: Partial<Record<string, string>>,
      persona: Persona = 'cityEditor',
    ) =>
      as(persona, (tx) =>
        setKpiTarget(tx, {
          cityId: fjordbyId,
          kpi: kpis.get(code)!,
          form: {
            intent: 'save',
            kpi: code,
            part: '',
            baselineYear: '2023',
            targetValue: '',
            targetYear: '2030',
            ...form,
          },
        }),
      );
    expect(await set('EC:ICT:ICT:2C', { targetValue: '95' })).toEqual({ ok: true });
    expect(await set('EC:ICT:ICT:2C', { targetValue: '101' })).toMatchObject({
      ok: false,
      errors: [{ field: 'targetValue', message: 'kpiAssessments.value.percentage' }],
    });
    expect(await set('EC:ICT:ICT:2C', { targetValue: '95', targetYear: '2020' })).toMatchObject({
      ok: false,
      errors: [{ field: 'targetYear', message: 'kpiAssessments.target.afterBaseline' }],
    });
    expect(await set('EN:EN:AQ:1C', { part: 'o3', targetValue: '40' })).toEqual({ ok: true });
    expect(await set('EN:EN:AQ:1C', { part: 'pm1', targetValue: '40' })).toMatchObject({
      ok: false,
    });
    expect(await set('EC:ICT:ICT:2C', { targetValue: '90' }, 'coordinator')).toMatchObject({
      ok: false,
      errors: [{ message: 'kpiAssessments.forbidden.writeBody' }],
    });
    const targets = await as('coordinator', (tx) => listCityTargets(tx, fjordbyId));
    expect(targets.find((t) => t.kpiCode === 'EC:ICT:ICT:2C')).toEqual({
      kpiCode: 'EC:ICT:ICT:2C',
      partKey: '',
      baselineYear: 2023,
      targetValue: 95,
      targetYear: 2030,
    });
    expect(targets.some((t) => t.kpiCode === 'EN:EN:AQ:1C' && t.partKey === 'o3')).toBe(true);
  });

  it('publishes the values the city chooses, and takes them down again', async () => {
    const assessment: AssessmentSummary = await assessmentOf('cityEditor', 2023);
    const entries = await as('cityEditor', (tx) => listAssessmentEntries(tx, assessment.id));
    const share = ['EC:ICT:ICT:1C', 'EN:EN:AQ:1C'];
    expect(
      await as('cityEditor', (tx) =>
        publishSnapshot(tx, {
          assessment,
          share: ['XX:ICT:ICT:1C'],
          entryCodes: new Set(entries.keys()),
        }),
      ),
    ).toMatchObject({ ok: false, errors: [{ field: 'share' }] });
    expect(
      await as('coordinator', (tx) =>
        publishSnapshot(tx, { assessment, share, entryCodes: new Set(entries.keys()) }),
      ),
    ).toMatchObject({ ok: false });
    expect(
      await as('cityEditor', (tx) =>
        publishSnapshot(tx, { assessment, share, entryCodes: new Set(entries.keys()) }),
      ),
    ).toEqual({ ok: true });
    await as('member', async (tx) => {
      const snapshot = await findPublishedSnapshot(tx, fjordbyId, 2023);
      expect([...(await listSnapshotEntries(tx, snapshot!.id)).keys()].sort()).toEqual(share);
    });
    expect(await as('cityEditor', (tx) => unpublishSnapshot(tx, { assessment }))).toEqual({
      ok: true,
    });
    expect(await as('anon', (tx) => findPublishedSnapshot(tx, fjordbyId, 2023))).toBeNull();
    expect(await as('anon', (tx) => listAssessmentEntries(tx, assessment.id))).toEqual(new Map());
  });

  it('deletes an open assessment with its entries, by the city’s editors only, and never a verified one', async () => {
    expect(
      await as('cityEditor', (tx) => openAssessment(tx, { cityId: fjordbyId, year: 2019 })),
    ).toEqual({ ok: true, year: 2019 });
    const opened = await assessmentOf('cityEditor', 2019);
    await as('cityEditor', (tx) =>
      tx.query(
        `insert into public.kpi_assessment_values (assessment_id, kpi_code, status, value, source)
         values ($1, 'EC:ICT:ICT:1C', 'reported', 70, 'Survey')`,
        [opened.id],
      ),
    );
    for (const persona of ['coordinator', 'otherCityEditor', 'admin'] as const) {
      expect(await as(persona, (tx) => deleteAssessment(tx, { assessment: opened }))).toMatchObject(
        { ok: false, errors: [{ message: 'kpiAssessments.delete.refused' }] },
      );
    }
    expect((await valuesAsOwner(opened.id)).length).toBe(1);

    const verified = await assessmentOf('cityEditor', 2025, 1);
    expect(
      await as('cityEditor', (tx) => deleteAssessment(tx, { assessment: verified })),
    ).toMatchObject({ ok: false, errors: [{ message: 'kpiAssessments.delete.verified' }] });
    expect(
      await as('cityEditor', (tx) =>
        deleteAssessment(tx, { assessment: { ...verified, verification: null } }),
      ),
    ).toMatchObject({ ok: false, errors: [{ message: 'kpiAssessments.delete.refused' }] });
    expect(await assessmentOf('cityEditor', 2025, 1)).toMatchObject({ id: verified.id });

    expect(await as('cityEditor', (tx) => deleteAssessment(tx, { assessment: opened }))).toEqual({
      ok: true,
    });
    expect(await as('cityEditor', (tx) => findAssessment(tx, fjordbyId, 2019))).toBeNull();
    expect(await valuesAsOwner(opened.id)).toEqual([]);
  });

  it('lets an editor who entered, verified and set targets take their data and delete their account; the figures stay the city’s', async () => {
    const editor = userIdOf('cityEditor');
    await asUser(db, claimsOf('cityEditor'), async (tx) => {
      const [open] = await tx.query<{ id: string; reporting_year: number }>(
        `select id, reporting_year from public.kpi_assessments
          where city_id = $1 and verified_at is null order by reporting_year desc, version desc limit 1`,
        [fjordbyId],
      );
      await tx.query(
        `insert into public.kpi_assessment_values (assessment_id, kpi_code, status, value, source)
         values ($1, 'EC:ICT:ICT:1C', 'reported', 80, 'Household survey')
         on conflict (assessment_id, kpi_code) do update set value = 80, source = 'Household survey'`,
        [open!.id],
      );
      await tx.query(
        `insert into public.kpi_targets (city_id, kpi_code, part_key, baseline_year, target_value, target_year)
         values ($1, 'EC:ICT:ICT:2C', '', 2023, 97, 2030)
         on conflict (city_id, kpi_code, part_key) do update set target_value = 97`,
        [fjordbyId],
      );
      await tx.query(
        `update public.kpi_assessments
            set verifier = 'Nordic Audit AS (test)', verification_date = current_date,
                verification_report_url = 'https://example.org/report.pdf', verification_scope = 'All 91 KPIs',
                verified_at = now()
          where id = $1`,
        [open!.id],
      );
      const [{ data }] = (await tx.query<{ data: Record<string, unknown> }>(
        'select private.export_my_personal_data() as data',
      )) as [{ data: Record<string, unknown> }];
      expect(data['kpi-assessments']).toMatchObject({
        assessments: expect.arrayContaining([
          expect.objectContaining({
            city: 'demo-fjordby',
            reporting_year: open!.reporting_year,
            verification_recorded_by_you: true,
          }),
        ]),
        values_last_changed: expect.arrayContaining([
          expect.objectContaining({ city: 'demo-fjordby', reporting_year: open!.reporting_year }),
        ]),
        targets_last_changed: [expect.objectContaining({ city: 'demo-fjordby' })],
      });
      expect(JSON.stringify(data['kpi-assessments'])).not.toContain('Household survey');

      // Deleting the account clears who wrote what, through the verified
      // assessment's freeze and the targets' guard, and keeps every figure.
      await tx.query('select private.delete_my_account()');
      await tx.query('reset role');
      const [left] = await tx.query<{ mine: number; value: string; target: string }>(
        `select (select count(*)::int from public.kpi_assessments where $2 in (created_by, verified_by, published_by))
              + (select count(*)::int from public.kpi_assessment_values where updated_by = $2)
              + (select count(*)::int from public.kpi_targets where updated_by = $2) as mine,
                (select value::text from public.kpi_assessment_values
                  where assessment_id = $1 and kpi_code = 'EC:ICT:ICT:1C') as value,
                (select target_value::text from public.kpi_targets
                  where city_id = $3 and kpi_code = 'EC:ICT:ICT:2C' and part_key = '') as target`,
        [open!.id, editor, fjordbyId],
      );
      expect(left).toEqual({ mine: 0, value: '80', target: '97' });
    });
  });
});
