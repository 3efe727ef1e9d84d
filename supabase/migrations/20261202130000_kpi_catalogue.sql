-- The U4SSC KPI catalogue (Recommendation ITU-T Y.4903/L.1603): the 91 KPIs
-- and their links to the Sustainable Development Goals, synced from
-- content/kpis by the seed (src/server/kpis/sync-kpis.ts), like the
-- deliverables. Everyone reads the catalogue; only platform admins (and the
-- owner, for the sync) change it. Each KPI is a search record (type `kpi`).

create table public.kpis (
  -- The official code, e.g. EC:ICT:ICT:1C (dimension:sub-dimension:category:number+C/A).
  code text primary key check (code ~ '^(EC|EN|SC):[A-Z]{1,3}:[A-Z]{1,3}:[1-9][0-9]?[CA]$'),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (char_length(name) between 2 and 120),
  -- One line for search results and cards, written by the sync from the i18n messages.
  summary text not null default '' check (char_length(summary) <= 300),
  dimension text not null check (dimension in ('EC', 'EN', 'SC')),
  sub_dimension text not null
    check (sub_dimension in ('EC:ICT', 'EC:P', 'EC:I', 'EN:EN', 'EN:E', 'SC:EH', 'SC:SH')),
  category text not null check (category ~ '^(EC|EN|SC):[A-Z]{1,3}:[A-Z]{1,3}$'),
  kpi_type text not null check (kpi_type in ('core', 'advanced')),
  -- The official sheets' second tag; null where the reference does not know it.
  focus text check (focus in ('smart', 'sustainable')),
  unit text not null check (char_length(unit) between 1 and 200),
  -- The research could not confirm the unit in an ITU publication.
  unit_uncertain boolean not null default false,
  -- How a value is reported: {"kind": "percentage"|"count"|"rate"|"amount"|"ratio"|"yes-no",
  -- "max"?: number, "parts"?: [{"key", "label", "kind"}]} (src/lib/kpis/measures.ts).
  measure jsonb not null check (jsonb_typeof(measure) = 'object' and measure ? 'kind'),
  themes text[] not null default '{}',
  confirmed_in_title text,
  confirmed_in_url text check (confirmed_in_url ~ '^https?://'),
  -- Order of the framework (1–91).
  position integer not null check (position > 0),
  -- The content file this row was synced from; null when added in the portal.
  content_path text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kpis_sub_dimension_in_dimension check (starts_with(sub_dimension, dimension || ':')),
  constraint kpis_code_in_sub_dimension check (starts_with(code, sub_dimension || ':')),
  constraint kpis_category_in_sub_dimension check (starts_with(category, sub_dimension || ':')),
  constraint kpis_type_matches_code check ((kpi_type = 'core') = (right(code, 1) = 'C')),
  constraint kpis_confirmed_in_complete check ((confirmed_in_title is null) = (confirmed_in_url is null))
);
comment on table public.kpis is
  'The 91 U4SSC key performance indicators (ITU-T Y.4903), synced from content/kpis.';
create index kpis_dimension_idx on public.kpis (dimension, sub_dimension, position);
create index kpis_themes_idx on public.kpis using gin (themes);

create trigger kpis_set_updated_at before update on public.kpis
  for each row execute function public.set_updated_at();

create table public.kpi_sdg_links (
  id bigint generated always as identity primary key,
  kpi_code text not null references public.kpis (code) on delete cascade on update cascade,
  goal smallint not null check (goal between 1 and 17),
  target text check (target ~ '^[0-9]{1,2}\.([0-9]{1,2}|[a-d])$'),
  indicator text check (indicator ~ '^[0-9]{1,2}\.([0-9]{1,2}|[a-d])\.[0-9]{1,2}$'),
  -- confirmed: seen in an ITU text (source given); indicative: assigned by
  -- topic by the reference's compilers, goal level only, never shown as confirmed.
  basis text not null check (basis in ('confirmed', 'indicative')),
  source_title text,
  source_url text check (source_url ~ '^https?://'),
  constraint kpi_sdg_links_target_in_goal check (target is null or split_part(target, '.', 1)::int = goal),
  constraint kpi_sdg_links_indicator_in_target
    check (indicator is null or (target is not null and starts_with(indicator, target || '.'))),
  constraint kpi_sdg_links_basis_rules check (
    (basis = 'confirmed' and source_url is not null and source_title is not null)
    or (basis = 'indicative' and target is null and indicator is null)
  ),
  constraint kpi_sdg_links_unique unique nulls not distinct (kpi_code, goal, target, indicator)
);
comment on table public.kpi_sdg_links is
  'Links between KPIs and SDG goals, targets or indicators, confirmed or indicative.';
