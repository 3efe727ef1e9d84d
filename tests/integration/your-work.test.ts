import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { listUnpublishedNews } from '../../src/server/news/queries';
import { loadYourWork } from '../../src/server/work/load-your-work';
import type { WorkSection } from '../../src/server/work/work-section';
import { testTargets } from '../support/databases';
import { allPersonas, claimsOf, userIdOf, type Persona } from '../support/personas';

type Member = Exclude<Persona, 'anon'>;

/** Every link a section offers: its title, its items, "see all" and its actions. */
function linksOf(sections: readonly WorkSection[]): string[] {
  return sections.flatMap((section) => [
    ...(section.href ? [section.href] : []),
    ...section.waiting.map((entry) => entry.href),
    ...section.groups.flatMap((group) => [
      ...group.items.flatMap((item) => (item.href ? [item.href] : [])),
      ...(group.more ? [group.more.href] : []),
    ]),
    ...section.actions.map((action) => action.href),
  ]);
}

/** Links only hub coordinators (or admins) can follow without a 403. */
const coordinatorLink =
  /^\/(news\/new|events\/new|news\/manage|events\/manage|hubs\/[^/]+\/(applications|edit)|news\/[^/]+\/edit|events\/[^/]+\/edit)(\?|$)/;

describe.each(testTargets())('the "Your work" page on $name', (target) => {
  let db: Database;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Member, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);
  const workOf = (persona: Member) =>
    as(persona, (rdb) => loadYourWork(rdb, claimsOf(persona)!, getTranslator('en')));
  const idsOf = async (persona: Member) =>
    (await workOf(persona)).sections.map((section) => section.id);

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('shows each role exactly its own blocks', async () => {
    expect(await idsOf('admin')).toEqual(['admin', 'case-studies-review', 'organization-reviews']);
    expect(await idsOf('coordinator')).toEqual([
      'hub-austria',
      'hub-demo-nordic-hub',
      'news',
      'events',
      'case-studies-review',
      'organization-reviews',
    ]);
    expect(await idsOf('otherCoordinator')).toEqual([
      'hub-demo-andean-hub',
      'news',
      'events',
      'case-studies-review',
      'organization-reviews',
    ]);
    expect(await idsOf('cityEditor')).toEqual([
      'case-studies',
      'kpi-assessments',
      'procurement',
      'city-demo-fjordby',
    ]);
    expect(await idsOf('orgMember')).toEqual([
      'procurement-opportunities',
      'organization-demo-pending-mobility',
      'organization-demo-sensorwerk',
    ]);
    expect(await idsOf('orgColleague')).toEqual([
      'procurement-opportunities',
      'organization-demo-declined-gadgets',
      'organization-demo-sensorwerk',
      'organization-demo-urban-data-lab',
    ]);
    expect(await idsOf('member')).toEqual(['getting-started']);
  });

  it('never offers coordinator links to members, city editors or organization members', async () => {
    for (const persona of allPersonas) {
      if (persona === 'anon') continue;
      const links = linksOf((await workOf(persona)).sections);
      const forCoordinators = links.filter((link) => coordinatorLink.test(link));
      if (persona === 'coordinator' || persona === 'otherCoordinator') {
        expect(forCoordinators.length, persona).toBeGreaterThan(0);
      } else {
        expect(forCoordinators, persona).toEqual([]);
      }
    }
  });

  it("counts what waits for a coordinator: their hubs' requests and drafts, nobody else's", async () => {
    const [andes, fjordby] = await Promise.all([
      db.query<{ id: string }>(`select id from public.hubs where slug = 'demo-andean-hub'`),
      db.query<{ id: string }>(`select id from public.cities where slug = 'demo-fjordby'`),
    ]);
    await db.query(
      `insert into public.hub_membership_applications (hub_id, city_id, applicant_id, message)
       values ($1, $2, $3, 'please')`,
      [andes[0]!.id, fjordby[0]!.id, userIdOf('cityEditor')],
    );
    const andean = await workOf('otherCoordinator');
    expect(andean.sections[0]!.waiting).toEqual([
      {
        label: '1 membership request for Andean Region Hub (demo)',
        count: 1,
        href: '/hubs/demo-andean-hub/applications',
      },
    ]);
    expect(andean.sections[0]!.groups[0]!.items.map((item) => item.label)).toEqual([
      'Fjordby (demo)',
    ]);
    // The Austrian draft of the seed is Clara's, not Andrés's.
    const claraNews = (await workOf('coordinator')).sections.find((s) => s.id === 'news')!;
    expect(claraNews.waiting.map((entry) => entry.label)).toEqual(['1 news draft']);
    const andresNews = andean.sections.find((section) => section.id === 'news')!;
    expect(andresNews.waiting).toEqual([]);
    expect(andresNews.groups.flatMap((group) => group.items)).toEqual([]);
    // The city editor sees where the request stands, without coordinator links.
    const city = (await workOf('cityEditor')).sections.find((s) => s.id === 'city-demo-fjordby')!;
    const requests = city.groups.find((group) => group.heading === 'Requests to join hubs')!;
    expect(requests.items).toMatchObject([
      { label: 'Andean Region Hub (demo)', badge: { label: 'Waiting for a decision' } },
    ]);
  });

  it("lists the case studies waiting for each coordinator's review, and what needs each city", async () => {
    const titles = (section: { groups: { items: { label: string }[] }[] } | undefined) =>
      section?.groups.flatMap((group) => group.items.map((item) => item.label)) ?? [];
    const nordic = (await workOf('coordinator')).sections.find(
      (s) => s.id === 'case-studies-review',
    );
    expect(titles(nordic)).toEqual(['Flood warnings by text message for the river districts']);
    const andean = (await workOf('otherCoordinator')).sections.find(
      (s) => s.id === 'case-studies-review',
    );
    expect(titles(andean)).toEqual(['Feeder buses for the new bus rapid transit line']);
    // Platform admins review every hub's submissions.
    const every = (await workOf('admin')).sections.find((s) => s.id === 'case-studies-review');
    expect(titles(every).sort()).toEqual([
      'Feeder buses for the new bus rapid transit line',
      'Flood warnings by text message for the river districts',
    ]);
    const lakeside = (await workOf('otherCityEditor')).sections.find(
      (s) => s.id === 'case-studies',
    )!;
    expect(lakeside.waiting).toEqual([
      { label: '1 case study with changes requested', count: 1, href: '/case-studies/manage' },
    ]);
    expect(titles(lakeside)).toEqual(['Bringing Lake Lehto back to life']);
    const fjordby = (await workOf('cityEditor')).sections.find((s) => s.id === 'case-studies')!;
    expect(fjordby.waiting).toEqual([]);
    expect(titles(fjordby).sort()).toEqual([
      'Coding clubs for girls in Fjordby libraries',
      'Flood warnings by text message for the river districts',
    ]);
  });

  it("lists a city editor's own processes, drafts included, and nobody else's", async () => {
    const fjordby = (await workOf('cityEditor')).sections.find((s) => s.id === 'procurement')!;
    const items = fjordby.groups[0]!.items;
    expect(items.every((item) => item.detail?.startsWith('Fjordby (demo)'))).toBe(true);
    expect(
      items.find((item) => item.label === 'Free Wi-Fi in the harbour district')?.badge?.label,
    ).toBe('Draft');
    const lakeside = (await workOf('otherCityEditor')).sections.find(
      (s) => s.id === 'procurement',
    )!;
    expect(lakeside.groups[0]!.items.map((item) => item.label)).toEqual([
      'Finding leaks in the water network',
    ]);
    const vendor = (await workOf('orgMember')).sections.find(
      (s) => s.id === 'procurement-opportunities',
    )!;
    expect(vendor.groups[0]!.items.map((item) => item.label)).toEqual([
      'Safer walking routes to school',
    ]);
  });

  it('lists a member’s registrations, with where they stand', async () => {
    const [event] = await db.query<{ id: string; title: string }>(
      `select id, title from public.events
        where registration_mode = 'internal' and published_at <= now() and ends_at > now()
        order by starts_at limit 1`,
    );
    await db.query('insert into public.event_registrations (event_id, user_id) values ($1, $2)', [
      event!.id,
      userIdOf('member'),
    ]);
    const work = await workOf('member');
    expect(work.sections.map((section) => section.id)).toEqual([
      'registrations',
      'getting-started',
    ]);
    expect(work.sections[0]!.groups[0]!.items).toMatchObject([
      { label: event!.title, badge: { status: 'verified', label: 'Place confirmed' } },
    ]);
  });

  it('bounds every list and says how many there are', async () => {
    const [hub] = await db.query<{ id: string }>(
      `select id from public.hubs where slug = 'austria'`,
    );
    for (let i = 0; i < 7; i += 1) {
      await db.query(
        `insert into public.news_items (hub_id, slug, title, summary, body, author_id)
         values ($1, $2, $3, 's', '{"type":"doc","content":[]}'::jsonb, $4)`,
        [hub!.id, `bounded-draft-${i}`, `Bounded draft ${i}`, userIdOf('coordinator')],
      );
    }
    const news = await as('coordinator', (rdb) => listUnpublishedNews(rdb, [hub!.id], 5));
    expect(news.drafts.items).toHaveLength(5);
    expect(news.drafts.total).toBe(8);
    const section = (await workOf('coordinator')).sections.find((s) => s.id === 'news')!;
    expect(section.groups[0]).toMatchObject({ total: 8, more: { href: '/news/manage' } });
    expect(section.groups[0]!.items).toHaveLength(5);
  });

  it('tells organization admins what waits in their organization, and reviewers what to verify', async () => {
    const lab = (await workOf('orgColleague')).sections.find(
      (section) => section.id === 'organization-demo-urban-data-lab',
    )!;
    expect(lab.waiting).toEqual([
      {
        label: '1 contact request to Urban Data Lab (demo) not answered yet',
        count: 1,
        href: '/organizations/demo-urban-data-lab/requests',
      },
    ]);
    // A plain member of Sensorwerk is not offered its admins' pages.
    const sensorwerk = (await workOf('orgColleague')).sections.find(
      (section) => section.id === 'organization-demo-sensorwerk',
    )!;
    expect(linksOf([sensorwerk])).not.toContain('/organizations/demo-sensorwerk/edit');
    expect(linksOf([sensorwerk])).toContain('/organizations/demo-sensorwerk/team');

    const review = (section: WorkSection[]) =>
      section.find((s) => s.id === 'organization-reviews')!;
    const nordic = review((await workOf('coordinator')).sections);
    expect(nordic.groups[0]!.items.map((item) => item.label)).toEqual([
      'Pending Mobility Ltd (demo)',
    ]);
    expect(nordic.waiting[0]).toMatchObject({ count: 1, href: '/organizations/review' });
    // The Andean coordinator reviews none of them: nothing waits.
    const andean = review((await workOf('otherCoordinator')).sections);
    expect(andean.waiting).toEqual([]);
    expect(andean.groups[0]!.items).toEqual([]);
  });
});
