-- City profiles: what a city says about itself (population, its own SDG
-- priorities, a short profile, its role address and website) and the
-- reference facts about its use of the U4SSC KPIs (year, third-party
-- verification, report link). The city's editors, and the coordinators of its
-- hubs, edit the profile; its name, country and region, and the KPI facts,
-- are the network's records: only platform admins change them (the guard
-- trigger below; hub memberships are public.hub_cities, admins' too).

alter table public.cities
  add column population integer check (population between 0 and 100000000),
  add column population_year smallint check (population_year between 1900 and 2100),
  -- The goals the city itself has chosen to prioritise (1–17), in its own words elsewhere.
  add column sdg_priorities smallint[] not null default '{}'
    check (sdg_priorities <@ '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17}'::smallint[]),
  add column profile text not null default '' check (char_length(profile) <= 1500),
  -- A shared role address (smartcity@…), never a person's: the profile form
  -- asks the editor to confirm it, and case studies show it as their contact.
  add column contact_email text
    check (char_length(contact_email) <= 254 and contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  add column website_url text check (char_length(website_url) <= 500 and website_url ~ '^https?://'),
  -- U4SSC KPI status from the reference research: the year of the report that
  -- records the city's use of the KPIs, whether a third party verified it
  -- (null: not known), and a link to the report or the ITU page about it.
  add column kpi_year smallint check (kpi_year between 2014 and 2100),
  add column kpi_verified boolean,
  add column kpi_report_url text check (char_length(kpi_report_url) <= 500 and kpi_report_url ~ '^https?://'),
  add constraint cities_population_has_year check ((population is null) = (population_year is null));

comment on column public.cities.sdg_priorities is 'The SDGs the city prioritises, chosen by its editors.';
comment on column public.cities.contact_email is 'The city''s shared role address (never a personal e-mail).';
comment on column public.cities.kpi_verified is 'U4SSC KPIs verified by a third party: true, false, or null when not known.';

-- The band of a population figure, as src/lib/taxonomy/bands.ts defines the
-- bands (lower bounds inclusive); tests/integration/case-studies.test.ts
-- checks that the two agree at every boundary. Used for the case-study facet
-- "city size" and the peers' "similar population".
create or replace function private.population_band(population integer) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select case
    when population is null or population < 0 then null
    when population < 50000 then 'under-50k'
    when population < 200000 then '50k-200k'
    when population < 500000 then '200k-500k'
    when population < 1500000 then '500k-1-5m'
    else '1-5m-plus'
  end
$$;
revoke all on function private.population_band(integer) from public, anon, authenticated, service_role;

-- What a city's editors and its hubs' coordinators may change; the rest of
-- the row is the network's record (the guard below keeps it for admins).
grant update (population, population_year, sdg_priorities, profile, contact_email, website_url,
              kpi_year, kpi_verified, kpi_report_url)
  on public.cities to authenticated;

-- A policy cannot compare the new row with the old one; a trigger can. The
-- owner (seed, migrations) is not an API role and passes.
create or replace function public.guard_city_reference_facts() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') and not public.is_platform_admin()
     and (new.name, new.country, new.region, new.kpi_year, new.kpi_verified, new.kpi_report_url)
         is distinct from (old.name, old.country, old.region, old.kpi_year, old.kpi_verified, old.kpi_report_url) then
    raise exception 'only a platform admin can change a city''s name, country, region or U4SSC KPI facts'
      using errcode = '42501';
  end if;
  return new;
end
$$;
revoke all on function public.guard_city_reference_facts() from public, anon, authenticated, service_role;
create trigger cities_guard_reference_facts before update on public.cities
  for each row execute function public.guard_city_reference_facts();
