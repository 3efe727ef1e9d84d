-- Search records for the content of the domains above: hubs, cities,
-- verified organizations, published deliverables, and hub news and events
-- (a draft has no record; a scheduled item has one whose visible_from hides
-- it, by RLS, until its time). The engine is search.sql.
--
-- The pattern for a new source (a domain with public pages adds one in its
-- own migration):
--   private.search_sync_<thing>(id)   writes the item's record with
--                                     private.search_upsert, or removes it with
--                                     private.search_delete when the item is
--                                     not public (deleted, draft, unverified);
--   private.search_rebuild_<things>() syncs every public item (for a rebuild);
--   private.search_on_<thing>_change() a trigger function, after insert,
--                                     update or delete, in the same transaction;
--   select private.search_register_source('<type>', 'private.search_rebuild_<things>()');
-- All security definer with an empty search_path, none executable by PUBLIC.

-- hubs ----------------------------------------------------------------------
create or replace function private.search_sync_hub(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  h public.hubs;
begin
  select * into h from public.hubs where id = target_id;
  if not found then
    perform private.search_delete('hub', target_id::text);
    return;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'hub',
    'source_id', h.id,
    'title', h.name,
    'summary', h.summary,
    'text', concat_ws('. ', nullif(h.host_name, ''), array_to_string(h.countries, ', '), h.since_label),
    'url', '/hubs/' || h.slug,
    'hubs', jsonb_build_array(h.slug),
    'country', case when cardinality(h.countries) = 1 then h.countries[1] end,
    'region', h.region,
    'is_demo', h.is_demo
  ));
end
$$;

create or replace function private.search_rebuild_hubs() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_hub(h.id) from public.hubs h
$$;

-- cities --------------------------------------------------------------------
create or replace function private.search_sync_city(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cities;
  h public.hubs;
begin
  select * into c from public.cities where id = target_id;
  if not found then
    perform private.search_delete('city', target_id::text);
    return;
  end if;
  if c.hub_id is not null then
    select * into h from public.hubs where id = c.hub_id;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'city',
    'source_id', c.id,
    'title', c.name,
    'summary', concat_ws(' · ', c.country, h.name),
    'text', concat_ws('. ', c.kpi_source, c.uncertain_note),
    'url', '/cities/' || c.slug,
    'hubs', case when h.slug is null then '[]'::jsonb else jsonb_build_array(h.slug) end,
    'country', c.country,
    'region', c.region,
    'themes', case when c.kpi_implemented then '["kpis"]'::jsonb else '[]'::jsonb end,
    'links', case when h.id is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
      'id', 'hub:' || h.id, 'type', 'hub', 'title', h.name, 'url', '/hubs/' || h.slug, 'relation', 'hub'
    )) end,
    'is_demo', c.is_demo
  ));
end
$$;

create or replace function private.search_rebuild_cities() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_city(c.id) from public.cities c
$$;

-- organizations: only verified ones are public ---------------------------------
create or replace function private.search_sync_organization(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  o public.organizations;
begin
  select * into o from public.organizations where id = target_id;
  if not found or o.status <> 'verified' then
    perform private.search_delete('organization', target_id::text);
    return;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'organization',
    'source_id', o.id,
    'title', o.name,
    'summary', o.summary,
    'url', '/directory/' || o.slug,
    'subtype', o.kind,
    'country', o.country,
    'is_demo', o.is_demo
  ));
end
$$;

create or replace function private.search_rebuild_organizations() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_organization(o.id) from public.organizations o where o.status = 'verified'
$$;

-- deliverables: only published ones --------------------------------------------
create or replace function private.search_sync_deliverable(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  d public.deliverables;
begin
  select * into d from public.deliverables where id = target_id;
  if not found or not d.published then
    perform private.search_delete('deliverable', target_id::text);
    return;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'deliverable',
    'source_id', d.id,
    'title', d.title,
    'summary', d.summary,
    'text', concat_ws(E'\n\n', d.body, d.note),
    'url', '/deliverables/' || d.slug,
    'code', d.code,
    'subtype', d.kind,
    'themes', to_jsonb(d.themes),
    'date', make_date(d.year, 1, 1)::timestamptz
  ));
end
$$;

create or replace function private.search_rebuild_deliverables() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_deliverable(d.id) from public.deliverables d where d.published
$$;

-- news and events: published or scheduled ones ----------------------------------

