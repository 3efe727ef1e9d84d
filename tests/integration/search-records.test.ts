import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchParamsSchema, type SearchResponse } from '../../src/lib/search/query-schema';
import type { Database, Queryable, TransactionQueryable } from '../../src/server/db/types';
import { exactMatchLimit } from '../../src/server/search/estimate';
import { postgresSearchEngine } from '../../src/server/search/postgres-engine';
import { searchNetwork } from '../../src/server/search/search-network';
import { asOwner, expectRefusal, testTargets } from '../support/databases';
import { allPersonas, claimsOf, type Persona } from '../support/personas';

/**
 * The search records themselves: only public, published content becomes a
 * record, triggers keep records current in the same transaction as the
 * change, API roles can read but never write them, and the generic SQL API
 * other domains call behaves as documented.
 */
async function actAs(tx: Queryable, persona: Persona): Promise<void> {
  const claims = claimsOf(persona);
  await tx.query(
    "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)",
    [claims ? 'authenticated' : 'anon', JSON.stringify(claims ?? { role: 'anon' })],
  );
}

const search = (
  tx: Queryable,
  q: string,
  extra: Record<string, unknown> = {},
): Promise<SearchResponse> =>
  searchNetwork(tx, searchParamsSchema.parse({ q, ...extra }), postgresSearchEngine);

