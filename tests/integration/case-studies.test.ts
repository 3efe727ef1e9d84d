import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { parseCaseStudyFilters } from '../../src/lib/case-studies/case-study-filters';
import { caseStudyFacetNames } from '../../src/lib/case-studies/case-study-filters';
import { populationBandOf, populationBands } from '../../src/lib/taxonomy/bands';
import {
  parseCaseStudyForm,
  type CaseStudyInput,
} from '../../src/server/case-studies/case-study-form';
import { changeCaseStudyStatus } from '../../src/server/case-studies/change-case-study-status';
import { createCaseStudy } from '../../src/server/case-studies/create-case-study';
import {
  findPeerCities,
  findPeersForChallenge,
  findSimilarCaseStudies,
  loadCityPeerProfile,
} from '../../src/server/case-studies/peer-queries';
import {
  findCaseStudy,
  listCaseStudies,
  listCaseStudiesForExport,
  listCaseStudyComments,
  listCaseStudyRevisions,
  listCaseStudiesToReview,
  listConnectedCaseStudies,
  listManagedCaseStudies,
  listPartnerOptions,
} from '../../src/server/case-studies/queries';
import { reviewCaseStudy } from '../../src/server/case-studies/review-case-study';
import { updateCaseStudy } from '../../src/server/case-studies/update-case-study';
import {
  findCityForMatching,
  listCitiesForMatching,
} from '../../src/server/organizations/match-queries';
import { cityProfileFormSchema } from '../../src/server/cities/city-profile-form';
import { listCities } from '../../src/server/cities/queries';
import { updateCityProfile } from '../../src/server/cities/update-city-profile';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { demoCaseStudyId } from '../../src/server/seed/seed-case-studies';
import { asOwner, testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const wording = { i18n: getTranslator('en'), origin: 'http://localhost:4321' };

/** A complete form, as the editor would send it (fields as readForm gives them). */
function form(overrides: Record<string, string | string[]> = {}): CaseStudyInput {
  const parsed = parseCaseStudyForm({
    title: 'Night buses for shift workers',
    summary: 'Three night lines for hospital and harbour shift workers.',
    challenge: 'Shift workers had no public transport after midnight.',
    solution: 'Three night bus lines timed to the shift changes.',
    project_status: 'in-progress',
    language: 'en',
    themes: ['mobility', 'social-inclusion'],
    sdg_goals: ['11'],
    sdg_targets: '11.2',
    kpi_codes: 'EC:I:T:1C',
    technologies: 'night bus network',
    deliverables: ['itu-t-y-4903'],
    result_label_1: 'Night trips',
    result_value_1: '1200',
    result_unit_1: 'trips a month',
    result_date_1: '2025-05-31',
    sex_disaggregated: 'yes',
    gender_participation: 'Nurses, most of them women, chose the stops.',
    body: '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"The full story."}]}]}',
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`test form does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.input;
}

describe.each(testTargets())('case studies on $name', (target) => {
  let db: Database;
  let ids: Record<string, string>;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);

  beforeAll(async () => {
    db = await target.open();
    const rows = await db.query<{ slug: string; id: string }>(
      `select slug, id from public.hubs union all select slug, id from public.cities
       union all select slug, id from public.organizations`,
    );
    ids = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
  });
  afterAll(() => db.close());

  it('takes a case study from draft through changes requested to published, keeping comments and history', async () => {
    const created = await as('cityEditor', (rdb) =>
      createCaseStudy(rdb, {
        leadCityId: ids['demo-fjordby']!,
        userId: userIdOf('cityEditor'),
        wording,
        form: form({ partner_org_1: ids['demo-sensorwerk']!, partner_role_1: 'operator' }),
        submit: true,
        note: 'Ready for the autumn review.',
      }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const slug = created.slug;

    // Only the city's editors, its hub's coordinators and admins see it before it is published.
    expect(await as('anon', (rdb) => findCaseStudy(rdb, slug))).toBeNull();
    expect(await as('otherCityEditor', (rdb) => findCaseStudy(rdb, slug))).toBeNull();
    expect(await as('otherCoordinator', (rdb) => findCaseStudy(rdb, slug))).toBeNull();
    const queue = await as('coordinator', (rdb) => listCaseStudiesToReview(rdb));
    expect(queue.map((item) => item.slug)).toContain(slug);
    expect(
      (await as('otherCoordinator', (rdb) => listCaseStudiesToReview(rdb))).map((i) => i.slug),
    ).not.toContain(slug);

    const submitted = (await as('coordinator', (rdb) => findCaseStudy(rdb, slug)))!;
    expect(submitted.status).toBe('submitted');
    const reviewed = { ...submitted, cityHubs: [{ id: ids['demo-nordic-hub']! }] };
    const noComment = await as('coordinator', (rdb) =>
      reviewCaseStudy(rdb, {
        caseStudy: reviewed,
        userId: userIdOf('coordinator'),
        wording,
        form: { decision: 'request_changes', comment: '', verify_hub: '' },
      }),
    );
    expect(noComment).toEqual({
      ok: false,
      errors: [{ field: 'comment', message: 'caseStudy.review.error.commentRequired' }],
    });
    const changes = await as('coordinator', (rdb) =>
      reviewCaseStudy(rdb, {
        caseStudy: reviewed,
        userId: userIdOf('coordinator'),
        wording,
        form: {
          decision: 'request_changes',
          comment: 'Please add the baseline of the night trips.',
          verify_hub: '',
        },
      }),
    );
    expect(changes).toEqual({ ok: true, decision: 'request_changes' });
    // The city editor cannot publish it, not even by hand.
    await expect(
      as('cityEditor', (rdb) =>
        rdb.query("update public.case_studies set status = 'published' where slug = $1", [slug]),
      ),
    ).rejects.toMatchObject({ code: '42501' });

    const fixed = await as('cityEditor', (rdb) =>
      updateCaseStudy(rdb, {
        caseStudy: submitted,
        userId: userIdOf('cityEditor'),
        wording,
        form: form({
          partner_org_1: ids['demo-sensorwerk']!,
          partner_role_1: 'operator',
          result_baseline_1: '0',
        }),
        submit: true,
        note: 'Baseline added.',
      }),
    );
    expect(fixed.ok).toBe(true);
    const resubmitted = (await as('coordinator', (rdb) => findCaseStudy(rdb, slug)))!;
    const published = await as('coordinator', (rdb) =>
      reviewCaseStudy(rdb, {
        caseStudy: { ...resubmitted, cityHubs: [{ id: ids['demo-nordic-hub']! }] },
        userId: userIdOf('coordinator'),
        wording,
        form: { decision: 'publish', comment: 'Thank you!', verify_hub: ids['demo-nordic-hub']! },
      }),
    );
    expect(published).toEqual({ ok: true, decision: 'publish' });

    // The mail each step owed: the Nordic hub's coordinators on each submission,
    // the editor on each decision; nobody about their own move, nothing left unsent.
    const mails = await db.query<{ to: string; kind: string; subject: string; body: string }>(
      `select o.to_email as to, o.kind, o.subject, o.body_text as body from private.outbox o
        where o.kind like 'cases.%' and o.body_text like '%/case-studies/' || $1 || '%'
        order by o.created_at, o.kind, o.to_email`,
      [slug],
    );
    const coordinators = await db.query<{ email: string }>(
      `select distinct u.email::text as email from public.memberships m join auth.users u on u.id = m.user_id
        where m.role = 'hub_coordinator' and m.hub_id = $1 order by 1`,
      [ids['demo-nordic-hub']],
    );
    const editor = 'city@demo.u4ssc.local';
    expect(mails.map((mail) => [mail.kind, mail.to])).toEqual([
      ...coordinators.map((c) => ['cases.submitted', c.email]),
      ['cases.changes_requested', editor],
      ...coordinators.map((c) => ['cases.submitted', c.email]),
      ['cases.published', editor],
    ]);
    expect(mails.at(-1)!.subject).toBe('Published: Night buses for shift workers');
    expect(mails.at(-1)!.body).toContain(`http://localhost:4321/case-studies/${slug}`);
    expect(mails[coordinators.length]!.body).toContain(`/case-studies/${slug}/edit`);
    expect(await db.query('select 1 from private.notices')).toEqual([]);

    const seen = (await as('anon', (rdb) => findCaseStudy(rdb, slug)))!;
    expect(seen.status).toBe('published');
    expect(seen.verifiedByHubName).toBe('Nordic Hub (demo)');
    expect(seen.results[0]).toMatchObject({ value: 1200, baseline: 0, unit: 'trips a month' });
    expect(seen.partners.map((p) => p.slug)).toEqual(['demo-sensorwerk']);

    const comments = await as('cityEditor', (rdb) => listCaseStudyComments(rdb, seen.id));
    expect(comments.map((c) => [c.decision, c.body])).toEqual([
      ['submitted', 'Ready for the autumn review.'],
      ['changes_requested', 'Please add the baseline of the night trips.'],
      ['submitted', 'Baseline added.'],
      ['published', 'Thank you!'],
    ]);
    expect(await as('member', (rdb) => listCaseStudyComments(rdb, seen.id))).toEqual([]);
    await expect(as('anon', (rdb) => listCaseStudyComments(rdb, seen.id))).rejects.toMatchObject({
      code: '42501',
    });
    const history = await as('coordinator', (rdb) => listCaseStudyRevisions(rdb, seen.id));
    expect(history.map((r) => r.action).reverse()).toEqual([
      'created',
      'submitted',
      'changes_requested',
      'edited',
      'submitted',
      'published',
    ]);
    expect(history.find((r) => r.action === 'edited')!.changedFields).toContain('results');
    // Links written in the same save join that save's revision.
    expect(history.at(-1)!.changedFields).toEqual(
      expect.arrayContaining(['partners', 'kpis', 'deliverables']),
    );

    // Shown under its facets, on the hub, city and deliverable pages, in search.
    const listed = await as('anon', (rdb) =>
      listCaseStudies(
        rdb,
        parseCaseStudyFilters({ theme: 'mobility', sdg: '11', hub: 'demo-nordic-hub' }).filters,
      ),
    );
    expect(listed.items.map((item) => item.slug)).toContain(slug);
    for (const connection of [
      { hubId: ids['demo-nordic-hub']! },
      { cityId: ids['demo-fjordby']! },
      { deliverableSlug: 'itu-t-y-4903' },
      { organizationId: ids['demo-sensorwerk']! },
    ])
      expect(
        (await as('anon', (rdb) => listConnectedCaseStudies(rdb, connection, 50))).map(
          (item) => item.slug,
        ),
      ).toContain(slug);
    const [record] = await as('anon', (rdb) =>
      rdb.query<{ links: { relation: string; title: string }[]; hubs: string[] }>(
        "select links, hubs from public.search_documents where type = 'case_study' and url = $1",
        [`/case-studies/${slug}`],
      ),
    );
    expect(record!.hubs).toEqual(['demo-nordic-hub']);
    expect(record!.links.slice(0, 3).map((l) => [l.relation, l.title])).toEqual([
      ['applies', 'ITU-T Y.4903/L.1603'],
      ['organization', 'Sensorwerk GmbH (demo)'],
      ['city', 'Fjordby (demo)'],
    ]);

    // Unpublishing takes it off the public pages and out of search at once.
    const unpublished = await as('cityEditor', (rdb) =>
      changeCaseStudyStatus(rdb, {
        caseStudy: seen,
        userId: userIdOf('cityEditor'),
        wording,
        change: 'unpublish',
      }),
    );
    expect(unpublished).toEqual({ ok: true });
    expect(await as('anon', (rdb) => findCaseStudy(rdb, slug))).toBeNull();
    const [gone] = await as('anon', (rdb) =>
      rdb.query<{ n: number }>(
        'select count(*)::int as n from public.search_documents where url = $1',
        [`/case-studies/${slug}`],
      ),
    );
    expect(gone!.n).toBe(0);
  });

  it('refuses unknown KPI codes, deliverables, partners and cities, naming each value, and saves nothing', async () => {
    const count = () =>
      db.query<{ n: number }>('select count(*)::int as n from public.case_studies');
    const before = (await count())[0]!.n;
    const outcome = await as('cityEditor', (rdb) =>
      createCaseStudy(rdb, {
        leadCityId: ids['demo-fjordby']!,
        userId: userIdOf('cityEditor'),
        wording,
        form: form({
          kpi_codes: 'EC:I:T:1C, EC:ICT:ICT:9C',
          deliverables: ['itu-t-y-4903', 'itu-t-y-9999'],
          partner_org_1: ids['demo-pending-mobility']!,
          partner_role_1: 'funder',
          partner_city_1: 'atlantis',
        }),
        submit: false,
      }),
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          field: 'kpi_codes',
          message: 'caseStudy.error.kpiUnknown',
          params: { value: 'EC:ICT:ICT:9C' },
        },
        {
          field: 'deliverables',
          message: 'caseStudy.error.deliverable',
          params: { value: 'itu-t-y-9999' },
        },
        {
          field: 'partner_org_1',
          message: 'caseStudy.error.partner',
          params: { value: ids['demo-pending-mobility'] },
        },
        { field: 'partner_city_1', message: 'caseStudy.error.city', params: { value: 'atlantis' } },
      ],
    });
    expect((await count())[0]!.n).toBe(before);
    // A city editor of another city cannot write for Fjordby: refused, nothing saved.
    const elsewhere = await as('otherCityEditor', (rdb) =>
      createCaseStudy(rdb, {
        leadCityId: ids['demo-fjordby']!,
        userId: userIdOf('otherCityEditor'),
        wording,
        form: form(),
        submit: false,
      }),
    );
    expect(elsewhere).toEqual({
      ok: false,
      errors: [{ field: 'lead_city', message: 'caseStudy.error.forbidden' }],
    });
    expect((await count())[0]!.n).toBe(before);
    // Submitting needs what a reviewer needs.
    const incomplete = await as('cityEditor', (rdb) =>
      createCaseStudy(rdb, {
        leadCityId: ids['demo-fjordby']!,
        userId: userIdOf('cityEditor'),
        wording,
        form: form({ summary: '', themes: [] }),
        submit: true,
      }),
    );
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok)
      expect(incomplete.errors.map((e) => e.field)).toEqual(['summary', 'themes']);
  });

  it('lets no reviewer approve their own case study', async () => {
    const created = await as('admin', (rdb) =>
      createCaseStudy(rdb, {
        leadCityId: ids['demo-lakeside']!,
        userId: userIdOf('admin'),
        wording,
        form: form({ title: 'Admin-written night buses' }),
        submit: true,
      }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const caseStudy = (await as('admin', (rdb) => findCaseStudy(rdb, created.slug)))!;
    const withHubs = { ...caseStudy, cityHubs: [{ id: ids['demo-nordic-hub']! }] };
    const own = await as('admin', (rdb) =>
      reviewCaseStudy(rdb, {
        caseStudy: withHubs,
        userId: userIdOf('admin'),
        wording,
        form: { decision: 'publish', comment: '', verify_hub: '' },
      }),
    );
    expect(own).toEqual({
      ok: false,
      errors: [{ field: 'decision', message: 'caseStudy.review.error.own' }],
    });
    // The database says the same when the use case is bypassed.
    await expect(
      as('admin', (rdb) =>
        rdb.query("update public.case_studies set status = 'published' where id = $1", [
          caseStudy.id,
        ]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    const other = await as('coordinator', (rdb) =>
      reviewCaseStudy(rdb, {
        caseStudy: withHubs,
        userId: userIdOf('coordinator'),
        wording,
        form: { decision: 'publish', comment: '', verify_hub: '' },
      }),
    );
    expect(other).toEqual({ ok: true, decision: 'publish' });
  });

  it('takes the "Verified by" badge away when the city changes a verified case study', async () => {
    const slug = 'demo-fjordby-on-demand-buses';
    const caseStudy = (await as('cityEditor', (rdb) => findCaseStudy(rdb, slug)))!;
    expect(caseStudy.verifiedByHubName).toBe('Nordic Hub (demo)');
    const edited = await as('cityEditor', (rdb) =>
      rdb.query("update public.case_studies set summary = summary || ' Updated.' where slug = $1", [
        slug,
      ]),
    );
    expect(edited).toEqual([]);
    const after = (await as('anon', (rdb) => findCaseStudy(rdb, slug)))!;
    expect(after.status).toBe('published');
    expect(after.verifiedByHubName).toBeNull();
    const history = await as('coordinator', (rdb) => listCaseStudyRevisions(rdb, after.id));
    expect(history[0]).toMatchObject({ action: 'edited', changedFields: ['summary', 'badge'] });
  });

  it('counts every facet value as the listing filtered by it finds it', async () => {
    const all = await as('anon', (rdb) => listCaseStudies(rdb, parseCaseStudyFilters({}).filters));
    const [published] = await asOwner(db, (tx) =>
      tx.query<{ n: number }>(
        "select count(*)::int as n from public.case_studies where status = 'published'",
      ),
    );
    expect(all.total).toBe(published!.n);
    for (const name of caseStudyFacetNames) {
      expect(all.facets[name].length, name).toBeGreaterThan(0);
      for (const option of all.facets[name]) {
        const filtered = await as('anon', (rdb) =>
          listCaseStudies(rdb, parseCaseStudyFilters({ [name]: option.value }).filters),
        );
        expect(filtered.total, `${name}=${option.value}`).toBe(option.count);
      }
    }
    // Three facets at once; a facet in use keeps counting its other values.
    const three = await as('anon', (rdb) =>
      listCaseStudies(
        rdb,
        parseCaseStudyFilters({ theme: 'water', region: 'americas', status: 'completed' }).filters,
      ),
    );
    expect(three.items.every((item) => item.cityRegion === 'americas')).toBe(true);
    expect(three.facets.region.map((option) => option.value)).toContain('europe');
    // A hub that does not exist matches nothing and is named.
    const unknown = await as('anon', (rdb) =>
      listCaseStudies(rdb, parseCaseStudyFilters({ hub: 'no-such-hub' }).filters),
    );
    expect(unknown).toMatchObject({ total: 0, unknown: ['hub'] });
    // Editors see only published ones here too (their drafts are on their work page).
    const asEditor = await as('cityEditor', (rdb) =>
      listCaseStudies(rdb, parseCaseStudyFilters({}).filters),
    );
    expect(asEditor.total).toBe(all.total);
    const mine = await as('cityEditor', (rdb) => listManagedCaseStudies(rdb));
    expect(mine.map((item) => item.status)).toEqual(
      expect.arrayContaining(['draft', 'submitted', 'published']),
    );
    expect(mine.every((item) => item.citySlug === 'demo-fjordby')).toBe(true);
  });

  it('publishes open data of published case studies only, naming verified partners only', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        `insert into public.case_study_partners (case_study_id, organization_id, role)
         values ($1, $2, 'advisor')`,
        [demoCaseStudyId('demo-lakeside-smart-water-meters'), ids['demo-pending-mobility']],
      );
      await tx.query(
        "select set_config('role', 'anon', true), set_config('request.jwt.claims', '{\"role\":\"anon\"}', true)",
      );
      const { items, total } = await listCaseStudiesForExport(
        tx,
        parseCaseStudyFilters({ theme: 'water' }).filters,
        { limit: 100, offset: 0 },
      );
      expect(total).toBe(items.length);
      const meters = items.find((item) => item.slug === 'demo-lakeside-smart-water-meters')!;
      expect(meters.partners.map((p) => p.slug)).toEqual([
        'demo-sensorwerk',
        'demo-nordic-energy-agency',
      ]);
      expect(items.map((item) => item.slug)).not.toContain('demo-lakeside-lake-restoration');
    });
  });

  it("gives the partners domain each city's published case studies as needs, and offers verified partners only", async () => {
    // Published case studies of Fjordby (lead or partner city), as the seed has them.
    const published = await asOwner(db, (tx) =>
      tx.query<{ title: string }>(
        `select cs.title from public.case_studies cs
          where cs.status = 'published'
            and (cs.lead_city_id = $1 or exists (select 1 from public.case_study_cities cc
                                                  where cc.case_study_id = cs.id and cc.city_id = $1))`,
        [ids['demo-fjordby']],
      ),
    );
    expect(published.length).toBeGreaterThan(0);
    const fjordby = await as('anon', (rdb) => findCityForMatching(rdb, 'demo-fjordby'));
    // Open procurement notices are needs too (tests/integration/procurement-feeds.test.ts).
    const caseStudyNeeds = fjordby!.needs.filter((need) => need.kind !== 'procurement');
    const titles = caseStudyNeeds.map((need) => need.title);
    expect(titles).toHaveLength(Math.min(published.length, 10));
    expect(published.map((row) => row.title)).toEqual(expect.arrayContaining(titles));
    expect(
      caseStudyNeeds.every(
        (need) => need.kind === 'case-study' && need.url?.startsWith('/case-studies/'),
      ),
    ).toBe(true);
    // Drafts and case studies in review are nobody's need, even to their own editor.
    const editorView = await as('cityEditor', (rdb) => findCityForMatching(rdb, 'demo-fjordby'));
    expect(editorView!.needs.map((need) => need.id).sort()).toEqual(
      fjordby!.needs.map((need) => need.id).sort(),
    );
    const everyCity = await as('anon', (rdb) => listCitiesForMatching(rdb));
    expect(everyCity.find((city) => city.slug === 'demo-fjordby')!.needs).toEqual(fjordby!.needs);

    // The organization page's list: published case studies it is a partner of.
    const sensorwerk = await as('anon', (rdb) =>
      listConnectedCaseStudies(rdb, { organizationId: ids['demo-sensorwerk']! }, 50),
    );
    expect(sensorwerk.length).toBeGreaterThan(0);
    expect(sensorwerk.every((item) => item.status === 'published')).toBe(true);

    // The partner picker: verified organizations only (never pending or declined ones).
    const options = await as('cityEditor', (rdb) => listPartnerOptions(rdb));
    const slugs = options.map((option) => option.slug);
    expect(slugs).toEqual(expect.arrayContaining(['demo-sensorwerk', 'demo-urban-data-lab']));
    expect(slugs).not.toContain('demo-pending-mobility');
    expect(slugs).not.toContain('demo-declined-gadgets');
  });

  it('bands populations in SQL exactly as src/lib/taxonomy/bands.ts does', async () => {
    const values = populationBands.flatMap((band) => [
      band.min,
      band.min + 1,
      (band.max ?? 1e8) - 1,
    ]);
    const rows = await asOwner(db, (tx) =>
      tx.query<{ n: number; band: string }>(
        'select n, private.population_band(n) as band from unnest($1::int[]) as n',
        [values],
      ),
    );
    for (const row of rows) expect(row.band, String(row.n)).toBe(populationBandOf(row.n));
  });

  it('ranks peers on the seed with their reasons, published case studies only', async () => {
    const found = await as('anon', (rdb) =>
      findPeersForChallenge(rdb, {
        themes: ['water'],
        sdgGoals: [6],
        sdgTargets: [],
        kpiCodes: ['EC:I:WS:3C'],
        technologies: [],
        populationBand: '50k-200k',
        region: 'europe',
        text: 'leak detection',
      }),
    );
    expect(found.projects[0]!.candidate.slug).toBe('demo-lakeside-smart-water-meters');
    expect(found.projects[0]!.reasons.map((r) => r.kind)).toEqual([
      'sdgGoals',
      'themes',
      'kpis',
      'words',
      'population',
      'region',
    ]);
    expect(found.projects.map((m) => m.candidate.slug)).not.toContain(
      'demo-lakeside-lake-restoration',
    );
    expect(found.cities[0]!.candidate.slug).toBe('demo-lakeside');
    const lotus = (await as('anon', (rdb) =>
      findCaseStudy(rdb, 'demo-lotus-bay-flood-early-warning'),
    ))!;
    const similar = await as('anon', (rdb) =>
      findSimilarCaseStudies(rdb, {
        id: lotus.id,
        themes: lotus.themes,
        sdgGoals: lotus.sdgGoals,
        sdgTargets: lotus.sdgTargets,
        kpiCodes: lotus.kpis.map((k) => k.code),
        technologies: lotus.technologies,
        populationBand: '200k-500k',
        region: lotus.cityRegion,
      }),
    );
    expect(similar.map((m) => m.candidate.slug)).not.toContain(lotus.slug);
    expect(similar.every((m) => m.reasons.length > 0)).toBe(true);
    // Fjordby's own flood warning waits for review: it is no one's peer yet.
    expect(similar.map((m) => m.candidate.slug)).not.toContain('demo-fjordby-flood-warning');
    const fjordby = (await as('anon', (rdb) => loadCityPeerProfile(rdb, ids['demo-fjordby']!)))!;
    const peers = await as('anon', (rdb) => findPeerCities(rdb, fjordby));
    expect(peers.map((m) => m.candidate.slug)).not.toContain('demo-fjordby');
    expect(peers[0]!.candidate.slug).toBe('demo-lakeside');
  });

  it('lets a city editor change the profile, and only an admin the name and KPI facts', async () => {
    const profile = cityProfileFormSchema.parse({
      population: '190 000',
      population_year: '2025',
      sdg_priorities: ['11', '7'],
      profile: 'An invented harbour city.',
      contact_email: 'smartcity@fjordby.example',
      contact_is_role_address: 'yes',
      website_url: 'https://fjordby.example',
    });
    expect(profile.population).toBe(190000);
    expect(profile.sdg_priorities).toEqual([7, 11]);
    const saved = await as('cityEditor', (rdb) =>
      updateCityProfile(rdb, { cityId: ids['demo-fjordby']!, profile }),
    );
    expect(saved).toEqual({ ok: true });
    const record = {
      name: 'Fjordby renamed',
      country: 'NO' as const,
      region: 'europe' as const,
      kpi_year: 2024,
      kpi_verified: 'yes' as const,
      kpi_report_url: null,
    };
    expect(
      await as('cityEditor', (rdb) =>
        updateCityProfile(rdb, { cityId: ids['demo-fjordby']!, profile, record }),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'form', message: 'cities.profile.error.forbidden' }],
    });
    expect(
      await as('otherCityEditor', (rdb) =>
        updateCityProfile(rdb, { cityId: ids['demo-fjordby']!, profile }),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'form', message: 'cities.profile.error.forbidden' }],
    });
    const [row] = await db.query<{ name: string; population: number }>(
      'select name, population from public.cities where slug = $1',
      ['demo-fjordby'],
    );
    expect(row).toEqual({ name: 'Fjordby (demo)', population: 190000 });
    // The case studies of Fjordby follow its new size band in their facets.
    const missing = cityProfileFormSchema.safeParse({
      population: '1000',
      contact_email: 'x@y.org',
    });
    expect(missing.success).toBe(false);
  });

  it('filters cities by hub, size, KPI status and the themes of their case studies', async () => {
    const listed = (query: Record<string, string>) =>
      as('anon', async (rdb) => {
        const { parseCityFilters } = await import('../../src/lib/cities/city-filters');
        return listCities(rdb, parseCityFilters(query).filters);
      });
    const andean = await listed({ hub: 'demo-andean-hub' });
    expect(andean.items.map((city) => city.slug).sort()).toEqual([
      'demo-costa-clara',
      'demo-riverton',
      'demo-sierra-alta',
    ]);
    const verified = await listed({ kpi: 'verified' });
    expect(verified.items.map((city) => city.slug)).toContain('karmoy');
    expect(verified.items.every((city) => city.kpiVerified === true)).toBe(true);
    expect(verified.facets.kpi.find((o) => o.value === 'implemented')!.count).toBeGreaterThan(
      verified.total,
    );
    const water = await listed({ theme: 'water', size: '50k-200k' });
    expect(water.items.map((city) => city.slug)).toContain('demo-lakeside');
    expect(water.items.map((city) => city.slug)).not.toContain('demo-oasis-wells');
  });
});
