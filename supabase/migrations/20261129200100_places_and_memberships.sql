-- Places and memberships: the hubs, cities and organizations of the network,
-- the roles people hold in them, and the helpers every policy of the portal
-- uses to ask "does the current user hold this role?".
--
-- Roles live in one table, public.memberships: platform admin (of nothing),
-- coordinator of a hub, editor of a city, member of an organization. A
-- coordinator also looks after the cities of their hub. Only admins grant and
-- revoke roles; every grant and revocation is audited (identity.sql).

-- hubs ------------------------------------------------------------------------

create table public.hubs (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 2 and 200),
  region text not null check (region in ('africa', 'americas', 'arab-states', 'asia-pacific', 'europe', 'cis', 'global')),
  countries text[] not null default '{}',
  host_name text,
  summary text not null default '' check (char_length(summary) <= 600),
  website_url text check (website_url ~ '^https?://'),
  source_url text check (source_url ~ '^https?://'),
  since_label text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The hub page's text, edited by its coordinators (hub_membership.sql).
  description jsonb
);
comment on table public.hubs is 'U4SSC-Hubs: the regional and country nodes of the network.';
comment on column public.hubs.description is 'Rich text (ProseMirror JSON), rendered and sanitised by the server.';
create trigger hubs_set_updated_at before update on public.hubs
  for each row execute function public.set_updated_at();

-- cities ----------------------------------------------------------------------

create table public.cities (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 1 and 200),
  country text not null,
  region text not null check (region in ('africa', 'americas', 'arab-states', 'asia-pacific', 'europe', 'cis', 'global')),
  -- The hub the city is a member of (set by an approved application).
  hub_id uuid references public.hubs (id) on delete set null,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  -- Facts from the reference research: the city implemented the U4SSC KPIs.
  kpi_implemented boolean not null default false,
  kpi_source text,
  uncertain boolean not null default false,
  uncertain_note text,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.cities is 'Cities and communities taking part in the network.';
create index cities_hub_id_idx on public.cities (hub_id);
create trigger cities_set_updated_at before update on public.cities
  for each row execute function public.set_updated_at();

-- organizations -----------------------------------------------------------------

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 2 and 200),
  kind text not null check (kind in ('private-sector', 'academia', 'civil-society', 'public-sector', 'un-agency')),
  country text,
  website_url text check (website_url ~ '^https?://'),
  summary text not null default '' check (char_length(summary) <= 600),
  -- Only verified organizations are public; a registration starts pending.
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  is_demo boolean not null default false,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Partners: companies, universities, NGOs and public bodies.';
create index organizations_status_idx on public.organizations (status);
create index organizations_created_by_idx on public.organizations (created_by);
create trigger organizations_set_updated_at before update on public.organizations
  for each row execute function public.set_updated_at();

-- memberships -------------------------------------------------------------------

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('platform_admin', 'hub_coordinator', 'city_editor', 'org_member')),
  hub_id uuid references public.hubs (id) on delete cascade,
  city_id uuid references public.cities (id) on delete cascade,
  organization_id uuid references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- Each role names exactly the one thing it is held in.
  constraint memberships_target_matches_role check (
    (role = 'platform_admin' and hub_id is null and city_id is null and organization_id is null)
    or (role = 'hub_coordinator' and hub_id is not null and city_id is null and organization_id is null)
    or (role = 'city_editor' and city_id is not null and hub_id is null and organization_id is null)
    or (role = 'org_member' and organization_id is not null and hub_id is null and city_id is null)
  )
);
comment on table public.memberships is 'A user''s role: platform admin, coordinator of a hub, editor of a city, member of an organization.';
create unique index memberships_unique_role_idx on public.memberships (
  user_id, role, coalesce(hub_id, city_id, organization_id, '00000000-0000-0000-0000-000000000000'::uuid)
);
-- The columns the helpers below filter on (a schema guard test checks them).
create index memberships_user_role_idx on public.memberships (user_id, role);
create index memberships_hub_id_idx on public.memberships (hub_id) where hub_id is not null;
create index memberships_city_id_idx on public.memberships (city_id) where city_id is not null;
create index memberships_organization_id_idx on public.memberships (organization_id) where organization_id is not null;

-- Policy helpers ----------------------------------------------------------------
-- Read by the row-level security policies of every domain. They are security
-- definer so that a policy on `memberships` can call them without recursing
-- into its own policies; the empty search_path stops a caller from shadowing
-- the tables they read. Policies call them as `(select public.is_platform_admin())`
-- where the argument does not depend on the row, so it runs once per statement.

create or replace function public.is_platform_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid()) and m.role = 'platform_admin'
  )
$$;

create or replace function public.is_hub_coordinator(target_hub_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid()) and m.role = 'hub_coordinator' and m.hub_id = target_hub_id
  )
$$;

create or replace function public.is_city_editor(target_city_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid()) and m.role = 'city_editor' and m.city_id = target_city_id
  )
$$;

create or replace function public.is_org_member(target_org_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid()) and m.role = 'org_member' and m.organization_id = target_org_id
  )
$$;

-- A coordinator looks after the cities of their hub as well.
create or replace function public.is_coordinator_of_city_hub(target_city_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.cities c
    join public.memberships m on m.hub_id = c.hub_id
    where c.id = target_city_id and m.user_id = (select auth.uid()) and m.role = 'hub_coordinator'
  )
$$;

revoke execute on function public.is_platform_admin(), public.is_hub_coordinator(uuid),
  public.is_city_editor(uuid), public.is_org_member(uuid), public.is_coordinator_of_city_hub(uuid) from public;