describe.each(testTargets())('search records on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('builds one record per hub, city, verified organization and published deliverable', async () => {
    const rows = await db.query<{ type: string; n: number }>(
      'select type, count(*)::int as n from public.search_documents group by type order by type',
    );
    const [counts] = await db.query<{
      hubs: number;
      cities: number;
      orgs: number;
      deliverables: number;
    }>(
      `select (select count(*)::int from public.hubs) as hubs, (select count(*)::int from public.cities) as cities,
              (select count(*)::int from public.organizations where status = 'verified') as orgs,
              (select count(*)::int from public.deliverables where published) as deliverables`,
    );
    const byType = Object.fromEntries(rows.map((row) => [row.type, row.n]));
    expect(byType).toMatchObject({
      hub: counts!.hubs,
      city: counts!.cities,
      organization: counts!.orgs,
      deliverable: counts!.deliverables,
    });
  });

  it.each(allPersonas)(
    'never lets %s find a draft deliverable, in the same transaction as its creation',
    async (persona) => {
      await asOwner(db, async (tx) => {
        await tx.query(
          `insert into public.deliverables (slug, kind, title, year, summary, body, published)
         values ('draft-zeppelin-guidelines', 'publication', 'Zeppelin logistics guidelines', 2026,
                 'A draft that must stay private.', 'Zeppelin body text', false)`,
        );
        await actAs(tx, persona);
        const result = await search(tx, 'Zeppelin');
        expect(result.total).toBe(0);
        expect(result.hits).toEqual([]);
      });
    },
  );

  it('makes a change searchable in the same transaction, and unpublishing removes it', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        `insert into public.deliverables (slug, kind, title, year, summary, body, published)
         values ('quokka-report', 'publication', 'Quokka mobility report', 2026, 'Published now.', '', true)`,
      );
      const [visible] = await tx.query<{ n: number }>(
        "select count(*)::int as n from public.search_documents where title = 'Quokka mobility report'",
      );
      expect(visible!.n).toBe(1);
      await tx.query(
        "update public.deliverables set published = false where slug = 'quokka-report'",
      );
      const [hidden] = await tx.query<{ n: number }>(
        "select count(*)::int as n from public.search_documents where title = 'Quokka mobility report'",
      );
      expect(hidden!.n).toBe(0);
      // Every change marked the record for the external index, in the same transaction.
      const [outbox] = await tx.query<{ n: number }>(
        `select count(*)::int as n from private.search_outbox o
          where o.document_id = 'deliverable:' || (select id from public.deliverables where slug = 'quokka-report')`,
      );
      expect(outbox!.n).toBe(1);
    });
  });

  it('drops an organization whose verification is withdrawn and adds it once verified', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        "update public.organizations set status = 'pending' where slug = 'demo-sensorwerk'",
      );
      await actAs(tx, 'orgMember');
      expect((await search(tx, 'Sensorwerk')).total).toBe(0);
      await tx.query('reset role');
      await tx.query(
        "update public.organizations set status = 'verified' where slug = 'demo-pending-mobility'",
      );
      await actAs(tx, 'anon');
      const found = await search(tx, 'Pending Mobility');
      expect(found.hits[0]?.title).toBe('Pending Mobility Ltd (demo)');
    });
  });

  it("follows a hub's rename into its cities' records", async () => {
    await asOwner(db, async (tx) => {
      await tx.query(
        "update public.hubs set name = 'Boreal Hub (demo)' where slug = 'demo-nordic-hub'",
      );
      const rows = await tx.query<{ links: { title: string }[] }>(
        "select links from public.search_documents where type = 'city' and 'demo-nordic-hub' = any(hubs)",
      );
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.links[0]?.title === 'Boreal Hub (demo)')).toBe(true);
      await tx.query("delete from public.cities where slug = 'demo-fjordby'");
      const [left] = await tx.query<{ n: number }>(
        "select count(*)::int as n from public.search_documents where title = 'Fjordby (demo)'",
      );
      expect(left!.n).toBe(0);
    });
  });

  it('indexes published news and events with their rich text, and never drafts', async () => {
    await asOwner(db, async (tx) => {
      const [hub] = await tx.query<{ id: string }>(
        "select id from public.hubs where slug = 'demo-nordic-hub'",
      );
      const body = JSON.stringify({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'Snowplough routing with open data.' }],
          },
        ],
      });
      await tx.query(
        `insert into public.news_items (hub_id, slug, title, summary, body, published_at) values
           ($1, 'draft-capybara', 'Capybara draft news', '', $2::text::jsonb, null),
           ($1, 'live-capybara', 'Capybara mobility news', 'Live.', $2::text::jsonb, now() - interval '1 hour'),
           ($1, 'later-capybara', 'Capybara scheduled news', '', $2::text::jsonb, now() + interval '2 days')`,
        [hub!.id, body],
      );
      await tx.query(
        `insert into public.events (hub_id, slug, title, summary, description, starts_at, ends_at, venue_name, published_at)
         values ($1, 'capybara-meetup', 'Capybara meetup', 'Meet.', $2::text::jsonb, now() + interval '10 days',
                 now() + interval '10 days 2 hours', 'Harbour hall', now() - interval '1 minute')`,
        [hub!.id, body],
      );
      await actAs(tx, 'coordinator');
      const result = await search(tx, 'Capybara');
      expect(result.hits.map((hit) => hit.title).sort()).toEqual([
        'Capybara meetup',
        'Capybara mobility news',
      ]);
      const news = result.hits.find((hit) => hit.type === 'news')!;
      expect(news).toMatchObject({
        url: '/news/live-capybara',
        hubs: [{ slug: 'demo-nordic-hub', name: 'Nordic Hub (demo)' }],
      });
      expect(
        (await search(tx, 'snowplough', { type: 'event' })).hits.map((hit) => hit.title),
      ).toEqual(['Capybara meetup']);
      expect((await search(tx, 'Harbour hall')).hits.map((hit) => hit.type)).toEqual(['event']);
      await tx.query('reset role');
      await tx.query(
        "update public.news_items set published_at = null where slug = 'live-capybara'",
      );
      await actAs(tx, 'anon');
      expect((await search(tx, 'Capybara')).hits.map((hit) => hit.title)).toEqual([
        'Capybara meetup',
      ]);
    });
  });

  it('hides scheduled records until their time, through RLS', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'scheduled-1', 'title', 'Wombat summit announced',
        'url', '/news/wombat', 'visible_from', now() + interval '1 day'))`);
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'published-1', 'title', 'Wombat summit recap',
        'url', '/news/wombat-recap', 'visible_from', now() - interval '1 day', 'hubs', '["austria"]'::jsonb,
        'sdgs', '[11, 11, 99]'::jsonb,
        'links', '[{"id": "hub:x", "type": "hub", "title": "Austria", "url": "/hubs/austria", "relation": "hub"}]'::jsonb))`);
      const [stored] = await tx.query<{ sdgs: number[]; link_ids: string[] }>(
        "select sdgs::int[] as sdgs, link_ids from public.search_documents where id = 'news:published-1'",
      );
      expect(stored).toEqual({ sdgs: [11], link_ids: ['hub:x'] });
      await actAs(tx, 'member');
      expect((await search(tx, 'Wombat')).hits.map((hit) => hit.title)).toEqual([
        'Wombat summit recap',
      ]);
    });
  });

  it('refuses incomplete records from the generic API', async () => {
    await asOwner(db, async (tx) => {
      const code = await expectRefusal(() =>
        tx.query(
          `select private.search_upsert('{"type": "news", "source_id": "x", "title": ""}'::jsonb)`,
        ),
      );
      expect(code).toBe('22023');
    });
  });

  it.each(['anon', 'member', 'admin'] as const)(
    'lets %s read records but never write them or call the API',
    async (persona) => {
      await asOwner(db, async (tx) => {
        await actAs(tx, persona);
        const [row] = await tx.query<{ n: number }>(
          'select count(*)::int as n from public.search_documents',
        );
        expect(row!.n).toBeGreaterThan(50);
        for (const statement of [
          "insert into public.search_documents (id, type, source_id, title, url, search_vector, title_normalized, content_hash) values ('hub:x', 'hub', 'x', 'x', '/x', ''::tsvector, 'x', 'x')",
          "update public.search_documents set title = 'hacked'",
          'delete from public.search_documents',
          "insert into public.search_terms (term) values ('hacked')",
          `select private.search_upsert('{"type": "hub", "source_id": "x", "title": "x", "url": "/x"}'::jsonb)`,
          "select private.search_delete('hub', 'x')",
          'select * from private.search_outbox',
          // Lexemes include those of scheduled records: never listed to the API roles.
          'select * from private.search_lexemes',
          "insert into private.search_lexemes (lexeme) values ('hacked')",
        ]) {
          const code = await expectRefusal(() =>
            (tx as TransactionQueryable).savepoint((inner) => inner.query(statement)),
          );
          expect(['42501', '3F000'], statement).toContain(code);
        }
      });
    },
  );

  it('corrects a typo against the vocabulary and says so', async () => {
    await asOwner(db, async (tx) => {
      await actAs(tx, 'anon');
      const result = await search(tx, 'Singapur');
      expect(result.correctedQuery).toBe('singapore');
      expect(result.hits[0]?.title).toBe('Singapore');
    });
  });

  it('falls back to any word when no record has all of them', async () => {
    await asOwner(db, async (tx) => {
      await actAs(tx, 'anon');
      const result = await search(tx, 'procurement Tunisia');
      expect(result.matchMode).toBe('any');
      const titles = result.hits.map((hit) => hit.title);
      expect(titles).toContain('Procurement guidelines for smart sustainable cities');
      expect(titles).toEqual(expect.arrayContaining(['Bizerte', 'Kairouan']));
    });
  });

  it('ranks a title match above a match in the text', async () => {
    await asOwner(db, async (tx) => {
      await actAs(tx, 'anon');
      // The demo case study has "air-quality" in its title; Sensorwerk only in its summary.
      const result = await search(tx, 'air quality sensors');
      expect(result.hits[0]?.title).toBe('A citizen-built air-quality network around the harbour');
      const titles = result.hits.map((hit) => hit.title);
      expect(titles.indexOf('Sensorwerk GmbH (demo)')).toBeGreaterThan(0);
      const blockchain = await search(tx, 'blockchain');
      expect(blockchain.hits[0]?.title.toLowerCase()).toContain('blockchain');
    });
  });

  it('estimates totals and facet counts beyond the exact limit, and keeps exact titles first', async () => {
    await asOwner(db, async (tx) => {
      const news = exactMatchLimit;
      const events = Math.round(exactMatchLimit * 0.6);
      await tx.query(
        `select count(private.search_upsert(jsonb_build_object(
           'type', case when i <= $1 then 'news' else 'event' end, 'source_id', 'quokka-' || i,
           'title', 'Quokka report ' || i, 'url', '/news/quokka-' || i)))
           from generate_series(1, $2::int) as i`,
        [news, news + events],
      );
      // Written last, so beyond the matches the engine reads first.
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'quokka', 'title', 'Quokka', 'url', '/news/quokka'))`);
      await actAs(tx, 'anon');

      const all = await search(tx, 'quokka');
      expect(all.exhaustive).toEqual({ total: false, facets: false });
      // 1.6 × the limit match; the estimate comes from a random share of them.
      expect(all.total).toBeGreaterThan(exactMatchLimit);
      expect(all.total).toBeLessThan(exactMatchLimit * 2.6);
      expect(all.hits[0]?.title).toBe('Quokka');
      expect(all.hits).toHaveLength(20);
      const types = all.facets.type.map((facet) => facet.value);
      expect(types).toEqual(expect.arrayContaining(['news', 'event']));

      // Narrowed below the limit: hits and total are exact again.
      const narrowed = await search(tx, 'quokka', { type: 'event' });
      expect(narrowed.exhaustive.total).toBe(true);
      expect(narrowed.total).toBe(events);
      expect(narrowed.hits.every((hit) => hit.type === 'event')).toBe(true);

      // A selective query stays exact.
      const one = await search(tx, 'quokka report 7');
      expect(one.exhaustive).toEqual({ total: true, facets: true });
    });
  });

  it('finds a word by its prefix in the same transaction as the record that brings it', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'axolotl', 'title', 'Axolotlarium opens', 'url', '/news/axolotl'))`);
      // More words starting "quetz" than the prefix expands to: the partial match still finds all.
      await tx.query(
        `select count(private.search_upsert(jsonb_build_object('type', 'news', 'source_id', 'quetzal-' || i,
           'title', 'Quetzal' || chr(97 + i) || 'x report', 'url', '/news/quetzal-' || i)))
           from generate_series(0, 19) as i`,
      );
      await actAs(tx, 'anon');
      expect((await search(tx, 'axolotla')).hits.map((hit) => hit.title)).toEqual([
        'Axolotlarium opens',
      ]);
      expect((await search(tx, 'opens axolo')).total).toBe(1);
      // A word an edit adds is found by its prefix too.
      await tx.query('reset role');
      await tx.query(`select private.search_upsert(jsonb_build_object('type', 'news',
        'source_id', 'axolotl', 'title', 'Axolotlarium opens a zebrafinch aviary', 'url', '/news/axolotl'))`);
      await actAs(tx, 'anon');
      expect((await search(tx, 'zebrafi')).hits.map((hit) => hit.id)).toEqual(['news:axolotl']);
      expect((await search(tx, 'quetz')).total).toBe(20);
      // Typed syntax is text, never tsquery syntax.
      const syntax = await search(tx, "axolotlarium' | !'x");
      expect(syntax.hits.map((hit) => hit.title)).toEqual([
        'Axolotlarium opens a zebrafinch aviary',
      ]);
    });
  });

  it('forgets the words of deleted records on a full rebuild', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'okapi', 'title', 'Okapiland', 'url', '/news/okapi'))`);
      await tx.query(`select private.search_delete('news', 'okapi')`);
      const lexeme = `select count(*)::int as n from private.search_lexemes where lexeme = 'okapiland'`;
      expect((await tx.query<{ n: number }>(lexeme))[0]!.n).toBe(1);
      await tx.query('select private.search_rebuild()');
      expect((await tx.query<{ n: number }>(lexeme))[0]!.n).toBe(0);
      await actAs(tx, 'anon');
      expect((await search(tx, 'okapil')).total).toBe(0);
      expect((await search(tx, 'smart')).total).toBeGreaterThan(0);
    });
  });

  it('filters by the facet values a record has now, after its hubs and country change', async () => {
    await asOwner(db, async (tx) => {
      const upsert = (hubs: string[], country: string) =>
        tx.query(
          `select private.search_upsert(jsonb_build_object('type', 'case_study', 'source_id', 'capybara',
             'title', 'Capybara crossings', 'url', '/case-studies/capybara', 'hubs', $1::text::jsonb,
             'country', $2::text, 'sdgs', '[11]'::jsonb, 'themes', '["mobility"]'::jsonb))`,
          [JSON.stringify(hubs), country],
        );
      await upsert(['hub-one'], 'CI');
      await upsert(['hub-two'], 'NO');
      await actAs(tx, 'anon');
      expect((await search(tx, 'capybara', { hub: 'hub-one' })).total).toBe(0);
      expect((await search(tx, 'capybara', { country: 'CI' })).total).toBe(0);
      const now = await search(tx, 'capybara', {
        hub: 'hub-two',
        country: 'NO',
        sdg: 11,
        theme: 'mobility',
        type: 'case_study',
      });
      expect(now.hits.map((hit) => hit.title)).toEqual(['Capybara crossings']);
      expect((await search(tx, 'capybara', { type: 'news' })).total).toBe(0);
    });
  });

  it('keeps facet values with quotes safe in the full-text query', async () => {
    await asOwner(db, async (tx) => {
      const theme = "back\\slash 'quoted'";
      await tx.query(
        `select private.search_upsert(jsonb_build_object('type', 'city', 'source_id', 'ivory',
           'title', 'Tapir town', 'url', '/cities/ivory', 'country', $1::text,
           'themes', jsonb_build_array($2::text)))`,
        ['CI', theme],
      );
      await actAs(tx, 'anon');
      expect((await search(tx, 'tapir', { country: 'CI' })).total).toBe(1);
      expect((await search(tx, 'tapir', { theme })).total).toBe(1);
    });
  });

  it('never produces HTML from record text in snippets', async () => {
    await asOwner(db, async (tx) => {
      await tx.query(`select private.search_upsert(jsonb_build_object(
        'type', 'news', 'source_id', 'xss', 'title', 'Kookaburra <script>alert(1)</script>',
        'summary', 'Kookaburra <img src=x onerror=alert(1)> song', 'url', '/news/xss'))`);
      await actAs(tx, 'anon');
      const [hit] = (await search(tx, 'Kookaburra')).hits;
      expect(hit!.title).toBe('Kookaburra <script>alert(1)</script>');
      const highlighted = hit!.snippet.filter((part) => part.highlighted).map((part) => part.text);
      expect(highlighted).toContain('Kookaburra');
      // Parts are text; the page escapes them. Markers never leak.
      const text = hit!.snippet.map((part) => part.text).join('');
      expect(text.includes('\u0002') || text.includes('\u0003')).toBe(false);
    });
  });
});