create index kpi_sdg_links_goal_idx on public.kpi_sdg_links (goal, kpi_code);

-- Row-level security: the catalogue is public reference data.
alter table public.kpis enable row level security;
alter table public.kpi_sdg_links enable row level security;

-- On Supabase, default privileges give the API roles everything (truncate
-- included, which RLS does not cover) on new tables: start from nothing.
revoke all on public.kpis, public.kpi_sdg_links from anon, authenticated;
grant select on public.kpis, public.kpi_sdg_links to anon, authenticated;
grant insert, update, delete on public.kpis, public.kpi_sdg_links to authenticated;

create policy "KPIs are visible to visitors" on public.kpis
  for select to anon using (true);
create policy "KPIs are visible to members" on public.kpis
  for select to authenticated using (true);
create policy "KPIs can be added by admins" on public.kpis
  for insert to authenticated with check ((select public.is_platform_admin()));
create policy "KPIs can be edited by admins" on public.kpis
  for update to authenticated
  using ((select public.is_platform_admin())) with check ((select public.is_platform_admin()));
create policy "KPIs can be deleted by admins" on public.kpis
  for delete to authenticated using ((select public.is_platform_admin()));

create policy "KPI SDG links are visible to visitors" on public.kpi_sdg_links
  for select to anon using (true);
create policy "KPI SDG links are visible to members" on public.kpi_sdg_links
  for select to authenticated using (true);
create policy "KPI SDG links can be added by admins" on public.kpi_sdg_links
  for insert to authenticated with check ((select public.is_platform_admin()));
create policy "KPI SDG links can be edited by admins" on public.kpi_sdg_links
  for update to authenticated
  using ((select public.is_platform_admin())) with check ((select public.is_platform_admin()));
create policy "KPI SDG links can be deleted by admins" on public.kpi_sdg_links
  for delete to authenticated using ((select public.is_platform_admin()));

-- Search records (README, "Search: the SQL API") ---------------------------------
-- A KPI's record carries only its confirmed SDG goals as facet values:
-- the search facet cannot say "indicative", so indicative links stay on the
-- KPI pages, where they are labelled.
create or replace function private.search_sync_kpi(target_code text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  k public.kpis;
  confirmed_goals smallint[];
  indicators text[];
  part_labels text;
begin
  select * into k from public.kpis where code = target_code;
  if not found then
    perform private.search_delete('kpi', target_code);
    return;
  end if;
  select coalesce(array_agg(distinct l.goal order by l.goal), '{}'),
         coalesce(array_agg(distinct l.indicator order by l.indicator)
                    filter (where l.indicator is not null), '{}')
    into confirmed_goals, indicators
    from public.kpi_sdg_links l
   where l.kpi_code = k.code and l.basis = 'confirmed';
  select string_agg(p.part ->> 'label', ', ' order by p.n)
    into part_labels
    from jsonb_array_elements(coalesce(k.measure -> 'parts', '[]'::jsonb)) with ordinality as p(part, n);
  perform private.search_upsert(jsonb_build_object(
    'type', 'kpi',
    'source_id', k.code,
    'title', k.name,
    'summary', k.summary,
    'text', concat_ws('. ', k.unit, part_labels, nullif(array_to_string(indicators, ' '), '')),
    'url', '/kpis/' || k.slug,
    'code', k.code,
    'subtype', k.kpi_type,
    'sdgs', to_jsonb(confirmed_goals),
    'themes', to_jsonb(k.themes),
    'kpi_codes', jsonb_build_array(k.code)
  ));
end
$$;

create or replace function private.search_rebuild_kpis() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_kpi(k.code) from public.kpis k
$$;

create or replace function private.search_on_kpi_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.code is distinct from old.code then
    perform private.search_sync_kpi(old.code);
  end if;
  perform private.search_sync_kpi(case when tg_op = 'DELETE' then old.code else new.code end);
  return null;
end
$$;

-- A link names its KPI's SDG facets: changing one refreshes the KPI's record.
create or replace function private.search_on_kpi_sdg_link_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.search_sync_kpi(old.kpi_code);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.kpi_code is distinct from old.kpi_code) then
    perform private.search_sync_kpi(new.kpi_code);
  end if;
  return null;
end
$$;

create trigger kpis_search_sync after insert or update or delete on public.kpis
  for each row execute function private.search_on_kpi_change();
create trigger kpi_sdg_links_search_sync after insert or update or delete on public.kpi_sdg_links
  for each row execute function private.search_on_kpi_sdg_link_change();

revoke execute on function private.search_sync_kpi(text), private.search_rebuild_kpis(),
  private.search_on_kpi_change(), private.search_on_kpi_sdg_link_change() from public;

select private.search_register_source('kpi', 'private.search_rebuild_kpis()');
