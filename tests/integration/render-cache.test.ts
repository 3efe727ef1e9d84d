import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbeddedVersionSource,
  createPostgresVersionSource,
  type CacheState,
  type DataVersionSource,
} from '../../src/server/cache/data-version';
import { RenderCache, type Lookup } from '../../src/server/cache/render-cache';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { applyToHub } from '../../src/server/hubs/apply-to-hub';
import { decideMembershipApplication } from '../../src/server/hubs/decide-membership-application';
import { findHub, listHubCities } from '../../src/server/hubs/queries';
import { removeHubMember } from '../../src/server/hubs/remove-hub-member';
import { createNewsItem } from '../../src/server/news/create-news-item';
import { deleteNewsItem } from '../../src/server/news/delete-news-item';
import { parseNewsForm } from '../../src/server/news/news-form';
import { findNewsItem, listNews } from '../../src/server/news/queries';
import { updateNewsItem } from '../../src/server/news/update-news-item';
import {
  changeOffering,
  type OfferingAction,
} from '../../src/server/organizations/manage-offerings';
import { listOfferings } from '../../src/server/organizations/queries';
import { createLocalDiskStorage } from '../../src/server/storage/local-disk-storage';
import { testTargets } from '../support/databases';
import { testWording } from '../support/mail';
import { claimsOf, userIdOf, type Persona } from '../support/personas';

const storage = createLocalDiskStorage('/tmp/portal-test-render-cache-uploads');

function news(title: string) {
  const parsed = parseNewsForm({
    title,
    summary: `${title} summary`,
    body: JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: title }] }],
    }),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

/**
 * The render cache against the real database (docs/render-cache.md): the
 * data version moves with every committed change a public page can show, and
 * with nothing else; a page cached before a change is never served after it;
 * a page expires at the next visibility change (the cache's clock is moved,
 * as docs/testing-rules.md "Time" asks, not waited for).
 */
