-- Hub events, with the same draft/scheduled/published visibility as news, and
-- built-in registration with a capacity and a waiting list. Registration
-- status is decided by triggers (under a lock on the event), never by the
-- client, so two people cannot take the last place at once.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  hub_id uuid not null references public.hubs (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  title text not null check (char_length(btrim(title)) between 3 and 200),
  summary text not null default '' check (char_length(summary) <= 400),
  description jsonb not null default '{"type": "doc", "content": []}'::jsonb,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
  online_url text check (online_url ~ '^https?://' and char_length(online_url) <= 500),
  venue_name text check (char_length(venue_name) <= 200),
  venue_address text check (char_length(venue_address) <= 400),
  registration_mode text not null default 'none' check (registration_mode in ('none', 'external', 'internal')),
  registration_url text check (registration_url ~ '^https?://' and char_length(registration_url) <= 500),
  capacity integer check (capacity between 1 and 100000),
  published_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  updated_by uuid references auth.users (id) on delete set null,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint events_ends_after_start check (ends_at >= starts_at),
  constraint events_registration_matches_mode check (
    registration_mode = 'none'
    or (registration_mode = 'external' and registration_url is not null)
    or (registration_mode = 'internal' and capacity is not null)
  )
);
comment on table public.events is 'Events of a hub; public once published_at has passed.';
create index events_hub_starts_idx on public.events (hub_id, starts_at);
create index events_starts_idx on public.events (starts_at);
create index events_published_idx on public.events (published_at);
create index events_created_by_idx on public.events (created_by);

-- Refuses an unknown time zone name (Postgres knows the IANA database).
create or replace function public.stamp_event() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception 'unknown time zone: %', new.time_zone using errcode = '22023';
  end if;
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  new.updated_at := now();
  return new;
end
$$;
create trigger events_stamp before insert or update on public.events
  for each row execute function public.stamp_event();

create table public.event_registrations (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  status text not null default 'confirmed' check (status in ('confirmed', 'waitlisted')),
  created_at timestamptz not null default clock_timestamp(),
  unique (event_id, user_id)
);
comment on table public.event_registrations is 'Members registered for an event, confirmed or on the waiting list.';
create index event_registrations_user_idx on public.event_registrations (user_id);
create index event_registrations_waitlist_idx on public.event_registrations (event_id, status, created_at);

-- True for the coordinators of the event's hub and admins.
create or replace function public.can_manage_event(target_event_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select public.is_platform_admin() or exists (
    select 1 from public.events e
    where e.id = target_event_id and public.is_hub_coordinator(e.hub_id)
  )
$$;
revoke execute on function public.can_manage_event(uuid) from public;
grant execute on function public.can_manage_event(uuid) to anon, authenticated, service_role;

-- Fills free places from the waiting list, oldest first.
create or replace function public.promote_event_waitlist(target_event_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  places integer;
  taken integer;
begin
  select e.capacity into places from public.events e where e.id = target_event_id for update;
  if places is null then
    return;
  end if;
  select count(*) into taken from public.event_registrations r
   where r.event_id = target_event_id and r.status = 'confirmed';
  if taken < places then
    update public.event_registrations set status = 'confirmed'
     where id in (
       select r.id from public.event_registrations r
        where r.event_id = target_event_id and r.status = 'waitlisted'
        order by r.created_at, r.id
        limit places - taken
     );
  end if;
end
$$;
revoke execute on function public.promote_event_waitlist(uuid) from public;

create or replace function public.assign_event_registration_status() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  places integer;
  mode text;
  taken integer;
begin
  select e.capacity, e.registration_mode into places, mode
    from public.events e where e.id = new.event_id for update;
  if mode is distinct from 'internal' then
    raise exception 'this event does not take registrations on the portal' using errcode = '42501';
  end if;
  select count(*) into taken from public.event_registrations r
   where r.event_id = new.event_id and r.status = 'confirmed';
  new.status := case when taken < places then 'confirmed' else 'waitlisted' end;
  return new;
end
$$;
revoke execute on function public.assign_event_registration_status() from public;
create trigger event_registrations_assign_status before insert on public.event_registrations
  for each row execute function public.assign_event_registration_status();

create or replace function public.refill_event_after_cancellation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.status = 'confirmed' then
    perform public.promote_event_waitlist(old.event_id);
  end if;
  return old;
end
$$;
revoke execute on function public.refill_event_after_cancellation() from public;
create trigger event_registrations_refill after delete on public.event_registrations
  for each row execute function public.refill_event_after_cancellation();

create or replace function public.refill_event_after_capacity_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.capacity is distinct from old.capacity then
    perform public.promote_event_waitlist(new.id);
  end if;
  return new;
end
$$;
revoke execute on function public.refill_event_after_capacity_change() from public;
create trigger events_refill_after_capacity_change after update of capacity on public.events
  for each row execute function public.refill_event_after_capacity_change();

-- Places taken and waiting, for anyone who can see the event.
create or replace function public.event_registration_counts(target_event_id uuid)
returns table (confirmed integer, waitlisted integer)
language sql stable security definer
set search_path = ''
as $$
  select
    count(*) filter (where r.status = 'confirmed')::integer,
    count(*) filter (where r.status = 'waitlisted')::integer
  from public.event_registrations r
  join public.events e on e.id = r.event_id
  where r.event_id = target_event_id
    and (e.published_at <= now() or public.can_manage_event(e.id))
$$;
revoke execute on function public.event_registration_counts(uuid) from public;
grant execute on function public.event_registration_counts(uuid) to anon, authenticated, service_role;

alter table public.events enable row level security;
alter table public.event_registrations enable row level security;

grant select on public.events to anon, authenticated;
grant insert (hub_id, slug, title, summary, description, starts_at, ends_at, time_zone, online_url, venue_name,
  venue_address, registration_mode, registration_url, capacity, published_at, created_by) on public.events to authenticated;
grant update (slug, title, summary, description, starts_at, ends_at, time_zone, online_url, venue_name,
  venue_address, registration_mode, registration_url, capacity, published_at) on public.events to authenticated;
grant delete on public.events to authenticated;

grant select on public.event_registrations to authenticated;
grant insert (event_id, user_id) on public.event_registrations to authenticated;
grant delete on public.event_registrations to authenticated;

create policy "Published events are visible to visitors" on public.events
  for select to anon using (published_at <= now());
create policy "Published events, and drafts to their hub's coordinators, are visible to members" on public.events
  for select to authenticated
  using (published_at <= now() or (select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "Events can be created by the hub's coordinators and admins" on public.events
  for insert to authenticated
  with check (
    created_by = (select auth.uid())
    and ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id))
  );
create policy "Events can be edited by the hub's coordinators and admins" on public.events
  for update to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id))
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "Events can be deleted by the hub's coordinators and admins" on public.events
  for delete to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));

create policy "Registrations are visible to the registrant and the event's coordinators" on public.event_registrations
  for select to authenticated
  using (user_id = (select auth.uid()) or public.can_manage_event(event_id));
create policy "Members can register themselves for an open published event" on public.event_registrations
  for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (
      select 1 from public.events e
      where e.id = event_id and e.published_at <= now() and e.registration_mode = 'internal' and e.ends_at > now()
    )
  );
create policy "Registrations can be cancelled by the registrant and the event's coordinators" on public.event_registrations
  for delete to authenticated
  using (user_id = (select auth.uid()) or public.can_manage_event(event_id));
