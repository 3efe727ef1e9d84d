-- KPI assessments and the people who wrote them: deleting an account, and
-- the personal data export (docs/directory.md, "Personal data").
--
-- Deleting an account sets the who-columns of assessments, values and targets
-- to null (on delete set null). The targets' guard stamped updated_by on every
-- update, so the cascade's own update put the deleted person back and the
-- foreign key refused: a city editor who had set a target could not delete
-- their account. Who-columns now follow a change of the target itself.

create or replace function private.kpi_targets_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  measure jsonb;
  kind text;
  problem text;
begin
  if tg_op = 'UPDATE'
     and (new.city_id, new.kpi_code, new.part_key, new.baseline_year, new.target_value, new.target_year)
         is not distinct from
         (old.city_id, old.kpi_code, old.part_key, old.baseline_year, old.target_value, old.target_year) then
    -- Nothing of the target changes (an account's deletion clearing updated_by).
    return new;
  end if;
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

revoke all on function private.kpi_targets_guard() from public, anon, authenticated, service_role;

-- The set-null of an account's deletion finds its rows through an index, not a
-- scan of every city's values.
create index kpi_assessments_created_by_idx on public.kpi_assessments (created_by)
  where created_by is not null;
create index kpi_assessments_verified_by_idx on public.kpi_assessments (verified_by)
  where verified_by is not null;
create index kpi_assessments_published_by_idx on public.kpi_assessments (published_by)
  where published_by is not null;
create index kpi_assessment_values_updated_by_idx on public.kpi_assessment_values (updated_by)
  where updated_by is not null;
create index kpi_targets_updated_by_idx on public.kpi_targets (updated_by)
  where updated_by is not null;

-- What the person did: which assessments they opened, verified or published,
-- and how many values and targets they last changed (the figures are the
-- city's, not the person's, and stay with the city).
create or replace function private.personal_data_kpi_assessments(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'assessments', coalesce((select jsonb_agg(jsonb_build_object(
        'city', c.slug, 'reporting_year', a.reporting_year, 'version', a.version,
        'opened_by_you', a.created_by = p_user_id, 'opened_at', a.created_at,
        'verification_recorded_by_you', a.verified_by = p_user_id, 'verification_recorded_at', a.verified_at,
        'snapshot_published_by_you', a.published_by = p_user_id, 'snapshot_published_at', a.published_at)
        order by c.slug, a.reporting_year, a.version)
      from public.kpi_assessments a join public.cities c on c.id = a.city_id
      where p_user_id in (a.created_by, a.verified_by, a.published_by)), '[]'::jsonb),
    'values_last_changed', coalesce((select jsonb_agg(jsonb_build_object(
        'city', x.slug, 'reporting_year', x.reporting_year, 'version', x.version, 'values', x.n)
        order by x.slug, x.reporting_year, x.version)
      from (select c.slug, a.reporting_year, a.version, count(*)::int as n
              from public.kpi_assessment_values v
              join public.kpi_assessments a on a.id = v.assessment_id
              join public.cities c on c.id = a.city_id
             where v.updated_by = p_user_id
             group by c.slug, a.reporting_year, a.version) x), '[]'::jsonb),
    'targets_last_changed', coalesce((select jsonb_agg(jsonb_build_object('city', x.slug, 'targets', x.n)
        order by x.slug)
      from (select c.slug, count(*)::int as n
              from public.kpi_targets t join public.cities c on c.id = t.city_id
             where t.updated_by = p_user_id
             group by c.slug) x), '[]'::jsonb)
  )
$$;

revoke all on function private.personal_data_kpi_assessments(uuid) from public, anon, authenticated, service_role;

select private.register_personal_data_source('kpi-assessments', 'private.personal_data_kpi_assessments');
