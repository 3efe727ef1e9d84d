import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { createNewsItem } from '../../src/server/news/create-news-item';
import { parseNewsForm } from '../../src/server/news/news-form';
import {
  findNewsItem,
  listLatestNews,
  listNews,
  listNewsForFeed,
  listNewsRevisions,
} from '../../src/server/news/queries';
import { buildRssFeed } from '../../src/server/news/rss';
import { submitNewNews } from '../../src/server/news/submit-news-form';
import { updateNewsItem } from '../../src/server/news/update-news-item';
import { createLocalDiskStorage } from '../../src/server/storage/local-disk-storage';
import { testTargets } from '../support/databases';
import { parseRss } from '../support/rss-check';
import { letScheduledTimeCome } from '../support/scheduled-time';
import { claimsOf, userIdOf, type Persona } from '../support/personas';
import { xssCorpus } from '../fixtures/xss-corpus';
import { isSingleLineText } from '../../src/lib/text/control-characters';

const storage = createLocalDiskStorage('/tmp/portal-test-news-uploads');

function input(
  title: string,
  body: unknown = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
  },
) {
  const parsed = parseNewsForm({ title, summary: `${title} summary`, body: JSON.stringify(body) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

describe.each(testTargets())('news lifecycle on $name', (target) => {
  let db: Database;
  let austria: string;
  let andean: string;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);
  const suffix = `${target.name}-${Date.now()}`;

  beforeAll(async () => {
    db = await target.open();
    const hubs = await db.query<{ slug: string; id: string }>(`select slug, id from public.hubs`);
    austria = hubs.find((hub) => hub.slug === 'austria')!.id;
    andean = hubs.find((hub) => hub.slug === 'demo-andean-hub')!.id;
  });
  afterAll(() => db.close());

  it('takes a draft through scheduling, publication at its time, editing and unpublishing, with history', async () => {
    const title = `Lifecycle ${suffix}`;
    const created = await as('coordinator', (rdb) =>
      createNewsItem(rdb, storage, {
        hubId: austria,
        userId: userIdOf('coordinator'),
        news: input(title),
        publishedAt: null,
      }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // A draft is invisible to visitors and other coordinators, visible to its coordinators.
    expect(await as('anon', (rdb) => findNewsItem(rdb, created.slug))).toBeNull();
    expect(await as('otherCoordinator', (rdb) => findNewsItem(rdb, created.slug))).toBeNull();
    const draft = await as('coordinator', (rdb) => findNewsItem(rdb, created.slug));
    expect(draft?.state).toBe('draft');

    // Scheduled for tomorrow: invisible until then.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const scheduled = await as('coordinator', (rdb) =>
      updateNewsItem(rdb, storage, {
        id: created.id,
        hubId: austria,
        userId: userIdOf('coordinator'),
        currentCoverId: null,
        news: input(title),
        publishedAt: tomorrow,
      }),
    );
    expect(scheduled.ok).toBe(true);
    expect(await as('anon', (rdb) => findNewsItem(rdb, created.slug))).toBeNull();
    expect(
      (await as('anon', (rdb) => listNewsForFeed(rdb, austria))).map((item) => item.slug),
    ).not.toContain(created.slug);
    expect((await as('coordinator', (rdb) => findNewsItem(rdb, created.slug)))?.state).toBe(
      'scheduled',
    );

    // At its time it appears everywhere, with no job having run (the time is
    // made to come, not waited for: tests/support/scheduled-time.ts).
    const at = await letScheduledTimeCome(db, 'news_items', created.id);
    expect((await as('anon', (rdb) => findNewsItem(rdb, created.slug)))?.state).toBe('published');
    expect(
      (await as('anon', (rdb) => listLatestNews(rdb, austria, 50))).map((item) => item.slug),
    ).toContain(created.slug);
    expect(
      (await as('anon', (rdb) => listNews(rdb, { hub: 'austria', page: 1 }))).items.map(
        (item) => item.slug,
      ),
    ).toContain(created.slug);
    for (const hubId of [austria, null]) {
      const items = await as('anon', (rdb) => listNewsForFeed(rdb, hubId));
      const xml = buildRssFeed(
        {
          title: 'Feed',
          description: 'All news',
          link: 'https://portal.example/news',
          self: 'https://portal.example/news/rss.xml',
          origin: 'https://portal.example',
          language: 'en',
        },
        items,
      );
      const { items: parsed } = parseRss(xml);
      expect(parsed.map((item) => item.title)).toContain(title);
    }

    // An edit by the coordinator, then unpublishing.
    await as('coordinator', (rdb) =>
      updateNewsItem(rdb, storage, {
        id: created.id,
        hubId: austria,
        userId: userIdOf('coordinator'),
        currentCoverId: null,
        news: input(`${title} (edited)`),
        publishedAt: at,
      }),
    );
    await as('admin', (rdb) =>
      updateNewsItem(rdb, storage, {
        id: created.id,
        hubId: austria,
        userId: userIdOf('admin'),
        currentCoverId: null,
        news: input(`${title} (edited)`),
        publishedAt: null,
      }),
    );
    expect(await as('anon', (rdb) => findNewsItem(rdb, created.slug))).toBeNull();

    const history = await as('coordinator', (rdb) => listNewsRevisions(rdb, created.id));
    expect(history.map((revision) => [revision.action, revision.changedFields])).toEqual([
      ['unpublished', ['published_at']],
      ['edited', ['title', 'summary']],
      ['scheduled', ['published_at']],
      ['created', []],
    ]);
    expect(history[0]!.editorName).toBe('Ada Admin (demo)');
    expect(history[1]!.editorName).toBe('Clara Coordinator (demo)');
    expect(await as('member', (rdb) => listNewsRevisions(rdb, created.id))).toEqual([]);
  });

  it('refuses another hub’s coordinator, reporting it on the form', async () => {
    const created = await as('coordinator', (rdb) =>
      createNewsItem(rdb, storage, {
        hubId: andean,
        userId: userIdOf('coordinator'),
        news: input(`Not mine ${suffix}`),
        publishedAt: 'now',
      }),
    );
    expect(created).toEqual({
      ok: false,
      errors: [{ field: 'hub', message: 'news.form.error.hubForbidden' }],
    });
    const form = await as('coordinator', (rdb) =>
      submitNewNews({
        db: rdb,
        storage,
        userId: userIdOf('coordinator'),
        fields: { hub: andean, title: 'x', body: '{}' },
        files: {},
        allowedHubIds: [austria],
      }),
    );
    expect(form.ok).toBe(false);
    if (!form.ok)
      expect(form.errors.map((error) => error.field).sort()).toEqual(['body', 'hub', 'title']);
  });

  it('refuses unsafe rich text posted by hand, and keeps payloads in titles as text', async () => {
    for (const { payload } of xssCorpus.slice(0, 12)) {
      const body = {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: payload } }] },
            ],
          },
        ],
      };
      const outcome = await as('coordinator', (rdb) =>
        submitNewNews({
          db: rdb,
          storage,
          userId: userIdOf('coordinator'),
          fields: {
            hub: austria,
            title: payload.length >= 3 ? payload : `${payload}xyz`,
            body: JSON.stringify(body),
            action: 'publish',
          },
          files: {},
          allowedHubIds: [austria],
        }),
      );
      expect(outcome.ok).toBe(false);
      // Titles keep payloads as text, except control characters, which no field accepts.
      if (!outcome.ok)
        expect(outcome.errors).toEqual([
          ...(!isSingleLineText(payload)
            ? [{ field: 'title', message: 'text.error.controlCharacters' }]
            : []),
          { field: 'body', message: 'richText.error.linkProtocol' },
        ]);
    }
  });

  it('gives two items with the same title different slugs', async () => {
    const title = `Same title ${suffix}`;
    const [a, b] = [
      await as('coordinator', (rdb) =>
        createNewsItem(rdb, storage, {
          hubId: austria,
          userId: userIdOf('coordinator'),
          news: input(title),
          publishedAt: null,
        }),
      ),
      await as('coordinator', (rdb) =>
        createNewsItem(rdb, storage, {
          hubId: austria,
          userId: userIdOf('coordinator'),
          news: input(title),
          publishedAt: null,
        }),
      ),
    ];
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.slug).toBe(`${a.slug}-2`);
  });
});
