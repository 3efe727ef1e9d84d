-- The render cache (docs/render-cache.md) follows the KPI assessments and
-- procurement domains, whose migrations run before the render cache's and so
-- could not write their data-version lines themselves.
--
-- Tracked: every table of both domains that a visitor's page may show, itself
-- or through a function (city KPI dashboards and shared snapshots; processes,
-- notices, criteria, amendments, answers, awards, contracts, milestones and
-- OCDS releases; targets, questions, interests, bids and scores, which public
-- pages may count or summarise), and the operator settings that the contact
-- page shows (written at server start). A tracked table a visitor never sees
-- costs only an early expiry; an untracked one a visitor sees is a stale page.
-- Not tracked (the schema guard lists them with their reasons): procurement
-- notifications and followed themes, read by their own people, signed in.
select private.track_data_version('public.kpi_assessments');
select private.track_data_version('public.kpi_assessment_values');
select private.track_data_version('public.kpi_targets');
select private.track_data_version('public.procurement_processes');
select private.track_data_version('public.procurement_notices');
select private.track_data_version('public.procurement_criteria');
select private.track_data_version('public.procurement_amendments');
select private.track_data_version('public.procurement_questions');
select private.track_data_version('public.procurement_answers');
select private.track_data_version('public.procurement_interests');
select private.track_data_version('public.procurement_bids');
select private.track_data_version('public.procurement_scores');
select private.track_data_version('public.procurement_awards');
select private.track_data_version('public.procurement_contracts');
select private.track_data_version('public.procurement_milestones');
select private.track_data_version('public.procurement_releases');
select private.track_data_version('private.settings');

-- A notice leaves the open list at its deadline (`n.deadline > now()`) and the
-- recent list 90 days later (`n.deadline >= now() - interval '90 days'`): cached
-- pages expire at the earliest of those moments after p_after.
create function private.next_procurement_visibility_change(p_after timestamptz) returns timestamptz
language sql stable security definer set search_path = '' as $$
  select least(
    (select min(n.deadline) from public.procurement_notices n where n.deadline > p_after),
    (select min(n.deadline) + interval '90 days' from public.procurement_notices n
      where n.deadline > p_after - interval '90 days')
  )
$$;
revoke all on function private.next_procurement_visibility_change(timestamptz)
  from public, anon, authenticated, service_role;
insert into private.visibility_change_sources (source, next_change_function)
  values ('procurement', 'private.next_procurement_visibility_change(timestamptz)');