grant execute on function public.is_platform_admin(), public.is_hub_coordinator(uuid),
  public.is_city_editor(uuid), public.is_org_member(uuid), public.is_coordinator_of_city_hub(uuid)
  to anon, authenticated, service_role;

-- Row-level security ------------------------------------------------------------

alter table public.hubs enable row level security;
alter table public.cities enable row level security;
alter table public.organizations enable row level security;
alter table public.memberships enable row level security;

-- hubs: public; admins create and delete them, coordinators edit their own.
-- slug, source_url and is_demo are not in the update grant: only the owner
-- (the seed, from the reference data) sets them.
grant select on public.hubs to anon, authenticated;
grant insert, delete on public.hubs to authenticated;
grant update (name, region, countries, host_name, summary, website_url, since_label, description)
  on public.hubs to authenticated;

create policy "Hubs are visible to visitors" on public.hubs
  for select to anon using (true);
create policy "Hubs are visible to members" on public.hubs
  for select to authenticated using (true);
create policy "Hubs can be created by admins" on public.hubs
  for insert to authenticated with check ((select public.is_platform_admin()));
create policy "Hubs can be edited by their coordinators and admins" on public.hubs
  for update to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(id))
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(id));
create policy "Hubs can be deleted by admins" on public.hubs
  for delete to authenticated using ((select public.is_platform_admin()));

-- cities: public; a city editor edits their city but cannot move it to
-- another hub; a coordinator adds and edits the cities of their hub.
grant select on public.cities to anon, authenticated;
grant insert, delete on public.cities to authenticated;
grant update (name, country, region, hub_id, latitude, longitude) on public.cities to authenticated;

create policy "Cities are visible to visitors" on public.cities
  for select to anon using (true);
create policy "Cities are visible to members" on public.cities
  for select to authenticated using (true);
create policy "Cities can be added by admins and coordinators of their hub" on public.cities
  for insert to authenticated
  with check ((select public.is_platform_admin()) or (hub_id is not null and public.is_hub_coordinator(hub_id)));
create policy "Cities can be edited by their editors, their hub's coordinators and admins" on public.cities
  for update to authenticated
  using ((select public.is_platform_admin()) or public.is_city_editor(id) or public.is_coordinator_of_city_hub(id))
  with check (
    (select public.is_platform_admin())
    or (public.is_city_editor(id) and hub_id is not distinct from (select c.hub_id from public.cities c where c.id = cities.id))
    or (hub_id is not null and public.is_hub_coordinator(hub_id))
  );
create policy "Cities can be deleted by admins" on public.cities
  for delete to authenticated using ((select public.is_platform_admin()));

-- organizations: verified ones are public; anyone signed in registers one for
-- review; its members edit it; only admins verify (the trigger below).
grant select on public.organizations to anon, authenticated;
grant insert (slug, name, kind, country, website_url, summary, created_by) on public.organizations to authenticated;
grant update (name, kind, country, website_url, summary, status) on public.organizations to authenticated;
grant delete on public.organizations to authenticated;

create policy "Verified organizations are visible to visitors" on public.organizations
  for select to anon using (status = 'verified');
create policy "Verified organizations, and their own, are visible to members" on public.organizations
  for select to authenticated
  using (
    status = 'verified'
    or created_by = (select auth.uid())
    or public.is_org_member(id)
    or (select public.is_platform_admin())
  );
create policy "Members can register an organization for review" on public.organizations
  for insert to authenticated
  with check (created_by = (select auth.uid()) and status = 'pending');
create policy "Organizations can be edited by their members and admins" on public.organizations
  for update to authenticated
  using (public.is_org_member(id) or (select public.is_platform_admin()))
  with check (public.is_org_member(id) or (select public.is_platform_admin()));
create policy "Organizations can be deleted by admins" on public.organizations
  for delete to authenticated using ((select public.is_platform_admin()));

-- Only an admin decides whether an organization is verified; members editing
-- their own organization cannot change its status (a policy cannot compare
-- the new row with the old one, a trigger can).
create or replace function public.guard_organization_status() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated')
     and new.status is distinct from old.status
     and not public.is_platform_admin() then
    raise exception 'only a platform admin can change an organization''s status'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger organizations_guard_status before update on public.organizations
  for each row execute function public.guard_organization_status();

-- memberships: who coordinates a hub is public; people see their own roles
-- and the roles in what they run; only admins grant (in their own name) and
-- revoke. Roles are never updated: revoke and grant again.
grant select on public.memberships to anon, authenticated;
grant insert (user_id, role, hub_id, city_id, organization_id, created_by) on public.memberships to authenticated;
grant delete on public.memberships to authenticated;

create policy "Hub coordinators are visible to visitors" on public.memberships
  for select to anon using (role = 'hub_coordinator');
create policy "Members see coordinators, their own roles and the roles in what they run" on public.memberships
  for select to authenticated
  using (
    role = 'hub_coordinator'
    or user_id = (select auth.uid())
    or (select public.is_platform_admin())
    or (organization_id is not null and public.is_org_member(organization_id))
    or (city_id is not null and public.is_city_editor(city_id))
  );
create policy "Roles can be granted by admins" on public.memberships
  for insert to authenticated
  with check ((select public.is_platform_admin()) and created_by = (select auth.uid()));
create policy "Roles can be revoked by admins" on public.memberships
  for delete to authenticated using ((select public.is_platform_admin()));
