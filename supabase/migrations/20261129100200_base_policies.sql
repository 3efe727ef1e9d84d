-- Row-level security for the base tables: one policy per operation and role,
-- named as a sentence. Grants give the API roles the operations the policies
-- then narrow down to rows.

alter table public.profiles enable row level security;
alter table public.hubs enable row level security;
alter table public.cities enable row level security;
alter table public.organizations enable row level security;
alter table public.memberships enable row level security;
alter table public.deliverables enable row level security;

grant usage on schema public to anon, authenticated, service_role;

-- profiles ------------------------------------------------------------------
grant select on public.profiles to anon, authenticated;
grant insert (id, display_name, affiliation) on public.profiles to authenticated;
grant update (display_name, affiliation) on public.profiles to authenticated;
grant delete on public.profiles to authenticated;

create policy "Profiles are visible to visitors" on public.profiles
  for select to anon using (true);
create policy "Profiles are visible to members" on public.profiles
  for select to authenticated using (true);
create policy "Members can create their own profile" on public.profiles
  for insert to authenticated with check (id = (select auth.uid()));
create policy "Members can edit their own profile" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));
create policy "Profiles can be deleted by their owner or an admin" on public.profiles
  for delete to authenticated using (id = (select auth.uid()) or (select public.is_platform_admin()));

-- hubs ----------------------------------------------------------------------
grant select on public.hubs to anon, authenticated;
grant insert, delete on public.hubs to authenticated;
grant update (name, region, countries, host_name, summary, website_url, since_label) on public.hubs to authenticated;

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

-- cities --------------------------------------------------------------------
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

-- organizations ---------------------------------------------------------------
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
-- their own organization cannot change its status.
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

-- memberships -----------------------------------------------------------------
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

-- deliverables ----------------------------------------------------------------
grant select on public.deliverables to anon, authenticated;
grant insert, update, delete on public.deliverables to authenticated;

create policy "Published deliverables are visible to visitors" on public.deliverables
  for select to anon using (published);
create policy "Published deliverables are visible to members, all of them to admins" on public.deliverables
  for select to authenticated using (published or (select public.is_platform_admin()));
create policy "Deliverables can be added by admins" on public.deliverables
  for insert to authenticated with check ((select public.is_platform_admin()));
create policy "Deliverables can be edited by admins" on public.deliverables
  for update to authenticated
  using ((select public.is_platform_admin())) with check ((select public.is_platform_admin()));
create policy "Deliverables can be deleted by admins" on public.deliverables
  for delete to authenticated using ((select public.is_platform_admin()));
