-- The API roles get what the migrations grant, and nothing that Supabase's
-- default privileges would add.
--
-- On a Supabase project, default privileges in `public` grant anon,
-- authenticated and service_role ALL on every table, sequence and function
-- that `postgres` creates (supabase/postgres, init script
-- 00000000000000-initial-schema.sql), and `supabase db push` runs migrations
-- as `postgres`. The files before this one grant per operation and per column
-- and leave functions to PostgreSQL's own default, so on Supabase those
-- defaults undid them: table-level INSERT, UPDATE, DELETE, TRUNCATE,
-- REFERENCES and TRIGGER on every table (row-level security narrows rows, not
-- columns, and never applies to TRUNCATE), UPDATE and USAGE on the identity
-- sequences, and EXECUTE on every function in public, security definer ones
-- included (promote_event_waitlist, the decision and refill triggers'
-- functions). supabase/bootstrap.sql now gives a plain PostgreSQL and PGlite
-- the same defaults, so the tests see what Supabase would.
--
-- This file:
-- 1. stops future objects from getting any privilege by default: nothing for
--    the API roles in public, and no EXECUTE for PUBLIC on functions anywhere
--    (a global default: a per-schema one cannot take PUBLIC's away). Every
--    migration from now on grants what it means (docs/schema.md, "Privileges
--    on Supabase");
-- 2. resets every existing table, sequence and function in public to exactly
--    what the files before this one grant (what they made on a server without
--    those defaults; tests/integration/schema-guard-privileges.test.ts
--    compares the two).
--
-- service_role is given nothing on tables and sequences. It bypasses
-- row-level security, so any table privilege would be every row of it to
-- whoever holds the key; the portal never uses the key for data (its jobs,
-- seed and migrations use the owner connection), only for Supabase Storage,
-- whose objects live in the `storage` schema and are untouched here. It keeps
-- EXECUTE on the read functions earlier files granted it (policy helpers,
-- search reads, event counts), which return nothing a visitor cannot see.

-- 1. Future objects ------------------------------------------------------------

alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;
alter default privileges revoke execute on functions from public;

-- 2. Tables: the table-level privileges each API role is meant to hold -----------
--
-- Column grants (`grant update (name, …)`) are always the migrations' own: no
-- default privilege makes one. A table-level REVOKE drops the column grants
-- of the same privilege as well, so they are read first and given back as
-- they were.

do $$
declare
  t record;
  column_grants text[];
  statement text;
begin
  for t in
    select v.name::regclass as rel, v.anon, v.authenticated
      from (values
        ('public.hubs', 'select', 'select, insert, delete'),
        ('public.cities', 'select', 'select, insert, delete'),
        ('public.organizations', 'select', 'select, delete'),
        ('public.memberships', 'select', 'select, delete'),
        ('public.deliverables', 'select', 'select, insert, update, delete'),
        ('public.profiles', 'select', 'select, delete'),
        ('public.audit_log', '', 'select'),
        ('public.hub_partners', 'select', 'select, delete'),
        ('public.hub_membership_applications', '', 'select, delete'),
        ('public.hub_notifications', '', 'select'),
        ('public.media_files', 'select', 'select, delete'),
        ('public.news_items', 'select', 'select, delete'),
        ('public.news_revisions', '', 'select'),
        ('public.events', 'select', 'select, delete'),
        ('public.event_registrations', '', 'select, delete'),
        ('public.search_documents', 'select', 'select'),
        ('public.search_terms', 'select', 'select'),
        ('public.kpis', 'select', 'select, insert, update, delete'),
        ('public.kpi_sdg_links', 'select', 'select, insert, update, delete')
      ) as v(name, anon, authenticated)
  loop
    select coalesce(array_agg(format('grant %s (%I) on %s to %s',
             acl.privilege_type, a.attname, t.rel, acl.grantee::regrole)), '{}')
      into column_grants
      from pg_attribute a
      cross join lateral aclexplode(a.attacl) as acl
     where a.attrelid = t.rel and a.attnum > 0 and not a.attisdropped
       and acl.grantee in ('anon'::regrole, 'authenticated'::regrole, 'service_role'::regrole);
    execute format('revoke all on %s from anon, authenticated, service_role', t.rel);
    if t.anon <> '' then
      execute format('grant %s on %s to anon', t.anon, t.rel);
    end if;
    if t.authenticated <> '' then
      execute format('grant %s on %s to authenticated', t.authenticated, t.rel);
    end if;
    foreach statement in array column_grants loop
      execute statement;
    end loop;
  end loop;
end
$$;

-- 3. Sequences: none for the API roles ------------------------------------------
-- Identity columns take their next value without any privilege on the sequence.

revoke all on sequence public.audit_log_id_seq, public.news_revisions_id_seq, public.kpi_sdg_links_id_seq
  from anon, authenticated, service_role;

-- 4. Functions -------------------------------------------------------------------
-- EXECUTE only where an earlier file granted it. The trigger functions that
-- never revoked PUBLIC's EXECUTE keep it (a trigger function cannot be called
-- directly, and a trigger needs no EXECUTE to fire), as does search_normalize.

revoke all on function
  public.set_updated_at(),
  public.is_platform_admin(),
  public.is_hub_coordinator(uuid),
  public.is_city_editor(uuid),
  public.is_org_member(uuid),
  public.is_coordinator_of_city_hub(uuid),
  public.guard_organization_status(),
  public.stamp_hub_membership_decision(),
  public.apply_hub_membership_decision(),
  public.send_hub_membership_notices(uuid, text),
  public.stamp_news_item(),
  public.record_news_revision(),
  public.stamp_event(),
  public.can_manage_event(uuid),
  public.promote_event_waitlist(uuid),
  public.assign_event_registration_status(),
  public.refill_event_after_cancellation(),
  public.refill_event_after_capacity_change(),
  public.event_registration_counts(uuid),
  public.search_normalize(text),
  public.search_candidates(tsquery, text, integer, text, text, text, smallint, text),
  public.search_backlinks(text[]),
  public.search_hub_names(text[]),
  public.search_suggest(text[])
  from anon, authenticated, service_role;

-- Policy helpers and reads that visitors and members call.
grant execute on function
  public.is_platform_admin(),
  public.is_hub_coordinator(uuid),
  public.is_city_editor(uuid),
  public.is_org_member(uuid),
  public.is_coordinator_of_city_hub(uuid),
  public.can_manage_event(uuid),
  public.event_registration_counts(uuid),
  public.search_normalize(text),
  public.search_candidates(tsquery, text, integer, text, text, text, smallint, text),
  public.search_backlinks(text[]),
  public.search_hub_names(text[]),
  public.search_suggest(text[])
  to anon, authenticated, service_role;
-- The decision use case hands its notices to the outbox (checks the caller itself).
grant execute on function public.send_hub_membership_notices(uuid, text) to authenticated;
