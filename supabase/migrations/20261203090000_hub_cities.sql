-- Cities belong to several hubs. A city can be a member of a country hub and
-- a regional hub at once; until now `cities.hub_id` held one hub, so approving
-- a city into a second hub silently took it out of the first (issue 11, item 9:
-- Fjordby left the Nordic hub when the Austrian hub approved it).
--
-- Hub membership of cities is now `public.hub_cities (hub_id, city_id)`, the
-- same shape as the partner organizations' `public.hub_partners`. Each hub's
-- coordinators (and admins) add and remove only their own hub's cities; an
-- approved application adds the city to that one hub and touches no other;
-- a city's editors cannot move their city. `cities.hub_id` is migrated into
-- the new table and dropped, with the policies, functions and search records
-- that read it rewritten here.

-- member cities of a hub ------------------------------------------------------
create table public.hub_cities (
  hub_id uuid not null references public.hubs (id) on delete cascade,
  city_id uuid not null references public.cities (id) on delete cascade,
  -- Who added the city: the coordinator who approved its application, or
  -- who added it directly; not writable by the API roles (the default).
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (hub_id, city_id)
);
comment on table public.hub_cities is 'Member cities of a hub; a city may belong to several hubs.';
-- The primary key serves "the cities of a hub"; this one "the hubs of a city"
-- (is_coordinator_of_city_hub, the city pages, the search record).
create index hub_cities_city_id_idx on public.hub_cities (city_id);

insert into public.hub_cities (hub_id, city_id, created_by)
select c.hub_id, c.id, null from public.cities c where c.hub_id is not null;

revoke all on public.hub_cities from anon, authenticated, service_role;
grant select on public.hub_cities to anon, authenticated;
grant insert (hub_id, city_id), delete on public.hub_cities to authenticated;

alter table public.hub_cities enable row level security;

create policy "Hub cities are visible to visitors" on public.hub_cities
  for select to anon using (true);
create policy "Hub cities are visible to members" on public.hub_cities
  for select to authenticated using (true);
create policy "Hub cities can be added by the hub's coordinators and admins" on public.hub_cities
  for insert to authenticated
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "Hub cities can be removed by the hub's coordinators and admins" on public.hub_cities
  for delete to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));

comment on table public.hub_partners is 'Partner organizations of a hub; an organization may belong to several hubs.';

-- cities without hub_id ---------------------------------------------------------
-- The two policies read hub_id, so they go first (a policy depends on the
-- columns it names).
drop policy "Cities can be added by admins and coordinators of their hub" on public.cities;
drop policy "Cities can be edited by their editors, their hub's coordinators and admins" on public.cities;
alter table public.cities drop column hub_id;

-- A coordinator of any hub may add a city (and then add it to their own hub:
-- hub_cities); a city's hubs are never written through the cities table.
create policy "Cities can be added by admins and hub coordinators" on public.cities
  for insert to authenticated
  with check (
    (select public.is_platform_admin())
    or (select exists (select 1 from public.hubs h where public.is_hub_coordinator(h.id)))
  );
create policy "Cities can be edited by their editors, their hubs' coordinators and admins" on public.cities
  for update to authenticated
  using ((select public.is_platform_admin()) or public.is_city_editor(id) or public.is_coordinator_of_city_hub(id))
  with check ((select public.is_platform_admin()) or public.is_city_editor(id) or public.is_coordinator_of_city_hub(id));

-- A coordinator looks after the cities of their hubs: true for a coordinator
-- of any hub the city belongs to (reviewing its case studies, reading its
-- assessments…). `create or replace` keeps the function's grants.
create or replace function public.is_coordinator_of_city_hub(target_city_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.hub_cities hc
    join public.memberships m on m.hub_id = hc.hub_id
    where hc.city_id = target_city_id and m.user_id = (select auth.uid()) and m.role = 'hub_coordinator'
  )
$$;

-- decisions ---------------------------------------------------------------------
-- Approving adds the city or organization to the application's hub only:
-- its other hubs are left as they are.
create or replace function public.apply_hub_membership_decision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  hub_name text;
  applicant_name text;
begin
  if new.status = old.status then
    return new;
  end if;
  select h.name into hub_name from public.hubs h where h.id = new.hub_id;
  if new.city_id is not null then
    select c.name into applicant_name from public.cities c where c.id = new.city_id;
  else
    select o.name into applicant_name from public.organizations o where o.id = new.organization_id;
  end if;
  if new.status = 'approved' then
    if new.city_id is not null then
      insert into public.hub_cities (hub_id, city_id, created_by)
      values (new.hub_id, new.city_id, new.decided_by)
      on conflict do nothing;
    else
      insert into public.hub_partners (hub_id, organization_id, created_by)
      values (new.hub_id, new.organization_id, new.decided_by)
      on conflict do nothing;
    end if;
    insert into public.hub_notifications (recipient_id, kind, hub_id, application_id, subject, body)
    values (
      new.applicant_id, 'membership_approved', new.hub_id, new.id,
      format('%s has joined %s', applicant_name, hub_name),
      format('Your request for %s to join %s was approved.', applicant_name, hub_name)
    );
  elsif new.status = 'declined' then
    insert into public.hub_notifications (recipient_id, kind, hub_id, application_id, subject, body)
    values (
      new.applicant_id, 'membership_declined', new.hub_id, new.id,
      format('Your request to join %s was declined', hub_name),
      format(E'Your request for %s to join %s was declined.\n\nReason given by the coordinators:\n%s',
        applicant_name, hub_name, new.decision_reason)
    );
  end if;
  return new;
