import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/types';
import { testTargets } from '../support/databases';

/**
 * The render cache serves a visitor's page until the data version changes
 * (docs/render-cache.md). A table that a public page reads but that lacks the
 * `data_version` trigger would let a change go unseen: cached pages would
 * keep showing the old rows. This guard fails on every such table.
 *
 * Every table of the portal's schemas has the trigger unless it is listed
 * below, with the reason no anonymous page depends on it. A new table that a
 * public page reads needs one line in a migration named after
 * 20261203170000_render_cache.sql (domains with an earlier slot use the part
 * of the cache's slot kept for them, docs/render-cache.md):
 *   select private.track_data_version('public.widgets');
 */
const notReadByPublicPages: Record<string, string> = {
  'public.audit_log': 'read by platform admins only; written by admin actions',
  'public.hub_membership_applications':
    'read by the applicant and the hub’s coordinators, signed in',
  'public.organization_registration_drafts': 'a registrant’s unfinished form, signed in',
  'public.organization_hub_requests':
    'read by the organization’s admins and the hubs’ coordinators',
  'public.organization_invitations': 'read by the organization’s admins and the invitee, signed in',
  'public.organization_join_requests': 'read by the requester and the organization’s admins',
  'public.organization_contact_requests': 'read by the sender and the organization’s team',
  'public.case_study_comments': 'review comments, seen by the case study’s editors and reviewers',
  'public.case_study_revisions': 'a case study’s history, shown to its editors and reviewers',
  'public.procurement_notifications': 'a city’s or partner’s procurement notices, signed in',
  'public.procurement_theme_follows': 'the themes a partner follows, signed in',
  'public.news_revisions': 'a news item’s history, shown to its hub’s coordinators only',
  'private.sessions': 'sign-in state: every signed-in request refreshes last_seen_at',
  'private.rate_limits': 'written by anonymous POSTs (sign-in attempts); shown on no page',
  'private.email_tokens': 'confirmation and reset links in mail',
  'private.outbox': 'mail waiting to be sent',
  'private.notices': 'facts owed to people by mail, worded and queued by the mail worker',
  'private.organization_notices': 'which organization events were mailed already (once each)',
  'private.personal_data_sources': 'the personal-data export’s registry of sources, signed in',
  'private.search_outbox': 'changes waiting for the Algolia worker; pages read search_documents',
  'private.search_index_state': 'the Algolia worker’s bookkeeping',
  'private.data_version': 'the version itself',
  'private.data_version_bumps': 'the version’s per-transaction marker',
};

/** Schemas of the portal: every one but PostgreSQL's own and those Supabase (or its stand-in) owns. */
const foreignSchemas = [
  'pg_catalog',
  'information_schema',
  'pg_toast',
  'auth',
  'extensions',
  'storage',
  'graphql',
  'graphql_public',
  'realtime',
  'vault',
  'pgsodium',
  'pgsodium_masks',
  'net',
  'cron',
  'supabase_functions',
  'supabase_migrations',
  'pgbouncer',
];

describe.each(testTargets())('render cache schema guard on $name', (target) => {
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => db.close());

  it('has the data_version trigger on every table a public page may read', async () => {
    // AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE, FOR EACH STATEMENT (tgtype 4|8|16|32), enabled.
    const rows = await db.query<{ table: string }>(
      `select n.nspname || '.' || c.relname as table
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'f')
          and n.nspname <> all ($1::text[]) and n.nspname not like 'pg\\_%'
          and not exists (
            select 1 from pg_trigger t
             where t.tgrelid = c.oid and t.tgname = 'data_version' and t.tgenabled <> 'D'
               and t.tgfoid = 'private.note_data_change()'::regprocedure and t.tgtype = 60)
        order by 1`,
      [foreignSchemas],
    );
    const missing = rows
      .map((row) => row.table)
      .filter((table) => !(table in notReadByPublicPages));
    expect(
      missing,
      'Add `select private.track_data_version(<table>);` for each table, in a migration named after ' +
        '20261203170000_render_cache.sql (cases 20261203171xxx, assess 172xxx, procure 173xxx; ' +
        'docs/render-cache.md), or, if no anonymous page reads it, list it in this test with the reason.',
    ).toEqual([]);
  });

  it('lists only tables that exist and lack the trigger, none readable by visitors', async () => {
    const rows = await db.query<{ table: string; tracked: boolean; anon_reads: boolean }>(
      `select n.nspname || '.' || c.relname as table,
              exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_version') as tracked,
              has_table_privilege('anon', c.oid, 'select') as anon_reads
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname || '.' || c.relname = any ($1::text[])`,
      [Object.keys(notReadByPublicPages)],
    );
    expect(rows.map((row) => row.table).sort()).toEqual(Object.keys(notReadByPublicPages).sort());
    expect(rows.filter((row) => row.tracked).map((row) => row.table)).toEqual([]);
    expect(rows.filter((row) => row.anon_reads).map((row) => row.table)).toEqual([]);
  });

  it('has no materialized view (a refresh fires no trigger)', async () => {
    const rows = await db.query<{ view: string }>(
      `select n.nspname || '.' || c.relname as view
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'm' and n.nspname <> all ($1::text[])`,
      [foreignSchemas],
    );
    expect(rows.map((row) => row.view)).toEqual([]);
  });

  it('registers a next-change function for every source of time-based visibility', async () => {
    const rows = await db.query<{ source: string; fn: string }>(
      `select source, next_change_function::text as fn from private.visibility_change_sources order by source`,
    );
    expect(rows.map((row) => row.source)).toEqual(
      expect.arrayContaining(['events', 'news', 'procurement', 'search']),
    );
    for (const row of rows) {
      // Each must answer for any moment (a broken function would make every miss fail).
      await db.query(`select ${row.fn.replace(/\(.*$/, '')}(now())`);
    }
  });
});
