-- A person's data from the case-study and procurement domains in their
-- download (/account/data.json). The registry of parts
-- (private.register_personal_data_source) is created by the organizations
-- migration, which runs after every file in the case-study slot: so both parts
-- register here, after it. Each part lists what the person did and what they
-- wrote themselves; what belongs to a city or an organization stays with it.

create or replace function private.personal_data_case_studies(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'case_studies', coalesce((select jsonb_agg(jsonb_build_object(
        'slug', cs.slug, 'title', cs.title, 'status', cs.status,
        'written_by_you', cs.author_id = p_user_id,
        'submitted_by_you', cs.submitted_by = p_user_id,
        'reviewed_by_you', cs.reviewed_by = p_user_id,
        'verified_by_you', cs.verified_by = p_user_id,
        'last_changed_by_you', cs.updated_by = p_user_id)
        order by cs.slug)
      from public.case_studies cs
      where p_user_id in (cs.author_id, cs.submitted_by, cs.reviewed_by, cs.verified_by, cs.updated_by)),
      '[]'::jsonb),
    'review_comments_written', coalesce((select jsonb_agg(jsonb_build_object(
        'case_study', cs.slug, 'decision', c.decision, 'body', c.body, 'written_at', c.created_at)
        order by c.created_at, c.id)
      from public.case_study_comments c join public.case_studies cs on cs.id = c.case_study_id
      where c.author_id = p_user_id), '[]'::jsonb),
    'revisions_made', (select count(*)::int from public.case_study_revisions r where r.editor_id = p_user_id)
  )
$$;
revoke all on function private.personal_data_case_studies(uuid) from public, anon, authenticated, service_role;

create or replace function private.personal_data_procurement(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'processes_opened', coalesce((select jsonb_agg(jsonb_build_object(
        'ocid', p.ocid, 'title', p.title, 'city', c.slug, 'opened_at', p.created_at)
        order by p.created_at, p.id)
      from public.procurement_processes p join public.cities c on c.id = p.city_id
      where p.created_by = p_user_id), '[]'::jsonb),
    'questions_asked', coalesce((select jsonb_agg(jsonb_build_object(
        'process', p.ocid, 'organization', o.slug, 'body', q.body, 'asked_at', q.created_at)
        order by q.created_at, q.id)
      from public.procurement_questions q
      join public.procurement_processes p on p.id = q.process_id
      join public.organizations o on o.id = q.organization_id
      where q.asked_by = p_user_id), '[]'::jsonb),
    'interests_expressed', coalesce((select jsonb_agg(jsonb_build_object(
        'process', p.ocid, 'organization', o.slug, 'message', i.message,
        'listed_publicly', i.listed_publicly, 'expressed_at', i.created_at)
        order by i.created_at, i.id)
      from public.procurement_interests i
      join public.procurement_processes p on p.id = i.process_id
      join public.organizations o on o.id = i.organization_id
      where i.submitted_by = p_user_id), '[]'::jsonb),
    'answers_written', (select count(*)::int from public.procurement_answers a where a.created_by = p_user_id)
  )
$$;
revoke all on function private.personal_data_procurement(uuid) from public, anon, authenticated, service_role;

select private.register_personal_data_source('case-studies', 'private.personal_data_case_studies');
select private.register_personal_data_source('procurement', 'private.personal_data_procurement');