end
$$;

-- search records ------------------------------------------------------------------
-- A city's record names every hub it belongs to (the hub facet, and a link to
-- each hub); an organization's names every hub it is a partner of.
create or replace function private.search_sync_city(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cities;
  hub_slugs jsonb;
  hub_links jsonb;
  hub_names text;
begin
  select * into c from public.cities where id = target_id;
  if not found then
    perform private.search_delete('city', target_id::text);
    return;
  end if;
  select coalesce(jsonb_agg(h.slug order by h.is_demo, h.name), '[]'::jsonb),
         coalesce(jsonb_agg(jsonb_build_object(
           'id', 'hub:' || h.id, 'type', 'hub', 'title', h.name, 'url', '/hubs/' || h.slug, 'relation', 'hub'
         ) order by h.is_demo, h.name), '[]'::jsonb),
         string_agg(h.name, ', ' order by h.is_demo, h.name)
    into hub_slugs, hub_links, hub_names
    from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
   where hc.city_id = c.id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'city',
    'source_id', c.id,
    'title', c.name,
    'summary', concat_ws(' · ', c.country, hub_names),
    'text', concat_ws('. ', c.kpi_source, c.uncertain_note),
    'url', '/cities/' || c.slug,
    'hubs', hub_slugs,
    'country', c.country,
    'region', c.region,
    'themes', case when c.kpi_implemented then '["kpis"]'::jsonb else '[]'::jsonb end,
    'links', hub_links,
    'is_demo', c.is_demo
  ));
end
$$;

create or replace function private.search_sync_organization(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  o public.organizations;
  hub_slugs jsonb;
  hub_links jsonb;
begin
  select * into o from public.organizations where id = target_id;
  if not found or o.status <> 'verified' then
    perform private.search_delete('organization', target_id::text);
    return;
  end if;
  select coalesce(jsonb_agg(h.slug order by h.is_demo, h.name), '[]'::jsonb),
         coalesce(jsonb_agg(jsonb_build_object(
           'id', 'hub:' || h.id, 'type', 'hub', 'title', h.name, 'url', '/hubs/' || h.slug, 'relation', 'hub'
         ) order by h.is_demo, h.name), '[]'::jsonb)
    into hub_slugs, hub_links
    from public.hub_partners hp join public.hubs h on h.id = hp.hub_id
   where hp.organization_id = o.id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'organization',
    'source_id', o.id,
    'title', o.name,
    'summary', o.summary,
    'url', '/directory/' || o.slug,
    'subtype', o.kind,
    'hubs', hub_slugs,
    'country', o.country,
    'links', hub_links,
    'is_demo', o.is_demo
  ));
end
$$;

-- A hub's record, and on a rename the records that name the hub: its cities,
-- partner organizations, news and events.
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
    perform private.search_sync_city(hc.city_id) from public.hub_cities hc where hc.hub_id = new.id;
    perform private.search_sync_organization(hp.organization_id)
       from public.hub_partners hp where hp.hub_id = new.id;
    perform private.search_sync_news(n.id) from public.news_items n where n.hub_id = new.id;
    perform private.search_sync_event(e.id) from public.events e where e.hub_id = new.id;
  end if;
  return new;
end
$$;

-- A city joining or leaving a hub changes the city's record. (A deleted hub's
-- rows go by cascade, and this trigger refreshes its cities then too.)
create or replace function private.search_on_hub_city_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_city(case when tg_op = 'DELETE' then old.city_id else new.city_id end);
  return null;
end
$$;

create or replace function private.search_on_hub_partner_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_organization(
    case when tg_op = 'DELETE' then old.organization_id else new.organization_id end);
  return null;
end
$$;

revoke all on function private.search_on_hub_city_change(), private.search_on_hub_partner_change()
  from public, anon, authenticated, service_role;

create trigger hub_cities_search_sync after insert or update or delete on public.hub_cities
  for each row execute function private.search_on_hub_city_change();
create trigger hub_partners_search_sync after insert or update or delete on public.hub_partners
  for each row execute function private.search_on_hub_partner_change();

-- The records as they are now (the rows above were written before the new
-- functions existed, and organizations' records did not name their hubs).
select private.search_rebuild_cities();
select private.search_rebuild_organizations();