-- Plain text of a Tiptap/ProseMirror JSON document: every "text" value.
create or replace function private.search_rich_text(doc jsonb) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(string_agg(t #>> '{}', ' '), '')
  from jsonb_path_query(coalesce(doc, '{}'::jsonb), 'strict $.**.text') as t
  where jsonb_typeof(t) = 'string'
$$;

create or replace function private.search_hub_link(target_hub_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('id', 'hub:' || h.id, 'type', 'hub', 'title', h.name,
                            'url', '/hubs/' || h.slug, 'relation', 'hub')
  from public.hubs h where h.id = target_hub_id
$$;

create or replace function private.search_sync_news(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  n public.news_items;
  h public.hubs;
begin
  select * into n from public.news_items where id = target_id;
  if not found or n.published_at is null then
    perform private.search_delete('news', target_id::text);
    return;
  end if;
  select * into h from public.hubs where id = n.hub_id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'news',
    'source_id', n.id,
    'title', n.title,
    'summary', n.summary,
    'text', private.search_rich_text(n.body),
    'url', '/news/' || n.slug,
    'hubs', jsonb_build_array(h.slug),
    'region', h.region,
    'links', jsonb_build_array(private.search_hub_link(h.id)),
    'is_demo', n.is_demo,
    'date', n.published_at,
    'visible_from', n.published_at
  ));
end
$$;

create or replace function private.search_sync_event(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  e public.events;
  h public.hubs;
begin
  select * into e from public.events where id = target_id;
  if not found or e.published_at is null then
    perform private.search_delete('event', target_id::text);
    return;
  end if;
  select * into h from public.hubs where id = e.hub_id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'event',
    'source_id', e.id,
    'title', e.title,
    'summary', e.summary,
    'text', concat_ws(E'\n', private.search_rich_text(e.description), e.venue_name, e.venue_address),
    'url', '/events/' || e.slug,
    'hubs', jsonb_build_array(h.slug),
    'region', h.region,
    'links', jsonb_build_array(private.search_hub_link(h.id)),
    'is_demo', e.is_demo,
    'date', e.starts_at,
    'visible_from', e.published_at
  ));
end
$$;

create or replace function private.search_rebuild_news() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_news(n.id) from public.news_items n where n.published_at is not null
$$;

create or replace function private.search_rebuild_events() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_event(e.id) from public.events e where e.published_at is not null
$$;

-- triggers ------------------------------------------------------------------

-- A hub's record, and on a rename the records that name the hub: its cities,
-- news and events.
create or replace function private.search_on_hub_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.search_sync_hub(old.id);
    return old;
  end if;
  perform private.search_sync_hub(new.id);
  if tg_op = 'UPDATE' and (new.name is distinct from old.name or new.slug is distinct from old.slug) then
    perform private.search_sync_city(c.id) from public.cities c where c.hub_id = new.id;
    perform private.search_sync_news(n.id) from public.news_items n where n.hub_id = new.id;
    perform private.search_sync_event(e.id) from public.events e where e.hub_id = new.id;
  end if;
  return new;
end
$$;

create or replace function private.search_on_city_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_city(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

create or replace function private.search_on_organization_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_organization(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

create or replace function private.search_on_deliverable_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_deliverable(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

create or replace function private.search_on_news_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_news(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

create or replace function private.search_on_event_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_event(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

create trigger hubs_search_sync after insert or update or delete on public.hubs
  for each row execute function private.search_on_hub_change();
create trigger cities_search_sync after insert or update or delete on public.cities
  for each row execute function private.search_on_city_change();
create trigger organizations_search_sync after insert or update or delete on public.organizations
  for each row execute function private.search_on_organization_change();
create trigger deliverables_search_sync after insert or update or delete on public.deliverables
  for each row execute function private.search_on_deliverable_change();
create trigger news_items_search_sync after insert or update or delete on public.news_items
  for each row execute function private.search_on_news_change();
create trigger events_search_sync after insert or update or delete on public.events
  for each row execute function private.search_on_event_change();

revoke execute on function private.search_sync_hub(uuid), private.search_sync_city(uuid),
  private.search_sync_organization(uuid), private.search_sync_deliverable(uuid),
  private.search_rich_text(jsonb), private.search_hub_link(uuid),
  private.search_sync_news(uuid), private.search_sync_event(uuid),
  private.search_rebuild_hubs(), private.search_rebuild_cities(),
  private.search_rebuild_organizations(), private.search_rebuild_deliverables(),
  private.search_rebuild_news(), private.search_rebuild_events(),
  private.search_on_hub_change(), private.search_on_city_change(),
  private.search_on_organization_change(), private.search_on_deliverable_change(),
  private.search_on_news_change(), private.search_on_event_change() from public;

-- The tables are empty when this runs (the seed comes after migrations), so
-- there is nothing to rebuild yet: `npm run search:reindex -- --rebuild`
-- re-derives every record from these registrations.
select private.search_register_source('hub', 'private.search_rebuild_hubs()');
select private.search_register_source('city', 'private.search_rebuild_cities()');
select private.search_register_source('organization', 'private.search_rebuild_organizations()');
select private.search_register_source('deliverable', 'private.search_rebuild_deliverables()');
select private.search_register_source('news', 'private.search_rebuild_news()');
select private.search_register_source('event', 'private.search_rebuild_events()');
