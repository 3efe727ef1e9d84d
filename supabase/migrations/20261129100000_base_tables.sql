-- Base tables of the portal: who people are, the hubs, cities and organizations
-- of the network, the roles people hold in them, and the reference deliverables.

create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 120),
  affiliation text check (char_length(affiliation) <= 200),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Public face of a user account: the name shown beside their work.';

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
  updated_at timestamptz not null default now()
);
comment on table public.hubs is 'U4SSC-Hubs: the regional and country nodes of the network.';

create table public.cities (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 1 and 200),
  country text not null,
  region text not null check (region in ('africa', 'americas', 'arab-states', 'asia-pacific', 'europe', 'cis', 'global')),
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
create index memberships_user_role_idx on public.memberships (user_id, role);
create index memberships_hub_id_idx on public.memberships (hub_id) where hub_id is not null;
create index memberships_city_id_idx on public.memberships (city_id) where city_id is not null;
create index memberships_organization_id_idx on public.memberships (organization_id) where organization_id is not null;

create table public.deliverables (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('recommendation', 'publication')),
  code text,
  title text not null,
  year integer not null check (year between 1990 and 2100),
  summary text not null,
  body text not null default '',
  url text check (url ~ '^https?://'),
  uncertain boolean not null default false,
  note text,
  themes text[] not null default '{}',
  sources text[] not null default '{}',
  -- The content file this row was synced from; null when added in the portal.
  content_path text unique,
  published boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.deliverables is 'ITU-T Recommendations and U4SSC publications, synced from content/deliverables.';
create index deliverables_published_idx on public.deliverables (published);
create index deliverables_kind_year_idx on public.deliverables (kind, year desc);

create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();
create trigger hubs_set_updated_at before update on public.hubs
  for each row execute function public.set_updated_at();
create trigger cities_set_updated_at before update on public.cities
  for each row execute function public.set_updated_at();
create trigger organizations_set_updated_at before update on public.organizations
  for each row execute function public.set_updated_at();
create trigger deliverables_set_updated_at before update on public.deliverables
  for each row execute function public.set_updated_at();
