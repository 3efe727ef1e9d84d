-- KPI self-assessments (issue 14, items 2–5): a city measures itself with the
-- U4SSC KPIs (public.kpis) year after year, against its own targets, records
-- the third-party verification of an assessment, and may publish a snapshot
-- of the values it chooses. docs/kpi-assessments.md explains the workflow.
--
-- Who sees what (the policies below):
-- - an assessment, its values and the city's targets are private to the
--   city's editors and the coordinators of the city's hubs
--   (`is_city_editor`, `is_coordinator_of_city_hub`); platform admins are not
--   included: a city's unpublished figures are the city's;
-- - only the city's editors change them; coordinators read;
-- - once the city publishes a snapshot of an assessment, everyone sees that
--   assessment (year, version, verification) and the values marked `shared`,
--   nothing else.
--
-- Verified assessments are frozen by triggers (for every role, the owner
-- included): their values and verification cannot change and they cannot be
-- deleted; a correction is a new version (`supersedes_id`), and the verified
-- version stays readable. Only the choice of what a snapshot shares (and
-- whether it is published) may still change.
--
-- Values are checked against the KPI's measure (`kpis.measure`: percentages
-- 0–100, counts whole and ≥ 0, rates, amounts and ratios ≥ 0 and below a
-- stated maximum, yes/no as 1/0, named parts for multi-valued KPIs) by a
-- trigger, so bad figures cannot enter from anywhere; the forms and the CSV
-- import check the same rules first, with messages per field and per line.
--
-- No search record is made from any of this, on purpose: search results list
-- many records side by side, and results carrying cities' values would be the
-- league table the portal must not have. A snapshot is reached from its city's
-- page, which is a search record.

-- assessments -----------------------------------------------------------------