describe.each(testTargets())('render cache on $name', (target) => {
  let db: Database;
  let source: DataVersionSource;
  let now = Date.now();
  let cache: RenderCache;
  let austria: string;
  let nordic: string;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);
  const version = async () =>
    (await db.query<{ v: string }>('select version::text as v from private.data_version'))[0]!.v;
  const suffix = `${target.name}-${Date.now().toString(36)}`;

  /**
   * A visitor's page as the front door and the middleware make it: looked up,
   * else the state read, the page rendered from the domain's reads as anon,
   * and stored under that state.
   */
  async function visit(key: string, render: (rdb: RequestDb) => Promise<unknown>) {
    const lookup = await cache.lookup(key);
    if (lookup.page)
      return { hit: true, body: lookup.page.variants.br!.body.toString('utf8'), lookup };
    const state = await cache.stateFor(lookup);
    const body = JSON.stringify(await as('anon', render));
    storeRendered(lookup, state, body);
    return { hit: false, body, lookup };
  }

  function storeRendered(lookup: Lookup, state: CacheState, body: string) {
    const bytes = Buffer.from(body);
    cache.store({
      key: lookup.key,
      version: state.version,
      expiresAt: state.nextChangeAt,
      status: 200,
      headers: [],
      // Stored as is: what matters here is which body comes back, not its coding.
      variants: { br: { body: bytes, etag: 'br' }, gzip: { body: bytes, etag: 'gz' } },
      identityEtag: 'id',
    });
  }

  beforeAll(async () => {
    db = await target.open({ poolSize: 4 });
    const base =
      target.name === 'postgres'
        ? createPostgresVersionSource(db)
        : createEmbeddedVersionSource(connect);
    source = {
      read: () => base.read(),
      readState: () => base.readState(),
      close: async () => {},
    };
    cache = new RenderCache({
      source,
      maxBytes: 8 * 1024 * 1024,
      buildId: 'test',
      clock: () => now,
    });
    austria = (
      await db.query<{ id: string }>(`select id from public.hubs where slug = 'austria'`)
    )[0]!.id;
    nordic = (
      await db.query<{ id: string }>(`select id from public.hubs where slug = 'demo-nordic-hub'`)
    )[0]!.id;
    // The embedded source starts listening on its first read, as the server's first request does.
    await source.read();
  });
  afterAll(() => db.close());

  it('bumps the version once per committed transaction, at commit, and for nothing else', async () => {
    const before = await version();
    await db.transaction(async (tx) => {
      await tx.query(`update public.hubs set name = name || '' where slug = 'austria'`);
      await tx.query(`update public.cities set name = name || '' where slug = 'tromso'`);
      await tx.query(`update public.hubs set name = name || '' where slug = 'austria'`);
      // Not visible to others before the commit.
      expect(await source.read()).not.toMatch(new RegExp(`^${BigInt(before) + 1n}-`));
    });
    expect(await version()).toBe(String(BigInt(before) + 1n));

    // A rolled-back transaction, a read, and writes to allow-listed tables only.
    await db
      .transaction(async (tx) => {
        await tx.query(`update public.hubs set name = name || '' where slug = 'austria'`);
        throw new Error('roll back');
      })
      .catch(() => {});
    await as('anon', (rdb) => findHub(rdb, 'austria'));
    await as('anon', (rdb) =>
      rdb.query(`select private.rate_limit('render-cache-test', $1, 5, 60, true)`, [suffix]),
    );
    expect(await version()).toBe(String(BigInt(before) + 1n));

    // A write inside a savepoint that rolls back, then one that stays: one bump.
    await db.transaction(async (tx) => {
      await tx
        .savepoint(async (inner) => {
          await inner.query(`update public.hubs set name = name || '' where slug = 'austria'`);
          throw new Error('undo this part');
        })
        .catch(() => {});
      await tx.query(`update public.cities set name = name || '' where slug = 'tromso'`);
    });
    expect(await version()).toBe(String(BigInt(before) + 2n));
  });

  it('reads the committed version on the next read, from another connection', async () => {
    for (let i = 0; i < 20; i += 1) {
      await db.query(`update public.hubs set name = name || '' where slug = 'austria'`);
      const token = await source.read();
      expect(token.split('-')[0]).toBe(await version());
    }
  });

  it('shows each kind of change on the next visitor request', async () => {
    const title = `Cache exactness ${suffix}`;
    const listing = (rdb: RequestDb) => listNews(rdb, { page: 1 });
    const seen = async () => (await visit('/news', listing)).body.includes(title);

    // Publish.
    expect(await seen()).toBe(false);
    expect((await visit('/news', listing)).hit).toBe(true);
    const created = await as('coordinator', (rdb) =>
      createNewsItem(rdb, storage, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        news: news(title),
        publishedAt: new Date(Date.now() - 1000),
      }),
    );
    if (!created.ok) throw new Error('not created');
    expect(await seen()).toBe(true);

    // Edit.
    const item = (await as('coordinator', (rdb) => findNewsItem(rdb, created.slug)))!;
    const edit = (publishedAt: Date | null, newTitle = title) =>
      as('coordinator', (rdb) =>
        updateNewsItem(rdb, storage, {
          id: created.id,
          hubId: austria,
          userId: userIdOf('coordinator'),
          currentCoverId: null,
          news: news(newTitle),
          publishedAt,
        }),
      );
    await edit(item.publishedAt, `${title} edited`);
    expect((await visit('/news', listing)).body).toContain(`${title} edited`);

    // Unpublish.
    await edit(null);
    expect(await seen()).toBe(false);

    // Scheduled for tomorrow: the visitor's page expires exactly then.
    const tomorrow = new Date(Math.floor((Date.now() + 86_400_000) / 1000) * 1000);
    await edit(tomorrow);
    const scheduled = await visit('/news', listing);
    expect(scheduled.body).not.toContain(title);
    expect((await visit('/news', listing)).hit).toBe(true);
    const stored = await cache.lookup('/news');
    expect(stored.page?.expiresAt).toBeLessThanOrEqual(tomorrow.getTime());
    now = tomorrow.getTime();
    expect((await cache.lookup('/news')).page).toBeUndefined();
    now = Date.now();

    // Deletion.
    await edit(new Date(Date.now() - 1000));
    expect(await seen()).toBe(true);
    expect(await as('coordinator', (rdb) => deleteNewsItem(rdb, created.id))).toBe(true);
    expect(await seen()).toBe(false);
  });

  it('shows a membership change on the hub page, and an application alone changes nothing', async () => {
    const page = (rdb: RequestDb) => listHubCities(rdb, nordic);
    const first = await visit('/hubs/demo-nordic-hub', page);
    const cities = JSON.parse(first.body) as { id: string; slug: string }[];
    const city = cities.find((member) => member.slug === 'demo-fjordby')!;
    const removed = await as('coordinator', (rdb) =>
      removeHubMember(rdb, { hubId: nordic, member: { kind: 'city', id: city.id } }),
    );
    expect(removed.ok).toBe(true);
    const after = await visit('/hubs/demo-nordic-hub', page);
    expect(after.hit).toBe(false);
    expect(after.body).not.toContain(city.id);

    // Applying writes only the applications table and a notice (both allow-listed): the page stays cached.
    const applied = await as('cityEditor', (rdb) =>
      applyToHub(
        rdb,
        {
          hubId: nordic,
          userId: userIdOf('cityEditor'),
          applicant: `city:${city.id}`,
          message: 'Back again, please.',
        },
        testWording,
      ),
    );
    if (!applied.ok) throw new Error(`not applied: ${applied.reason}`);
    expect((await visit('/hubs/demo-nordic-hub', page)).hit).toBe(true);

    // The approval adds the city (a trigger writes hub_cities): shown at once.
    const decided = await as('coordinator', (rdb) =>
      decideMembershipApplication(
        rdb,
        {
          hubId: nordic,
          application: applied.id,
          decision: 'approved',
          reason: '',
        },
        testWording,
      ),
    );
    expect(decided.ok).toBe(true);
    const back = await visit('/hubs/demo-nordic-hub', page);
    expect(back.hit).toBe(false);
    expect(back.body).toContain(city.id);
  });

  it("shows an organization's new, edited and removed offering on its public page", async () => {
    const [org] = await db.query<{ id: string }>(
      `select id from public.organizations where slug = 'demo-sensorwerk'`,
    );
    const page = (rdb: RequestDb) => listOfferings(rdb, org!.id);
    const key = '/directory/demo-sensorwerk';
    const title = `Cached offering ${suffix}`;
    const change = (action: OfferingAction) =>
      as('orgMember', (rdb) =>
        changeOffering(rdb, { organizationId: org!.id, userId: userIdOf('orgMember') }, action),
      );
    const fields = {
      description: 'Sensors for the cache test.',
      themes: ['environment' as const],
      sdgs: [11],
    };

    await visit(key, page);
    expect((await visit(key, page)).hit).toBe(true);
    expect((await change({ intent: 'add', title, ...fields })).ok).toBe(true);
    const added = await visit(key, page);
    expect(added.hit).toBe(false);
    const offering = (JSON.parse(added.body) as { id: string; title: string }[]).find(
      (row) => row.title === title,
    );
    expect(offering).toBeDefined();

    expect(
      (
        await change({
          intent: 'edit',
          offering: offering!.id,
          title: `${title} (edited)`,
          ...fields,
        })
      ).ok,
    ).toBe(true);
    const edited = await visit(key, page);
    expect(edited.hit).toBe(false);
    expect(edited.body).toContain(`${title} (edited)`);

    expect((await change({ intent: 'remove', offering: offering!.id })).ok).toBe(true);
    const removed = await visit(key, page);
    expect(removed.hit).toBe(false);
    expect(removed.body).not.toContain(title);
  });

  it('answers 304 from the version: a tag stays current until a change or the next moment', async () => {
    const lookup = await cache.lookup('/tagged');
    const state = await cache.stateFor(lookup);
    const tag = cache.etag('/tagged', state, 'br');
    expect(cache.currentTag(tag, await cache.lookup('/tagged'), 'br')).toBe(tag);
    expect(cache.currentTag(tag, await cache.lookup('/tagged'), 'gzip')).toBeNull();
    expect(cache.currentTag(tag, await cache.lookup('/other'), 'br')).toBeNull();
    await db.query(`update public.hubs set name = name || '' where slug = 'austria'`);
    expect(cache.currentTag(tag, await cache.lookup('/tagged'), 'br')).toBeNull();
  });

  it('knows the next visibility change of scheduled news and of events', async () => {
    const at = async (after: Date) =>
      (
        await db.query<{ at: Date | null }>('select private.next_visibility_change($1) as at', [
          after,
        ])
      )[0]!.at;
    const soon = new Date(Date.now() + 3_600_000);
    const created = await as('coordinator', (rdb) =>
      createNewsItem(rdb, storage, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        news: news(`Scheduled ${suffix}`),
        publishedAt: soon,
      }),
    );
    if (!created.ok) throw new Error('not created');
    const next = await at(new Date());
    expect(next).not.toBeNull();
    expect(next!.getTime()).toBeLessThanOrEqual(soon.getTime());
    // An event's end is a moment too (it leaves "upcoming" then).
    const [event] = await db.query<{ ends_at: Date }>(
      `select ends_at from public.events where published_at <= now() and ends_at > now() order by ends_at limit 1`,
    );
    if (event) {
      const before = new Date(event.ends_at.getTime() - 1);
      expect((await at(before))!.getTime()).toBeLessThanOrEqual(event.ends_at.getTime());
    }
  });
});
