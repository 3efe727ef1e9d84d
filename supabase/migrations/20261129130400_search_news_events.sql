-- Search records for hub news and events (tables from 20261129120200_news.sql
-- and 20261129120300_events.sql). A draft (published_at null) has no record;
-- a scheduled item has one whose visible_from hides it (RLS) until its time.

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

create trigger news_items_search_sync after insert or update or delete on public.news_items
  for each row execute function private.search_on_news_change();
create trigger events_search_sync after insert or update or delete on public.events
  for each row execute function private.search_on_event_change();

-- A hub rename now also refreshes its news and events (they link to the hub).
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

revoke execute on function private.search_rich_text(jsonb), private.search_hub_link(uuid),
  private.search_sync_news(uuid), private.search_sync_event(uuid), private.search_rebuild_news(),
  private.search_rebuild_events(), private.search_on_news_change(), private.search_on_event_change(),
  private.search_on_hub_change() from public;

select private.search_register_source('news', 'private.search_rebuild_news()');
select private.search_register_source('event', 'private.search_rebuild_events()');
select private.search_rebuild_news();
select private.search_rebuild_events();