create table public.kpi_assessments (
  id uuid primary key default gen_random_uuid(),
  city_id uuid not null references public.cities (id) on delete cascade,
  reporting_year smallint not null check (reporting_year between 2000 and 2100),
  -- 1 for the first assessment of a year; a new version supersedes a verified one.
  version smallint not null default 1 check (version between 1 and 99),
  supersedes_id uuid references public.kpi_assessments (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The third-party verification, all four facts together, recorded by a city editor.
  verifier text check (char_length(verifier) between 2 and 200),
  verification_date date,
  verification_report_url text
    check (verification_report_url ~ '^https?://[^\s]+$' and char_length(verification_report_url) <= 2000),
  verification_scope text check (char_length(verification_scope) between 2 and 1000),
  verified_at timestamptz,
  verified_by uuid references auth.users (id) on delete set null,
  -- The snapshot: published when set (at most one version per city and year).
  published_at timestamptz,
  published_by uuid references auth.users (id) on delete set null,
  is_demo boolean not null default false,
  constraint kpi_assessments_version_unique unique (city_id, reporting_year, version),
  constraint kpi_assessments_first_or_superseding check ((version = 1) = (supersedes_id is null)),
  constraint kpi_assessments_verification_complete check (
    (verified_at is null and verifier is null and verification_date is null
      and verification_report_url is null and verification_scope is null)
    or (verified_at is not null and verifier is not null and verification_date is not null
      and verification_report_url is not null and verification_scope is not null)
  ),
  constraint kpi_assessments_verified_after_year
    check (verification_date is null or verification_date >= make_date(reporting_year, 1, 1))
);
comment on table public.kpi_assessments is
  'A city''s U4SSC KPI self-assessment for one reporting year (versions supersede verified ones).';
comment on column public.kpi_assessments.published_at is
  'When the city published its snapshot (/cities/<slug>/kpis/<year>); null: private.';
create unique index kpi_assessments_one_snapshot_per_year_idx
  on public.kpi_assessments (city_id, reporting_year) where published_at is not null;
create index kpi_assessments_supersedes_id_idx on public.kpi_assessments (supersedes_id)
  where supersedes_id is not null;
create index kpi_assessments_published_idx on public.kpi_assessments (city_id)
  where published_at is not null;

create trigger kpi_assessments_set_updated_at before update on public.kpi_assessments
  for each row execute function public.set_updated_at();

-- values ----------------------------------------------------------------------

create table public.kpi_assessment_values (
  assessment_id uuid not null references public.kpi_assessments (id) on delete cascade,
  -- Restrict: the catalogue sync cannot remove a KPI that cities reported on.
  kpi_code text not null references public.kpis (code) on update cascade on delete restrict,
  -- Copied from the assessment by the trigger (policies filter on it without a join).
  city_id uuid not null references public.cities (id) on delete cascade,
  status text not null check (status in ('reported', 'not-available')),
  -- A single value (yes/no as 1/0), or named parts: {"pm2-5": 12.5, "pm10": null, …}.
  value numeric check (value >= 0 and value < 1e15),
  parts jsonb check (jsonb_typeof(parts) = 'object'),
  not_available_reason text check (char_length(not_available_reason) between 2 and 500),
  source text check (char_length(source) between 2 and 500),
  method_note text check (char_length(method_note) between 1 and 2000),
  -- In the snapshot when the assessment is published.
  shared boolean not null default false,
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (assessment_id, kpi_code),
  constraint kpi_assessment_values_shape check (
    (status = 'reported' and not_available_reason is null and source is not null
      and (value is null) <> (parts is null))
    or (status = 'not-available' and not_available_reason is not null and value is null and parts is null)
  )
);
comment on table public.kpi_assessment_values is
  'One KPI''s value in an assessment, with its data source and method, or why it is not available.';
create index kpi_assessment_values_city_idx on public.kpi_assessment_values (city_id, kpi_code);
create index kpi_assessment_values_kpi_code_idx on public.kpi_assessment_values (kpi_code);

-- targets ---------------------------------------------------------------------

create table public.kpi_targets (
  city_id uuid not null references public.cities (id) on delete cascade,
  kpi_code text not null references public.kpis (code) on update cascade on delete cascade,
  -- '' for a single-valued KPI, else the part's key (one target per part).
  part_key text not null default '' check (part_key ~ '^([a-z0-9]+(-[a-z0-9]+)*)?$'),
  baseline_year smallint not null check (baseline_year between 2000 and 2100),
  target_value numeric not null check (target_value >= 0 and target_value < 1e15),
  target_year smallint not null check (target_year between 2000 and 2100),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (city_id, kpi_code, part_key),
  constraint kpi_targets_after_baseline check (target_year > baseline_year)
);
comment on table public.kpi_targets is
  'A city''s own target for a KPI (or one part of it): from a baseline year to a value by a year.';
create index kpi_targets_kpi_code_idx on public.kpi_targets (kpi_code);

-- Checking values against the KPI's measure ----------------------------------

-- Why a number does not fit a kind of value (src/lib/kpis/measures.ts), or null.
create or replace function private.kpi_number_problem(kind text, max_value numeric, n numeric)
returns text
language sql immutable
set search_path = ''
as $$
  select case
    when n is null then 'a value is missing'
    when kind = 'percentage' and (n < 0 or n > 100) then 'a percentage is between 0 and 100'
    when kind = 'count' and (n < 0 or n <> trunc(n)) then 'a count is a whole number of 0 or more'
    when kind = 'yes-no' and n not in (0, 1) then 'a yes/no value is 1 (yes) or 0 (no)'
    when kind in ('rate', 'amount', 'ratio') and n < 0 then 'the value cannot be negative'
    when max_value is not null and n > max_value then format('the value cannot be above %s', max_value)
    when kind not in ('percentage', 'count', 'yes-no', 'rate', 'amount', 'ratio') then 'unknown kind of value'
    else null
  end
$$;

-- Why a value (single or in parts) does not fit a KPI's measure, or null.
create or replace function private.kpi_value_problem(measure jsonb, single numeric, parts jsonb)
returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  part record;
  kind text;
  problem text;
  reported integer := 0;
begin
  if measure ? 'parts' then
    if single is not null or parts is null then
      return 'this KPI is reported in named parts';
    end if;
    for part in select e.key, e.value from jsonb_each(parts) e loop
      select p ->> 'kind' into kind
        from jsonb_array_elements(measure -> 'parts') p where p ->> 'key' = part.key;
      if kind is null then
        return format('"%s" is not a part of this KPI', part.key);
      end if;
      if jsonb_typeof(part.value) = 'null' then
        continue;
      end if;
      if jsonb_typeof(part.value) <> 'number' then
        return format('the part "%s" is not a number', part.key);
      end if;
      problem := private.kpi_number_problem(kind, null, (part.value #>> '{}')::numeric);
      if problem is not null then
        return format('%s: %s', part.key, problem);
      end if;
      reported := reported + 1;
    end loop;
    if reported = 0 then
      return 'at least one part needs a value';
    end if;
    return null;
  end if;
  if parts is not null or single is null then
    return 'this KPI takes one value';
  end if;
  return private.kpi_number_problem(measure ->> 'kind', (measure ->> 'max')::numeric, single);
end
$$;

-- Guards ------------------------------------------------------------------------
-- Security definer so that the state they check (is the assessment verified?)
-- is read whatever the caller may see; they act on the row being written only.

-- How to correct a frozen assessment, in the words every refusal uses.
create or replace function private.kpi_assessment_frozen_message(a public.kpi_assessments)
returns text
language sql stable
set search_path = ''
as $$
  select format(
    'The %s KPI assessment (version %s) was verified on %s and is frozen: it cannot be changed or deleted. '
    'To correct it, open a new version from its verification page; the verified version stays readable.',
    a.reporting_year, a.version, to_char(a.verification_date, 'YYYY-MM-DD'))
$$;

create or replace function private.kpi_assessments_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  previous public.kpi_assessments;
begin
  if tg_op = 'INSERT' then
    new.created_by := (select auth.uid());
    new.verified_at := null;
    new.verified_by := null;
    new.verifier := null;
    new.verification_date := null;
    new.verification_report_url := null;
    new.verification_scope := null;
    new.published_at := null;
    new.published_by := null;
    if new.supersedes_id is null then
      new.version := 1;
      return new;
    end if;
    -- A new version supersedes the latest version of the same city and year, once verified.
    select * into previous from public.kpi_assessments where id = new.supersedes_id;
    if not found or previous.city_id <> new.city_id or previous.reporting_year <> new.reporting_year then
      raise exception 'a new version must supersede an assessment of the same city and year'
        using errcode = '42501';
    end if;
    if previous.verified_at is null then
      raise exception 'only a verified assessment is superseded by a new version; this one can still be edited'
        using errcode = '42501';
    end if;
    if exists (select 1 from public.kpi_assessments a
                where a.city_id = previous.city_id and a.reporting_year = previous.reporting_year
                  and a.version > previous.version) then
      raise exception 'version % of % already has a newer version', previous.version, previous.reporting_year
        using errcode = '42501';
    end if;
    new.version := previous.version + 1;
    return new;
  end if;

  if tg_op = 'DELETE' then
    -- Deleting the city takes its assessments with it, verified or not.
    if old.verified_at is not null and exists (select 1 from public.cities c where c.id = old.city_id) then
      raise exception '%', private.kpi_assessment_frozen_message(old) using errcode = '42501';
    end if;
    return old;
  end if;

  -- UPDATE
  if new.city_id is distinct from old.city_id or new.reporting_year is distinct from old.reporting_year
     or new.version is distinct from old.version or new.supersedes_id is distinct from old.supersedes_id then
    raise exception 'an assessment''s city, year and version never change' using errcode = '42501';
  end if;
  if old.verified_at is not null and (
       new.verified_at is distinct from old.verified_at or new.verifier is distinct from old.verifier
       or new.verification_date is distinct from old.verification_date
       or new.verification_report_url is distinct from old.verification_report_url
       or new.verification_scope is distinct from old.verification_scope) then
    raise exception '%', private.kpi_assessment_frozen_message(old) using errcode = '42501';
  end if;
  if old.verified_at is null and new.verified_at is not null then
    if exists (select 1 from public.kpi_assessments a
                where a.city_id = old.city_id and a.reporting_year = old.reporting_year
                  and a.version > old.version) then
      raise exception 'only the latest version of an assessment can be verified' using errcode = '42501';
    end if;
    if new.verification_date > current_date then
      raise exception 'the verification date cannot be in the future' using errcode = '23514';
    end if;
    new.verified_by := (select auth.uid());
  end if;
  if new.published_at is distinct from old.published_at then
    new.published_by := case when new.published_at is null then null else (select auth.uid()) end;
  end if;
  return new;
end
$$;

create trigger kpi_assessments_guard before insert or update or delete on public.kpi_assessments
  for each row execute function private.kpi_assessments_guard();

create or replace function private.kpi_assessment_values_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  a public.kpi_assessments;
  measure jsonb;
  problem text;
begin
  select * into a from public.kpi_assessments
   where id = case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end;
  if tg_op = 'DELETE' then
    -- Deleting the city (or an unverified assessment) takes its values along.
    if found and a.verified_at is not null
       and exists (select 1 from public.cities c where c.id = a.city_id) then
      raise exception '%', private.kpi_assessment_frozen_message(a) using errcode = '42501';
    end if;
    return old;
  end if;
  if not found then
    -- No such assessment: let the foreign key say so.
    return new;
  end if;
  if a.verified_at is not null and (
       tg_op = 'INSERT'
       or (new.status, new.value, new.parts, new.not_available_reason, new.source, new.method_note)
          is distinct from
          (old.status, old.value, old.parts, old.not_available_reason, old.source, old.method_note)) then
    raise exception '%', private.kpi_assessment_frozen_message(a) using errcode = '42501';
  end if;
  new.city_id := a.city_id;
  if tg_op = 'INSERT' or (new.status, new.value, new.parts, new.not_available_reason, new.source, new.method_note)
                          is distinct from
                          (old.status, old.value, old.parts, old.not_available_reason, old.source, old.method_note) then
    new.updated_by := (select auth.uid());
    new.updated_at := now();
  end if;
  if new.status = 'reported' then
    select k.measure into measure from public.kpis k where k.code = new.kpi_code;
    if found then
      problem := private.kpi_value_problem(measure, new.value, new.parts);
      if problem is not null then
        raise exception 'KPI %: %', new.kpi_code, problem using errcode = '23514';
      end if;
    end if;
  end if;
  return new;
end
$$;

create trigger kpi_assessment_values_guard before insert or update or delete on public.kpi_assessment_values
  for each row execute function private.kpi_assessment_values_guard();

create or replace function private.kpi_targets_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  measure jsonb;
  kind text;
  problem text;
begin
  select k.measure into measure from public.kpis k where k.code = new.kpi_code;
  if found then
    if measure ? 'parts' then
      select p ->> 'kind' into kind
        from jsonb_array_elements(measure -> 'parts') p where p ->> 'key' = new.part_key;
      if kind is null then
        raise exception 'KPI %: "%" is not one of its parts', new.kpi_code, new.part_key using errcode = '23514';
      end if;
      problem := private.kpi_number_problem(kind, null, new.target_value);
    elsif new.part_key <> '' then
      raise exception 'KPI % has no parts', new.kpi_code using errcode = '23514';
    else
      problem := private.kpi_number_problem(measure ->> 'kind', (measure ->> 'max')::numeric, new.target_value);
    end if;
    if problem is not null then
      raise exception 'KPI % target: %', new.kpi_code, problem using errcode = '23514';
    end if;
  end if;
  new.updated_by := (select auth.uid());
  new.updated_at := now();
  return new;
end
$$;

create trigger kpi_targets_guard before insert or update on public.kpi_targets
  for each row execute function private.kpi_targets_guard();

revoke all on function private.kpi_number_problem(text, numeric, numeric),
  private.kpi_value_problem(jsonb, numeric, jsonb),
  private.kpi_assessment_frozen_message(public.kpi_assessments),
  private.kpi_assessments_guard(), private.kpi_assessment_values_guard(), private.kpi_targets_guard()
  from public, anon, authenticated, service_role;

-- Privileges --------------------------------------------------------------------
-- From nothing (docs/schema.md, "Privileges on Supabase"); who-columns, city
-- ids of values, versions and is_demo are set by the triggers and the seed only.

revoke all on public.kpi_assessments, public.kpi_assessment_values, public.kpi_targets
  from anon, authenticated, service_role;
grant select on public.kpi_assessments, public.kpi_assessment_values to anon, authenticated;
grant select on public.kpi_targets to authenticated;
grant insert (city_id, reporting_year, supersedes_id) on public.kpi_assessments to authenticated;
grant update (verifier, verification_date, verification_report_url, verification_scope, verified_at,
  published_at) on public.kpi_assessments to authenticated;
grant delete on public.kpi_assessments to authenticated;
grant insert (assessment_id, kpi_code, status, value, parts, not_available_reason, source, method_note, shared)
  on public.kpi_assessment_values to authenticated;
grant update (status, value, parts, not_available_reason, source, method_note, shared)
  on public.kpi_assessment_values to authenticated;
grant delete on public.kpi_assessment_values to authenticated;
grant insert (city_id, kpi_code, part_key, baseline_year, target_value, target_year)
  on public.kpi_targets to authenticated;
grant update (baseline_year, target_value, target_year) on public.kpi_targets to authenticated;
grant delete on public.kpi_targets to authenticated;

-- Row-level security ------------------------------------------------------------

alter table public.kpi_assessments enable row level security;
alter table public.kpi_assessment_values enable row level security;
alter table public.kpi_targets enable row level security;

create policy "Published KPI assessments are visible to visitors" on public.kpi_assessments
  for select to anon using (published_at is not null);
create policy "KPI assessments are visible to their city's editors and hub coordinators, published ones to members"
  on public.kpi_assessments for select to authenticated
  using (published_at is not null or public.is_city_editor(city_id) or public.is_coordinator_of_city_hub(city_id));
create policy "KPI assessments can be opened by their city's editors" on public.kpi_assessments
  for insert to authenticated with check (public.is_city_editor(city_id));
create policy "KPI assessments can be changed by their city's editors" on public.kpi_assessments
  for update to authenticated
  using (public.is_city_editor(city_id)) with check (public.is_city_editor(city_id));
create policy "KPI assessments can be deleted by their city's editors" on public.kpi_assessments
  for delete to authenticated using (public.is_city_editor(city_id));

create policy "Shared values of published KPI snapshots are visible to visitors" on public.kpi_assessment_values
  for select to anon
  using (shared and exists (
    select 1 from public.kpi_assessments a where a.id = assessment_id and a.published_at is not null));
create policy "KPI values are visible to their city's editors and hub coordinators, published shared ones to members"
  on public.kpi_assessment_values for select to authenticated
  using (
    public.is_city_editor(city_id) or public.is_coordinator_of_city_hub(city_id)
    or (shared and exists (
      select 1 from public.kpi_assessments a where a.id = assessment_id and a.published_at is not null))
  );
create policy "KPI values can be entered by their city's editors" on public.kpi_assessment_values
  for insert to authenticated with check (public.is_city_editor(city_id));
create policy "KPI values can be changed by their city's editors" on public.kpi_assessment_values
  for update to authenticated
  using (public.is_city_editor(city_id)) with check (public.is_city_editor(city_id));
create policy "KPI values can be removed by their city's editors" on public.kpi_assessment_values
  for delete to authenticated using (public.is_city_editor(city_id));

create policy "KPI targets are visible to their city's editors and hub coordinators" on public.kpi_targets
  for select to authenticated
  using (public.is_city_editor(city_id) or public.is_coordinator_of_city_hub(city_id));
create policy "KPI targets can be set by their city's editors" on public.kpi_targets
  for insert to authenticated with check (public.is_city_editor(city_id));
create policy "KPI targets can be changed by their city's editors" on public.kpi_targets
  for update to authenticated
  using (public.is_city_editor(city_id)) with check (public.is_city_editor(city_id));
create policy "KPI targets can be removed by their city's editors" on public.kpi_targets
  for delete to authenticated using (public.is_city_editor(city_id));
