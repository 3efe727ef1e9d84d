-- Membership helpers read by the row-level security policies. They are
-- security definer so that a policy on `memberships` can call them without
-- recursing into its own policies; the empty search_path stops a caller from
-- shadowing the tables they read.

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
