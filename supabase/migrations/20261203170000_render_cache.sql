-- The render cache's two facts about the data (issue 16, docs/render-cache.md).
--
-- 1. The data version. Anonymous pages are served from a cache while nothing
--    they read has changed. The database itself says when something has: a
--    statement-level trigger `data_version` on every table a public page reads
--    notes the change, and the transaction's commit bumps
--    `private.data_version.version` once, atomically with the change. A page is
--    stored under the version read *before* it was rendered, so a commit after
--    that read always gives a different version: a committed change is
--    visible on the very next request, on every app server (PostgreSQL: one
--    cheap read of one row per request; embedded PGlite: the commit's
--    `pg_notify` keeps the version in memory).
--
--    Why deferred: the bump is an `update` of one row. Made at the first
--    write, its row lock would be held for the rest of the transaction and
--    two transactions writing the same rows in different orders could
--    deadlock on it. A deferred constraint trigger makes the update at commit,
--    when the transaction takes no other lock: writers queue for the length of
--    a commit, never longer, and never in a cycle.
--
--    A new table that a public page reads gets its trigger with one line:
--      select private.track_data_version('public.widgets');
--    tests/integration/schema-guard-render-cache.test.ts fails on any table
--    without it that is not on its allow-list (tables no anonymous page reads,
--    each with the reason: sessions, rate limits, the mail outbox…).
--
-- 2. The next visibility change. Some rows become visible, or move between
--    lists, by time alone (scheduled news at `published_at`, an event that
--    ends, a search record's `visible_from`). No write happens then, so each
--    cached page also expires at `private.next_visibility_change()`: the
--    earliest such moment after now, over every registered source. A domain
--    with time-based visibility registers a function `(after timestamptz)
--    returns timestamptz` in `private.visibility_change_sources`.

-- the version -------------------------------------------------------------------
create table private.data_version (
  singleton boolean primary key default true check (singleton),
  version bigint not null default 1,
  changed_at timestamptz not null default now()
);
comment on table private.data_version is
  'One row: bumped at the commit of every transaction that changed a table public pages read (the render cache).';
insert into private.data_version default values;

-- One row per writing transaction, inserted by its first tracked statement and
-- removed at its commit: the row whose deferred trigger makes the bump.
create table private.data_version_bumps (
  xact xid8 primary key default pg_current_xact_id()
);
comment on table private.data_version_bumps is
  'Transactions that changed tracked tables and have not committed yet (each row lives until its commit).';

revoke all on private.data_version, private.data_version_bumps
  from public, anon, authenticated, service_role;

-- The version as the app servers compare it: the counter and the moment of
-- the bump. A database restored to an earlier point counts up again from an
-- older number, but never at the same microseconds: a page cached from the
-- lost timeline can never match.
create function private.data_version_token(p_version bigint, p_changed_at timestamptz) returns text
language sql immutable set search_path = '' as $$
  select p_version::text || '-' || (extract(epoch from p_changed_at) * 1000000)::bigint::text
$$;

-- At commit: one bump, and a notification with the new version (the embedded
-- database's in-memory version listens to it; PostgreSQL app servers read the row).
create function private.bump_data_version() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_token text;
begin
  update private.data_version set version = version + 1, changed_at = clock_timestamp()
   returning private.data_version_token(version, changed_at) into v_token;
  delete from private.data_version_bumps b where b.xact = new.xact;
  perform pg_notify('portal_data_version', v_token);
  return null;
end
$$;

create constraint trigger bump_at_commit
  after insert on private.data_version_bumps
  deferrable initially deferred
  for each row execute function private.bump_data_version();

-- The trigger function of every tracked table: statement-level, so a bulk
-- write costs one call per statement, and one row per transaction. A
-- transaction-local setting remembers that this transaction already noted a
-- change; a rolled-back savepoint undoes the setting and the row together.
create function private.note_data_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_xact text := pg_current_xact_id()::text;
begin
  if current_setting('portal.data_version_xact', true) is distinct from v_xact then
    perform set_config('portal.data_version_xact', v_xact, true);
    insert into private.data_version_bumps (xact) values (v_xact::xid8) on conflict do nothing;
  end if;
  return null;
end
$$;

-- The one line a domain writes for each table a public page reads.
create function private.track_data_version(p_table regclass) returns void
language plpgsql set search_path = '' as $$
begin
  execute format('drop trigger if exists data_version on %s', p_table);
  execute format(
    'create trigger data_version after insert or update or delete or truncate on %s '
    'for each statement execute function private.note_data_change()',
    p_table
  );
end
$$;

revoke all on function private.bump_data_version() from public, anon, authenticated, service_role;
revoke all on function private.data_version_token(bigint, timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.note_data_change() from public, anon, authenticated, service_role;
revoke all on function private.track_data_version(regclass) from public, anon, authenticated, service_role;

-- every table public pages read today ---------------------------------------------
select private.track_data_version('public.cities');
select private.track_data_version('public.deliverables');
select private.track_data_version('public.event_registrations'); -- counts on the event page
select private.track_data_version('public.events');
select private.track_data_version('public.hub_cities');
select private.track_data_version('public.hub_partners');
select private.track_data_version('public.hubs');
select private.track_data_version('public.kpi_sdg_links');
select private.track_data_version('public.kpis');
select private.track_data_version('public.media_files');
select private.track_data_version('public.memberships'); -- a hub's coordinators are public
select private.track_data_version('public.news_items');
select private.track_data_version('public.organizations');
select private.track_data_version('public.profiles'); -- authors' and coordinators' names
select private.track_data_version('public.search_documents');
select private.track_data_version('public.search_terms');
select private.track_data_version('private.country_names');
select private.track_data_version('private.search_lexemes');
select private.track_data_version('private.search_sources');

-- the next visibility change ----------------------------------------------------------
create table private.visibility_change_sources (
  source text primary key check (source ~ '^[a-z][a-z0-9_-]*$'),
  -- (after timestamptz) returns timestamptz: the earliest moment after `after`
  -- at which a row of this source appears, disappears or changes list by time alone.
  next_change_function regprocedure not null
);
comment on table private.visibility_change_sources is
  'Functions saying when rows next become visible or change by time alone; the render cache expires pages then.';
revoke all on private.visibility_change_sources from public, anon, authenticated, service_role;
select private.track_data_version('private.visibility_change_sources');

-- The earliest moment after p_after at which a public page may change by time alone; null: none known.
create function private.next_visibility_change(p_after timestamptz default now()) returns timestamptz
language plpgsql stable security definer set search_path = '' as $$
declare
  v_source record;
  v_at timestamptz;
  v_next timestamptz;
begin
  for v_source in select s.next_change_function from private.visibility_change_sources s loop
    execute format('select %s($1)', v_source.next_change_function::regproc) into v_at using p_after;
    if v_at is not null and (v_next is null or v_at < v_next) then
      v_next := v_at;
    end if;
  end loop;
  return v_next;
end
$$;
revoke all on function private.next_visibility_change(timestamptz) from public, anon, authenticated, service_role;

-- The current version and, read in the same snapshot, the next visibility
-- change after p_after (null: none); what the app server stores a page under.
create function private.render_cache_state(p_after timestamptz default now())
returns table (version text, next_change timestamptz)
language sql stable security definer set search_path = '' as $$
  select private.data_version_token(v.version, v.changed_at), private.next_visibility_change(p_after)
    from private.data_version v
$$;
revoke all on function private.render_cache_state(timestamptz) from public, anon, authenticated, service_role;

-- News: visible from published_at (scheduled news).
create function private.next_news_visibility_change(p_after timestamptz) returns timestamptz
language sql stable security definer set search_path = '' as $$
  select min(n.published_at) from public.news_items n where n.published_at > p_after
$$;

-- Events: visible from published_at; "upcoming" until ends_at (the listing,
-- the event page's "this event is over", registration); in the calendar feeds
-- until 90 days after they end; starts_at for pages that tell "now" from "next".
create function private.next_event_visibility_change(p_after timestamptz) returns timestamptz
language sql stable security definer set search_path = '' as $$
  select min(at) from (
    select min(e.published_at) as at from public.events e where e.published_at > p_after
    union all
    select min(e.starts_at) from public.events e where e.published_at is not null and e.starts_at > p_after
    union all
    select min(e.ends_at) from public.events e where e.published_at is not null and e.ends_at > p_after
    union all
    select min(e.ends_at + interval '90 days') from public.events e
     where e.published_at is not null and e.ends_at > p_after - interval '90 days'
  ) moments
$$;

-- Search records: visible from visible_from.
create function private.next_search_visibility_change(p_after timestamptz) returns timestamptz
language sql stable security definer set search_path = '' as $$
  select min(d.visible_from) from public.search_documents d where d.visible_from > p_after
$$;

revoke all on function private.next_news_visibility_change(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.next_event_visibility_change(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.next_search_visibility_change(timestamptz) from public, anon, authenticated, service_role;

insert into private.visibility_change_sources (source, next_change_function) values
  ('news', 'private.next_news_visibility_change(timestamptz)'),
  ('events', 'private.next_event_visibility_change(timestamptz)'),
  ('search', 'private.next_search_visibility_change(timestamptz)');

-- min(ends_at) after a moment, for the events source (starts_at and published_at have theirs).
create index events_ends_idx on public.events (ends_at);
