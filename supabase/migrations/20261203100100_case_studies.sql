-- Case studies: what a city did, in the fields practice databases use
-- (URBACT, the Urban SDG Platform, the Smart Cities Marketplace), reviewed by
-- the network before it is public (docs/case-studies.md).
--
-- One row per case study in public.case_studies (its lead city, the text,
-- results, SDGs, themes, gender and inclusion, the workflow state), and link
-- tables for what the database must keep consistent: the partner cities, the
-- partner organizations with their role (the directory lists an
-- organization's case studies from case_study_partners), the KPIs it affects
-- (codes from public.kpis) and the ITU-T deliverables it applies.
--
-- Workflow (status): draft → submitted → published, or submitted →
-- changes_requested → submitted …; submitted → draft (withdrawn); published →
-- unpublished → submitted. The lead city's editors write and submit; a
-- coordinator of one of the lead city's hubs, or a platform admin, reviews:
-- requests changes, publishes (never their own), sets the "Verified by <hub>"
-- badge, unpublishes. The guard trigger enforces every transition with
-- SQLSTATE 42501, whoever writes the UPDATE. Review comments are kept in
-- case_study_comments; every change is recorded in case_study_revisions by a
-- trigger, as news revisions are.
--
-- Listing facets: facet_keys holds one key per facet value ('theme:mobility',
-- 'sdg:11', 'country:NO', …), derived by triggers from the row, its links and
-- its cities, so a listing filters with one GIN lookup (facet_keys @> …) and
-- counts every facet from the matching rows (docs/case-studies.md, "Listing").

-- Vocabulary checks ---------------------------------------------------------------
-- The application validates every value and names the one it refuses; these
-- functions keep bad data out whoever writes (src/lib/case-studies has the lists).
-- A check constraint runs its functions as the writer, so they live in public
-- and the writers (authenticated) may execute them; they read nothing.

create or replace function public.case_study_results_are_valid(results jsonb) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select jsonb_typeof(results) = 'array'
     and jsonb_array_length(results) <= 10
     and not exists (
       select 1 from jsonb_array_elements(results) as r(item)
        where jsonb_typeof(r.item) <> 'object'
           or jsonb_typeof(r.item -> 'label') is distinct from 'string'
           or char_length(r.item ->> 'label') not between 1 and 160
           or jsonb_typeof(r.item -> 'value') is distinct from 'number'
           or jsonb_typeof(r.item -> 'unit') is distinct from 'string'
           or char_length(r.item ->> 'unit') not between 1 and 40
           or coalesce(jsonb_typeof(r.item -> 'baseline'), 'null') not in ('null', 'number')
           or jsonb_typeof(r.item -> 'measuredOn') is distinct from 'string'
           or (r.item ->> 'measuredOn') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
     )
$$;

create or replace function public.text_items_are_valid(items text[], max_items integer, max_length integer)
returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select cardinality(items) <= max_items
     and not exists (select 1 from unnest(items) as i(item)
                      where i.item is null or char_length(btrim(i.item)) not between 1 and max_length)
$$;

-- Every target belongs to one of the goals listed (11.2 needs goal 11).
create or replace function public.sdg_targets_are_in_goals(targets text[], goals smallint[]) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select not exists (select 1 from unnest(targets) as t(code)
                      where t.code !~ '^([1-9]|1[0-7])\.([1-9]|1[0-9]|[a-d])$'
                         or split_part(t.code, '.', 1)::smallint <> all (goals))
$$;

revoke all on function public.case_study_results_are_valid(jsonb),
  public.text_items_are_valid(text[], integer, integer),
  public.sdg_targets_are_in_goals(text[], smallint[]) from public, anon, authenticated, service_role;
grant execute on function public.case_study_results_are_valid(jsonb),
  public.text_items_are_valid(text[], integer, integer),
  public.sdg_targets_are_in_goals(text[], smallint[]) to authenticated;

-- case_studies ----------------------------------------------------------------------

create table public.case_studies (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  lead_city_id uuid not null references public.cities (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 200),
  summary text not null default '' check (char_length(summary) <= 600),
  challenge text not null default '' check (char_length(challenge) <= 4000),
  solution text not null default '' check (char_length(solution) <= 4000),
  -- [{label, value, unit, baseline?, measuredOn}]: measured figures, at most 10.
  results jsonb not null default '[]'::jsonb check (public.case_study_results_are_valid(results)),
  project_status text not null default 'in-progress'
    check (project_status in ('planned', 'in-progress', 'completed')),
  started_on date,
  ended_on date,
  -- src/lib/taxonomy/bands.ts valueBands (US dollars).
  budget_band text check (budget_band in ('under-100k', '100k-500k', '500k-1m', '1m-5m', '5m-20m', '20m-plus')),
  funding_sources text[] not null default '{}' check (funding_sources <@ array[
    'municipal-budget', 'national-government', 'regional-funds', 'international-development',
    'private-investment', 'public-private-partnership', 'philanthropy', 'research-grant', 'user-fees', 'other-source']),
  funding_note text not null default '' check (char_length(funding_note) <= 500),
  sdg_goals smallint[] not null default '{}'
    check (sdg_goals <@ '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17}'::smallint[]),
  sdg_targets text[] not null default '{}' check (cardinality(sdg_targets) <= 40),
  -- src/lib/taxonomy/themes.ts
  themes text[] not null default '{}' check (themes <@ array[
    'mobility', 'energy', 'water', 'waste', 'ict-infrastructure', 'e-government', 'data-and-ai',
    'health', 'education', 'safety', 'housing', 'urban-planning', 'culture', 'environment', 'climate',
    'economy', 'social-inclusion', 'participation', 'food', 'kpis']),
  technologies text[] not null default '{}' check (public.text_items_are_valid(technologies, 12, 60)),
  -- Gender and inclusion: who benefits, whether data is disaggregated by sex,
  -- how women, girls and other groups took part in design and delivery.
  beneficiaries text not null default '' check (char_length(beneficiaries) <= 2000),
  sex_disaggregated text not null default 'unknown' check (sex_disaggregated in ('yes', 'partly', 'no', 'unknown')),
  gender_participation text not null default '' check (char_length(gender_participation) <= 2000),
  -- The facet "gender-responsive": sex-disaggregated data (at least partly)
  -- and a description of how women and girls took part.
  gender_responsive boolean generated always as (
    sex_disaggregated in ('yes', 'partly') and char_length(btrim(gender_participation)) > 0
  ) stored,
  lessons text not null default '' check (char_length(lessons) <= 4000),
  transferability text not null default '' check (char_length(transferability) <= 4000),
  -- The office to contact ("Smart city office"); the address shown is the
  -- lead city's role address (cities.contact_email), never a person's.
  contact_role text not null default '' check (char_length(contact_role) <= 200),
  body jsonb not null default '{"type": "doc", "content": []}'::jsonb,
  -- The language the text is written in (ISO 639-1), so translations can follow.
  language text not null default 'en' check (language ~ '^[a-z]{2}$'),
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'changes_requested', 'published', 'unpublished')),
  verified_by_hub_id uuid references public.hubs (id) on delete set null,
  verified_at timestamptz,
  verified_by uuid references auth.users (id) on delete set null,
  submitted_at timestamptz,
  submitted_by uuid references auth.users (id) on delete set null,
  reviewed_by uuid references auth.users (id) on delete set null,
  -- First publication (kept when it is published again after changes).
  published_at timestamptz,
  author_id uuid references auth.users (id) on delete set null,
  updated_by uuid references auth.users (id) on delete set null,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Kept by the triggers below, never written by the API roles.
  facet_keys text[] not null default '{}',
  text_vector tsvector not null default ''::tsvector,
  constraint case_studies_dates_in_order check (ended_on is null or started_on is null or ended_on >= started_on),
  constraint case_studies_targets_in_goals check (public.sdg_targets_are_in_goals(sdg_targets, sdg_goals)),
  -- What a reviewer needs: nothing reaches review or the public half-written.
  constraint case_studies_complete_for_review check (
    status in ('draft', 'changes_requested', 'unpublished')
    or (char_length(btrim(summary)) > 0 and char_length(btrim(challenge)) > 0
        and char_length(btrim(solution)) > 0 and cardinality(themes) > 0 and cardinality(sdg_goals) > 0)
  ),
  constraint case_studies_published_has_date check (status <> 'published' or published_at is not null),
  constraint case_studies_verification_complete check ((verified_by_hub_id is null) = (verified_at is null))
);
comment on table public.case_studies is
  'What a city did, reviewed by a coordinator of one of its hubs before it is public.';
comment on column public.case_studies.facet_keys is
  'One key per listing facet value (theme:…, sdg:…, country:…), kept by triggers.';

create index case_studies_lead_city_idx on public.case_studies (lead_city_id);
create index case_studies_author_idx on public.case_studies (author_id);
create index case_studies_status_idx on public.case_studies (status);
create index case_studies_verified_hub_idx on public.case_studies (verified_by_hub_id) where verified_by_hub_id is not null;
create index case_studies_published_idx on public.case_studies (published_at desc, id) where status = 'published';
create index case_studies_text_idx on public.case_studies using gin (text_vector) where status = 'published';

-- Partner cities (the lead city is case_studies.lead_city_id) ----------------------
create table public.case_study_cities (
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  city_id uuid not null references public.cities (id) on delete cascade,
  primary key (case_study_id, city_id)
);
comment on table public.case_study_cities is 'Other cities that took part in a case study, besides its lead city.';
create index case_study_cities_city_idx on public.case_study_cities (city_id);

-- Partner organizations with their role --------------------------------------------
create table public.case_study_partners (
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  role text not null check (role in ('implementer', 'technology-provider', 'funder', 'research-partner',
                                     'advisor', 'operator', 'community-partner', 'other-role')),
  contribution text not null default '' check (char_length(contribution) <= 300),
  position smallint not null default 0 check (position between 0 and 50),
  primary key (case_study_id, organization_id)
);
comment on table public.case_study_partners is
  'Organizations that took part in a case study and their role; only verified ones can be linked.';
create index case_study_partners_organization_idx on public.case_study_partners (organization_id);

-- U4SSC KPIs the case study affects --------------------------------------------------
create table public.case_study_kpis (
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  kpi_code text not null references public.kpis (code) on delete cascade on update cascade,
  primary key (case_study_id, kpi_code)
);
comment on table public.case_study_kpis is 'The U4SSC KPIs a case study affects (codes of public.kpis).';
create index case_study_kpis_code_idx on public.case_study_kpis (kpi_code);

-- ITU-T deliverables applied ---------------------------------------------------------
create table public.case_study_deliverables (
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  deliverable_id uuid not null references public.deliverables (id) on delete cascade,
  primary key (case_study_id, deliverable_id)
);
comment on table public.case_study_deliverables is 'ITU-T Recommendations and U4SSC publications a case study applies.';
create index case_study_deliverables_deliverable_idx on public.case_study_deliverables (deliverable_id);

-- Review comments, kept on the case study --------------------------------------------
create table public.case_study_comments (
  id bigint generated always as identity primary key,
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  -- The decision the comment came with, if any (a reply has none).
  decision text check (decision in ('submitted', 'changes_requested', 'published', 'unpublished')),
  body text not null check (char_length(btrim(body)) between 1 and 4000),
  created_at timestamptz not null default clock_timestamp()
);
comment on table public.case_study_comments is 'Review comments between a case study''s editors and its reviewers.';
create index case_study_comments_case_study_idx on public.case_study_comments (case_study_id, id);
create index case_study_comments_author_idx on public.case_study_comments (author_id);

-- Revision history ---------------------------------------------------------------------
create table public.case_study_revisions (
  id bigint generated always as identity primary key,
  case_study_id uuid not null references public.case_studies (id) on delete cascade,
  editor_id uuid references auth.users (id) on delete set null,
  action text not null check (action in ('created', 'edited', 'submitted', 'withdrawn', 'changes_requested',
                                         'published', 'unpublished', 'verified', 'verification_removed')),
  changed_fields text[] not null default '{}',
  status text not null,
  title text not null,
  summary text not null,
  body jsonb not null,
  -- The transaction that wrote it: changes to the links in the same save join
  -- the same revision instead of adding one each.
  transaction_id bigint not null default txid_current(),
  created_at timestamptz not null default clock_timestamp()
);
comment on table public.case_study_revisions is
  'History of a case study: every save and every workflow step, with who, when and which fields.';
create index case_study_revisions_case_study_idx on public.case_study_revisions (case_study_id, id desc);

-- Policy helpers ---------------------------------------------------------------------
-- Security definer so the link tables' policies can ask about the case study
-- without its own select policy in the way; each reads one row by primary key.

-- The lead city's editors, and admins: they write, submit, withdraw, unpublish.
create or replace function public.is_case_study_editor(target_case_study_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.case_studies cs
     where cs.id = target_case_study_id
       and (public.is_platform_admin() or public.is_city_editor(cs.lead_city_id))
  )
$$;

-- Coordinators of one of the lead city's hubs, and admins: they review.
create or replace function public.is_case_study_reviewer(target_case_study_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.case_studies cs
     where cs.id = target_case_study_id
       and (public.is_platform_admin() or public.is_coordinator_of_city_hub(cs.lead_city_id))
  )
$$;

-- The links (cities, partners, KPIs, deliverables) change with the text: by
-- its editors, never while it waits for review.
create or replace function public.can_edit_case_study_links(target_case_study_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.case_studies cs
     where cs.id = target_case_study_id and cs.status <> 'submitted'
       and (public.is_platform_admin() or public.is_city_editor(cs.lead_city_id))
  )
$$;

revoke all on function public.is_case_study_editor(uuid), public.is_case_study_reviewer(uuid),
  public.can_edit_case_study_links(uuid) from public, anon, authenticated, service_role;
grant execute on function public.is_case_study_editor(uuid), public.is_case_study_reviewer(uuid),
  public.can_edit_case_study_links(uuid) to anon, authenticated;

-- Derived data: facet keys and the text vector ---------------------------------------

-- Every facet value of a case study: its own fields, the KPI dimensions of
-- its KPIs, its published deliverables, the sectors of its verified partners,
-- and, for its lead and partner cities, their hubs, region and country (and
-- the lead city's size band); and the keys peer matching compares (SDG
-- targets, KPI codes, technologies).
create or replace function private.case_study_facet_keys(target public.case_studies) returns text[]
language sql stable security definer
set search_path = ''
as $$
  with involved as (
    select target.lead_city_id as city_id, true as is_lead
    union
    select cc.city_id, false from public.case_study_cities cc where cc.case_study_id = target.id
  )
  select coalesce(array_agg(distinct k.key order by k.key), '{}')
    from (
      select 'theme:' || t as key from unnest(target.themes) as t
      union all select 'sdg:' || g from unnest(target.sdg_goals) as g
      -- Not facets of the listing, but what peer matching compares (targets,
      -- KPIs, technologies), found through the same index.
      union all select 'target:' || t from unnest(target.sdg_targets) as t
      union all select 'tech:' || lower(btrim(t)) from unnest(target.technologies) as t
      union all select 'kpi:' || ck.kpi_code from public.case_study_kpis ck where ck.case_study_id = target.id
      union all select 'status:' || target.project_status
      -- The generated column is not computed yet in a before trigger: its rule again.
      union all select 'gender:responsive'
       where target.sex_disaggregated in ('yes', 'partly') and char_length(btrim(target.gender_participation)) > 0
      union all
      select 'kpidim:' || k.dimension
        from public.case_study_kpis ck join public.kpis k on k.code = ck.kpi_code
       where ck.case_study_id = target.id
      union all
      select 'deliverable:' || d.id
        from public.case_study_deliverables cd join public.deliverables d on d.id = cd.deliverable_id
       where cd.case_study_id = target.id and d.published
      union all
      select 'sector:' || o.kind
        from public.case_study_partners cp join public.organizations o on o.id = cp.organization_id
       where cp.case_study_id = target.id and o.status = 'verified'
      union all
      select 'hub:' || hc.hub_id from involved i join public.hub_cities hc on hc.city_id = i.city_id
      union all
      select 'region:' || c.region from involved i join public.cities c on c.id = i.city_id
      union all
      select 'country:' || c.country from involved i join public.cities c on c.id = i.city_id
      union all
      select 'size:' || private.population_band(c.population)
        from public.cities c where c.id = target.lead_city_id and c.population is not null
    ) as k
$$;

create or replace function private.case_study_text_vector(target public.case_studies) returns tsvector
language sql stable
set search_path = ''
as $$
  select setweight(to_tsvector('english', target.title), 'A')
      || setweight(to_tsvector('english', concat_ws(' ', array_to_string(target.technologies, ' '),
                                                     target.summary)), 'B')
      || setweight(to_tsvector('english', concat_ws(' ', target.challenge, target.solution,
                                                     left(private.search_rich_text(target.body), 20000))), 'C')
$$;

revoke all on function private.case_study_facet_keys(public.case_studies),
  private.case_study_text_vector(public.case_studies) from public, anon, authenticated, service_role;

-- Stamps, derived columns and the workflow guard (before insert or update) ----------

-- Security definer: it derives the keys from tables (and functions) the API
-- roles do not read directly.
create or replace function public.stamp_case_study() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  content_changed boolean;
begin
  if tg_op = 'INSERT' then
    content_changed := true;
  else
    content_changed := (new.title, new.summary, new.challenge, new.solution, new.results, new.project_status,
        new.started_on, new.ended_on, new.budget_band, new.funding_sources, new.funding_note, new.sdg_goals,
        new.sdg_targets, new.themes, new.technologies, new.beneficiaries, new.sex_disaggregated,
        new.gender_participation, new.lessons, new.transferability, new.contact_role, new.body, new.language,
        new.status, new.verified_by_hub_id)
      is distinct from (old.title, old.summary, old.challenge, old.solution, old.results, old.project_status,
        old.started_on, old.ended_on, old.budget_band, old.funding_sources, old.funding_note, old.sdg_goals,
        old.sdg_targets, old.themes, old.technologies, old.beneficiaries, old.sex_disaggregated,
        old.gender_participation, old.lessons, old.transferability, old.contact_role, old.body, old.language,
        old.status, old.verified_by_hub_id);
  end if;
  if content_changed then
    new.updated_at := now();
    new.updated_by := coalesce((select auth.uid()), new.updated_by);
  end if;
  -- The workflow's stamps, whoever moves it (the guard has decided who may).
  if tg_op = 'UPDATE' then
    if new.status is distinct from old.status then
      if new.status = 'submitted' then
        new.submitted_at := now();
        new.submitted_by := coalesce((select auth.uid()), new.submitted_by);
      elsif new.status in ('published', 'changes_requested') then
        new.reviewed_by := coalesce((select auth.uid()), new.reviewed_by);
      end if;
      if new.status = 'published' then
        new.published_at := coalesce(old.published_at, now());
      end if;
    end if;
    if new.verified_by_hub_id is distinct from old.verified_by_hub_id then
      new.verified_at := case when new.verified_by_hub_id is null then null else now() end;
      new.verified_by := case when new.verified_by_hub_id is null then null else (select auth.uid()) end;
    end if;
  end if;
  new.facet_keys := private.case_study_facet_keys(new);
  new.text_vector := private.case_study_text_vector(new);
  return new;
end
$$;

-- Who may move a case study, and where (docs/case-studies.md, "Workflow").
-- Runs for the API roles only: the owner (seed, migrations, the derived-data
-- refresh below) is trusted. Every refusal is 42501.
create or replace function public.guard_case_study_workflow() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  uid uuid := (select auth.uid());
  is_admin boolean;
  is_editor boolean;
  is_reviewer boolean;
  is_own boolean;
  content_changed boolean;
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  is_admin := public.is_platform_admin();
  is_editor := is_admin or public.is_city_editor(old.lead_city_id);
  is_reviewer := is_admin or public.is_coordinator_of_city_hub(old.lead_city_id);
  is_own := uid is not null and (old.author_id = uid or old.submitted_by = uid);

  if new.lead_city_id is distinct from old.lead_city_id and not is_admin then
    raise exception 'only a platform admin can move a case study to another lead city' using errcode = '42501';
  end if;

  content_changed := (new.title, new.summary, new.challenge, new.solution, new.results, new.project_status,
      new.started_on, new.ended_on, new.budget_band, new.funding_sources, new.funding_note, new.sdg_goals,
      new.sdg_targets, new.themes, new.technologies, new.beneficiaries, new.sex_disaggregated,
      new.gender_participation, new.lessons, new.transferability, new.contact_role, new.body, new.language)
    is distinct from (old.title, old.summary, old.challenge, old.solution, old.results, old.project_status,
      old.started_on, old.ended_on, old.budget_band, old.funding_sources, old.funding_note, old.sdg_goals,
      old.sdg_targets, old.themes, old.technologies, old.beneficiaries, old.sex_disaggregated,
      old.gender_participation, old.lessons, old.transferability, old.contact_role, old.body, old.language);

  if content_changed then
    if not is_editor then
      raise exception 'only the lead city''s editors can change a case study''s text' using errcode = '42501';
    end if;
    if old.status = 'submitted' and new.status = 'submitted' then
      raise exception 'a case study waiting for review cannot be changed: withdraw it first' using errcode = '42501';
    end if;
  end if;

  if new.status is distinct from old.status then
    case
      when old.status in ('draft', 'changes_requested', 'unpublished') and new.status = 'submitted' then
        if not is_editor then
          raise exception 'only the lead city''s editors can submit a case study' using errcode = '42501';
        end if;
      when old.status = 'submitted' and new.status = 'draft' then
        if not is_editor then
          raise exception 'only the lead city''s editors can withdraw a case study' using errcode = '42501';
        end if;
      when old.status = 'submitted' and new.status = 'changes_requested' then
        if not is_reviewer then
          raise exception 'only a coordinator of the lead city''s hubs can request changes' using errcode = '42501';
        end if;
      when old.status = 'submitted' and new.status = 'published' then
        if not is_reviewer then
          raise exception 'only a coordinator of the lead city''s hubs can publish a case study' using errcode = '42501';
        end if;
        if is_own then
          raise exception 'a reviewer cannot approve their own case study' using errcode = '42501';
        end if;
      when old.status = 'published' and new.status = 'unpublished' then
        if not (is_editor or is_reviewer) then
          raise exception 'only the lead city''s editors and its reviewers can unpublish a case study' using errcode = '42501';
        end if;
      else
        raise exception 'a case study cannot go from % to %', old.status, new.status using errcode = '42501';
    end case;
  end if;

  if new.verified_by_hub_id is distinct from old.verified_by_hub_id then
    if new.verified_by_hub_id is not null then
      if new.status <> 'published' then
        raise exception 'only a published case study can be verified' using errcode = '42501';
      end if;
      if is_own then
        raise exception 'a reviewer cannot verify their own case study' using errcode = '42501';
      end if;
      if not (is_admin or public.is_hub_coordinator(new.verified_by_hub_id))
         or not exists (select 1 from public.hub_cities hc
                         where hc.hub_id = new.verified_by_hub_id and hc.city_id = old.lead_city_id) then
        raise exception 'only a coordinator of one of the lead city''s hubs can verify it for that hub'
          using errcode = '42501';
      end if;
    elsif not is_reviewer then
      raise exception 'only a reviewer can remove the verified badge' using errcode = '42501';
    end if;
  end if;

  -- The badge certifies what the reviewer read: a change by anyone else, or
  -- unpublishing, takes it away.
  if new.verified_by_hub_id is not null
     and ((content_changed and not is_reviewer) or new.status <> 'published') then
    new.verified_by_hub_id := null;
  end if;
  return new;
end
$$;

revoke all on function public.stamp_case_study(), public.guard_case_study_workflow()
  from public, anon, authenticated, service_role;
-- Alphabetical order of before-triggers: the guard runs first, then the stamp.
create trigger case_studies_a_guard_workflow before update on public.case_studies
  for each row execute function public.guard_case_study_workflow();
create trigger case_studies_b_stamp before insert or update on public.case_studies
  for each row execute function public.stamp_case_study();

-- Revisions ------------------------------------------------------------------------------

-- Adds `field` to the revision this transaction already wrote for the case
-- study, or writes one (a link changed without the text).
create or replace function private.note_case_study_revision(target_id uuid, field text) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  cs public.case_studies;
begin
  update public.case_study_revisions r
     set changed_fields = case when field = any (r.changed_fields) then r.changed_fields
                               else r.changed_fields || field end
   where r.id = (select max(r2.id) from public.case_study_revisions r2
                  where r2.case_study_id = target_id and r2.transaction_id = txid_current());
  if found then
    return;
  end if;
  select * into cs from public.case_studies where id = target_id;
  if not found then
    return;
  end if;
  insert into public.case_study_revisions (case_study_id, editor_id, action, changed_fields, status, title, summary, body)
  values (cs.id, (select auth.uid()), 'edited', array[field], cs.status, cs.title, cs.summary, cs.body);
end
$$;

create or replace function public.record_case_study_revision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  fields text[] := '{}';
  next_action text;
begin
  if tg_op = 'INSERT' then
    next_action := 'created';
  else
    if new.title is distinct from old.title then fields := fields || 'title'::text; end if;
    if new.summary is distinct from old.summary then fields := fields || 'summary'::text; end if;
    if new.challenge is distinct from old.challenge then fields := fields || 'challenge'::text; end if;
    if new.solution is distinct from old.solution then fields := fields || 'solution'::text; end if;
    if new.results is distinct from old.results then fields := fields || 'results'::text; end if;
    if (new.project_status, new.started_on, new.ended_on) is distinct from (old.project_status, old.started_on, old.ended_on) then
      fields := fields || 'project'::text;
    end if;
    if (new.budget_band, new.funding_sources, new.funding_note) is distinct from (old.budget_band, old.funding_sources, old.funding_note) then
      fields := fields || 'funding'::text;
    end if;
    if (new.sdg_goals, new.sdg_targets) is distinct from (old.sdg_goals, old.sdg_targets) then
      fields := fields || 'sdgs'::text;
    end if;
    if new.themes is distinct from old.themes then fields := fields || 'themes'::text; end if;
    if new.technologies is distinct from old.technologies then fields := fields || 'technologies'::text; end if;
    if (new.beneficiaries, new.sex_disaggregated, new.gender_participation)
       is distinct from (old.beneficiaries, old.sex_disaggregated, old.gender_participation) then
      fields := fields || 'gender'::text;
    end if;
    if (new.lessons, new.transferability) is distinct from (old.lessons, old.transferability) then
      fields := fields || 'lessons'::text;
    end if;
    if new.contact_role is distinct from old.contact_role then fields := fields || 'contact'::text; end if;
    if new.body is distinct from old.body then fields := fields || 'body'::text; end if;
    if new.language is distinct from old.language then fields := fields || 'language'::text; end if;
    next_action := case
      when new.status is distinct from old.status then case
        when new.status = 'submitted' then 'submitted'
        when new.status = 'draft' then 'withdrawn'
        when new.status = 'changes_requested' then 'changes_requested'
        when new.status = 'published' then 'published'
        else 'unpublished' end
      when cardinality(fields) > 0 then 'edited'
      when new.verified_by_hub_id is distinct from old.verified_by_hub_id and new.verified_by_hub_id is not null
        then 'verified'
      when new.verified_by_hub_id is distinct from old.verified_by_hub_id then 'verification_removed'
    end;
    -- An edit that took the badge away says so among its changes.
    if new.verified_by_hub_id is distinct from old.verified_by_hub_id and next_action not in ('verified', 'verification_removed') then
      fields := fields || 'badge'::text;
    end if;
    if next_action is null then
      return new;
    end if;
  end if;
  insert into public.case_study_revisions (case_study_id, editor_id, action, changed_fields, status, title, summary, body)
  values (new.id, (select auth.uid()), next_action, fields, new.status, new.title, new.summary, new.body);
  return new;
end
$$;
revoke all on function private.note_case_study_revision(uuid, text), public.record_case_study_revision()
  from public, anon, authenticated, service_role;
create trigger case_studies_record_revision after insert or update on public.case_studies
  for each row execute function public.record_case_study_revision();

-- When a link changes: the derived keys of the case study, its revision, its
-- search record, and the verified badge (a change by an editor who is not a
-- reviewer takes it away, as a change of the text does).
create or replace function private.refresh_case_study(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  cs public.case_studies;
begin
  select * into cs from public.case_studies where id = target_id;
  if not found then
    return;
  end if;
  update public.case_studies set facet_keys = private.case_study_facet_keys(cs)
   where id = target_id and facet_keys is distinct from private.case_study_facet_keys(cs);
  perform private.search_sync_case_study(target_id);
end
$$;

create or replace function private.on_case_study_link_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  target_id uuid := case when tg_op = 'DELETE' then old.case_study_id else new.case_study_id end;
begin
  if (select auth.uid()) is not null then
    perform private.note_case_study_revision(target_id, tg_argv[0]);
    if not public.is_case_study_reviewer(target_id) then
      update public.case_studies set verified_by_hub_id = null, verified_at = null, verified_by = null
       where id = target_id and verified_by_hub_id is not null;
    end if;
  end if;
  perform private.refresh_case_study(target_id);
  return null;
end
$$;
revoke all on function private.refresh_case_study(uuid), private.on_case_study_link_change()
  from public, anon, authenticated, service_role;

create trigger case_study_cities_changed after insert or update or delete on public.case_study_cities
  for each row execute function private.on_case_study_link_change('cities');
create trigger case_study_partners_changed after insert or update or delete on public.case_study_partners
  for each row execute function private.on_case_study_link_change('partners');
create trigger case_study_kpis_changed after insert or update or delete on public.case_study_kpis
  for each row execute function private.on_case_study_link_change('kpis');
create trigger case_study_deliverables_changed after insert or update or delete on public.case_study_deliverables
  for each row execute function private.on_case_study_link_change('deliverables');

-- Changes elsewhere that a case study's keys or search record name: a city's
-- region, country, population, name or hubs; an organization's kind, status
-- or name; a deliverable's code, title or publication; a hub's name.
create or replace function private.refresh_case_studies_of_cities(city_ids uuid[]) returns void
language sql security definer
set search_path = ''
as $$
  select private.refresh_case_study(cs.id)
    from public.case_studies cs
   where cs.lead_city_id = any (city_ids)
      or exists (select 1 from public.case_study_cities cc where cc.case_study_id = cs.id and cc.city_id = any (city_ids))
$$;

create or replace function private.on_city_change_for_case_studies() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.name, new.slug, new.region, new.country, new.population)
     is distinct from (old.name, old.slug, old.region, old.country, old.population) then
    perform private.refresh_case_studies_of_cities(array[new.id]);
  end if;
  return null;
end
$$;

create or replace function private.on_hub_city_change_for_case_studies() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refresh_case_studies_of_cities(
    case when tg_op = 'DELETE' then array[old.city_id] else array[new.city_id] end);
  return null;
end
$$;

create or replace function private.on_hub_change_for_case_studies() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.name, new.slug) is distinct from (old.name, old.slug) then
    perform private.refresh_case_studies_of_cities(
      array(select hc.city_id from public.hub_cities hc where hc.hub_id = new.id));
  end if;
  return null;
end
$$;

create or replace function private.on_organization_change_for_case_studies() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.name, new.slug, new.kind, new.status) is distinct from (old.name, old.slug, old.kind, old.status) then
    perform private.refresh_case_study(cp.case_study_id)
       from public.case_study_partners cp where cp.organization_id = new.id;
  end if;
  return null;
end
$$;

create or replace function private.on_deliverable_change_for_case_studies() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.code, new.title, new.slug, new.published) is distinct from (old.code, old.title, old.slug, old.published) then
    perform private.refresh_case_study(cd.case_study_id)
       from public.case_study_deliverables cd where cd.deliverable_id = new.id;
  end if;
  return null;
end
$$;

revoke all on function private.refresh_case_studies_of_cities(uuid[]), private.on_city_change_for_case_studies(),
  private.on_hub_city_change_for_case_studies(), private.on_hub_change_for_case_studies(),
  private.on_organization_change_for_case_studies(), private.on_deliverable_change_for_case_studies()
  from public, anon, authenticated, service_role;

create trigger cities_refresh_case_studies after update on public.cities
  for each row execute function private.on_city_change_for_case_studies();
create trigger hub_cities_refresh_case_studies after insert or update or delete on public.hub_cities
  for each row execute function private.on_hub_city_change_for_case_studies();
create trigger hubs_refresh_case_studies after update on public.hubs
  for each row execute function private.on_hub_change_for_case_studies();
create trigger organizations_refresh_case_studies after update on public.organizations
  for each row execute function private.on_organization_change_for_case_studies();
create trigger deliverables_refresh_case_studies after update on public.deliverables
  for each row execute function private.on_deliverable_change_for_case_studies();

-- Listing reads ------------------------------------------------------------------------
-- The listing filters with `facet_keys @> keys`. Under row-level security a
-- visitor's filter may only run after the policy's, and `@>` is not
-- leakproof, so PostgreSQL cannot use the GIN index for it: every listing
-- read the whole table (docs/case-studies.md, "Listing"). These two functions
-- run as the owner and read published case studies only, which every role
-- may see anyway; the page then loads the rows by id through RLS.

-- The keys of one facet ('theme:') among a case study's facet keys.
create or replace function private.facet_keys_of(keys text[], prefix text) returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(k order by k), '{}') from unnest(keys) as k where starts_with(k, prefix)
$$;
revoke all on function private.facet_keys_of(text[], text) from public, anon, authenticated, service_role;

-- The listing's own narrow copy of the published case studies: id, date and
-- facet keys (about 30 rows a page, where case_studies holds 4), with the
-- GIN index the filters use; and how many published case studies hold each
-- key ('~published': how many are published), so the commonest reads (no
-- filter, or one facet) count nothing. Both kept by one trigger.
create table private.case_study_facets (
  case_study_id uuid primary key references public.case_studies (id) on delete cascade,
  published_at timestamptz not null,
  facet_keys text[] not null,
  -- The same keys split by facet, so counting one facet unnests its own few
  -- keys instead of all of them (generated from facet_keys).
  theme text[] generated always as (private.facet_keys_of(facet_keys, 'theme:')) stored,
  sdg text[] generated always as (private.facet_keys_of(facet_keys, 'sdg:')) stored,
  kpidim text[] generated always as (private.facet_keys_of(facet_keys, 'kpidim:')) stored,
  hub text[] generated always as (private.facet_keys_of(facet_keys, 'hub:')) stored,
  region text[] generated always as (private.facet_keys_of(facet_keys, 'region:')) stored,
  country text[] generated always as (private.facet_keys_of(facet_keys, 'country:')) stored,
  size text[] generated always as (private.facet_keys_of(facet_keys, 'size:')) stored,
  status text[] generated always as (private.facet_keys_of(facet_keys, 'status:')) stored,
  gender text[] generated always as (private.facet_keys_of(facet_keys, 'gender:')) stored,
  deliverable text[] generated always as (private.facet_keys_of(facet_keys, 'deliverable:')) stored,
  sector text[] generated always as (private.facet_keys_of(facet_keys, 'sector:')) stored
);
comment on table private.case_study_facets is
  'Published case studies and their facet keys, for the listing; kept by case_studies_count_facets.';
create index case_study_facets_keys_idx on private.case_study_facets using gin (facet_keys);
create index case_study_facets_date_idx on private.case_study_facets (published_at desc, case_study_id);

create table private.case_study_facet_totals (
  key text primary key,
  count integer not null check (count >= 0)
);
comment on table private.case_study_facet_totals is
  'Published case studies per facet key, kept by case_studies_count_facets.';
revoke all on private.case_study_facets, private.case_study_facet_totals
  from public, anon, authenticated, service_role;

create or replace function private.count_case_study_facets() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  old_keys text[] := case when tg_op <> 'INSERT' and old.status = 'published'
                          then old.facet_keys || '~published'::text else '{}' end;
  new_keys text[] := case when tg_op <> 'DELETE' and new.status = 'published'
                          then new.facet_keys || '~published'::text else '{}' end;
begin
  if tg_op <> 'DELETE' and new.status = 'published' then
    insert into private.case_study_facets as f (case_study_id, published_at, facet_keys)
    values (new.id, new.published_at, new.facet_keys)
    on conflict (case_study_id) do update set published_at = excluded.published_at, facet_keys = excluded.facet_keys
     where (f.published_at, f.facet_keys) is distinct from (excluded.published_at, excluded.facet_keys);
  elsif tg_op <> 'INSERT' and old.status = 'published' then
    delete from private.case_study_facets where case_study_id = old.id;
  end if;
  if old_keys = new_keys then
    return null;
  end if;
  update private.case_study_facet_totals t set count = t.count - 1
   where t.key = any (old_keys) and t.key <> all (new_keys);
  insert into private.case_study_facet_totals as t (key, count)
  select k, 1 from unnest(new_keys) as k where k <> all (old_keys)
  on conflict (key) do update set count = t.count + 1;
  return null;
end
$$;

-- Rebuilds both (after a bulk load that ran without triggers).
create or replace function private.rebuild_case_study_facet_totals() returns void
language sql security definer
set search_path = ''
as $$
  delete from private.case_study_facets;
  insert into private.case_study_facets (case_study_id, published_at, facet_keys)
  select cs.id, cs.published_at, cs.facet_keys from public.case_studies cs where cs.status = 'published';
  delete from private.case_study_facet_totals;
  insert into private.case_study_facet_totals (key, count)
  select k.key, count(*)::int
    from private.case_study_facets f, unnest(f.facet_keys || '~published'::text) as k(key)
   group by k.key;
$$;

revoke all on function private.count_case_study_facets(), private.rebuild_case_study_facet_totals()
  from public, anon, authenticated, service_role;
create trigger case_studies_count_facets after insert or update of status, facet_keys, published_at or delete
  on public.case_studies
  for each row execute function private.count_case_study_facets();

-- One page of published case studies matching every key, newest first, and
-- how many match (from the totals when nothing is filtered).
create or replace function public.published_case_study_page(
  filter_keys text[], page_limit integer, page_offset integer
) returns table (id uuid, total integer)
language plpgsql stable security definer
set search_path = ''
-- Plan each call for its keys: a generic plan cannot tell a rare key from a common one.
set plan_cache_mode = force_custom_plan
as $$
declare
  page_size integer := least(greatest(coalesce(page_limit, 0), 0), 10000);
  skip integer := greatest(coalesce(page_offset, 0), 0);
begin
  if cardinality(coalesce(filter_keys, '{}')) = 0 then
    return query
      select f.case_study_id, coalesce((select t.count from private.case_study_facet_totals t where t.key = '~published'), 0)
        from private.case_study_facets f
       order by f.published_at desc, f.case_study_id
       limit page_size offset skip;
  else
    return query
      select f.case_study_id, (count(*) over ())::int
        from private.case_study_facets f
       where f.facet_keys @> filter_keys
       order by f.published_at desc, f.case_study_id
       limit page_size offset skip;
  end if;
end
$$;

-- The facet counts of the listing: every key over the published case
-- studies matching `filter_keys` (facet null), and for each facet in use
-- ({facet, keys, prefix}), its own keys over those matching the other
-- filters, so a facet in use keeps showing its other values. Counts over
-- all published case studies come from the totals.
create or replace function public.published_case_study_facets(filter_keys text[], facets_in_use jsonb)
returns table (facet text, key text, count integer)
language plpgsql stable security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  f jsonb;
  other_keys text[];
  column_name text;
begin
  if cardinality(coalesce(filter_keys, '{}')) = 0 then
    return query
      select null::text, t.key, t.count from private.case_study_facet_totals t
       where t.key <> '~published' and t.count > 0;
  else
    return query
      select null::text, k.key, count(*)::int
        from private.case_study_facets cf, unnest(cf.facet_keys) as k(key)
       where cf.facet_keys @> filter_keys
       group by k.key;
  end if;
  for f in select e from jsonb_array_elements(coalesce(facets_in_use, '[]'::jsonb)) as x(e) loop
    column_name := rtrim(f ->> 'prefix', ':');
    if column_name not in ('theme', 'sdg', 'kpidim', 'hub', 'region', 'country', 'size', 'status',
                           'gender', 'deliverable', 'sector') or (f ->> 'prefix') <> column_name || ':' then
      raise exception 'no facet has the prefix %', f ->> 'prefix' using errcode = '22023';
    end if;
    other_keys := array(select jsonb_array_elements_text(coalesce(f -> 'keys', '[]'::jsonb)));
    if cardinality(other_keys) = 0 then
      return query
        select f ->> 'facet', t.key, t.count from private.case_study_facet_totals t
         where starts_with(t.key, f ->> 'prefix') and t.count > 0;
    else
      return query execute format(
        'select $1, k.key, count(*)::int from private.case_study_facets cf, unnest(cf.%I) as k(key)
          where cf.facet_keys @> $2 group by k.key', column_name)
        using f ->> 'facet', other_keys;
    end if;
  end loop;
end
$$;

revoke all on function public.published_case_study_page(text[], integer, integer),
  public.published_case_study_facets(text[], jsonb) from public, anon, authenticated, service_role;
grant execute on function public.published_case_study_page(text[], integer, integer),
  public.published_case_study_facets(text[], jsonb) to anon, authenticated;

-- Peer matching reads ------------------------------------------------------------------
-- The first cut of peer matching (src/lib/peers/rank-peers.ts does the
-- ranking): published case studies sharing keys with a subject, scored with
-- the ranking's weights, through the GIN index of the narrow table; and the
-- profile of a city (what its published case studies are about). Security
-- definer for the same reason as the listing reads; published data only.

create or replace function private.peer_key_weight(key text) returns real
language sql immutable parallel safe
set search_path = ''
as $$
  select case split_part(key, ':', 1)
    when 'target' then 3 when 'tech' then 2.5 when 'theme' then 2 when 'kpi' then 1.5 when 'sdg' then 1
    else 0 end::real
$$;

-- Published case studies sharing a topical key (theme, sdg, target, kpi,
-- tech) or a word with the subject, best first, at most `max_count`.
create or replace function public.published_peer_candidates(
  subject_keys text[], words text[], exclude_id uuid, max_count integer
) returns table (id uuid, lead_city_id uuid, score real, matched_words text[])
language plpgsql stable security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  topical text[] := array(select k from unnest(coalesce(subject_keys, '{}')) as k
                           where split_part(k, ':', 1) in ('theme', 'sdg', 'target', 'kpi', 'tech'));
  words_query tsquery := case when cardinality(coalesce(words, '{}')) = 0 then null
                              else websearch_to_tsquery('english', array_to_string(words, ' or ')) end;
begin
  return query
    with matched as (
      select cf.case_study_id from private.case_study_facets cf
       where cardinality(topical) > 0 and cf.facet_keys && topical
      union
      select cs.id from public.case_studies cs
       where words_query is not null and cs.status = 'published' and cs.text_vector @@ words_query
    )
    select cs.id, cs.lead_city_id,
           (coalesce((select sum(private.peer_key_weight(k)) from unnest(cf.facet_keys) as k
                       where k = any (topical)), 0)
            + coalesce(cardinality(w.found), 0))::real,
           coalesce(w.found, '{}')
      from matched m
      join public.case_studies cs on cs.id = m.case_study_id
      join private.case_study_facets cf on cf.case_study_id = cs.id
      left join lateral (
        select array(select x from unnest(words) as x where cs.text_vector @@ plainto_tsquery('english', x)) as found
         where words_query is not null
      ) as w on true
     where cs.id is distinct from exclude_id
     order by 3 desc, cs.published_at desc
     limit least(greatest(coalesce(max_count, 0), 0), 1000);
end
$$;

-- What each city's published case studies are about (their topical keys),
-- and how many there are: a city's profile for peer matching.
create or replace function public.published_city_profiles(city_ids uuid[])
returns table (city_id uuid, keys text[], case_studies integer)
language sql stable security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with links as (
    select cs.lead_city_id as city_id, cs.id from public.case_studies cs
     where cs.lead_city_id = any (city_ids) and cs.status = 'published'
    union
    select cc.city_id, cc.case_study_id from public.case_study_cities cc
      join public.case_studies cs on cs.id = cc.case_study_id and cs.status = 'published'
     where cc.city_id = any (city_ids)
  )
  select l.city_id,
         array(select distinct k from links l2 join private.case_study_facets cf on cf.case_study_id = l2.id,
                                      unnest(cf.facet_keys) as k
                where l2.city_id = l.city_id and split_part(k, ':', 1) in ('theme', 'sdg', 'target', 'kpi', 'tech')),
         count(*)::int
    from links l group by l.city_id
$$;

-- Cities whose published case studies share a topical key with the subject,
-- those sharing most first, at most `max_count`.
create or replace function public.published_peer_city_ids(subject_keys text[], exclude_id uuid, max_count integer)
returns table (city_id uuid, shared integer)
language sql stable security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with topical as (
    select array(select k from unnest(coalesce(subject_keys, '{}')) as k
                  where split_part(k, ':', 1) in ('theme', 'sdg', 'target', 'kpi', 'tech')) as keys
  ),
  studies as (
    select cf.case_study_id, cardinality(array(select unnest(cf.facet_keys) intersect select unnest(t.keys))) as n
      from private.case_study_facets cf, topical t
     where cardinality(t.keys) > 0 and cf.facet_keys && t.keys
  ),
  per_city as (
    select cs.lead_city_id as city_id, s.n from studies s join public.case_studies cs on cs.id = s.case_study_id
    union all
    select cc.city_id, s.n from studies s join public.case_study_cities cc on cc.case_study_id = s.case_study_id
  )
  select p.city_id, max(p.n)::int from per_city p
   where p.city_id is distinct from exclude_id
   group by p.city_id
   order by 2 desc, p.city_id
   limit least(greatest(coalesce(max_count, 0), 0), 1000)
$$;

revoke all on function private.peer_key_weight(text) from public, anon, authenticated, service_role;
revoke all on function public.published_peer_candidates(text[], text[], uuid, integer),
  public.published_city_profiles(uuid[]), public.published_peer_city_ids(text[], uuid, integer)
  from public, anon, authenticated, service_role;
grant execute on function public.published_peer_candidates(text[], text[], uuid, integer),
  public.published_city_profiles(uuid[]), public.published_peer_city_ids(text[], uuid, integer)
  to anon, authenticated;

-- Search records ------------------------------------------------------------------------
-- Published case studies only, with links in the order the result shows
-- them: the first deliverable applied, the first partner, the lead city
-- ("applies ITU-T Y.4903 · with Sensorwerk · in Fjordby"), then the others.

create or replace function private.search_sync_case_study(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  cs public.case_studies;
  lead public.cities;
  hub_slugs jsonb;
  kpi_codes jsonb;
  deliverable_links jsonb;
  partner_links jsonb;
  city_links jsonb;
  links jsonb;
begin
  select * into cs from public.case_studies where id = target_id;
  if not found or cs.status <> 'published' then
    perform private.search_delete('case_study', target_id::text);
    return;
  end if;
  select * into lead from public.cities where id = cs.lead_city_id;
  select coalesce(jsonb_agg(distinct h.slug), '[]'::jsonb) into hub_slugs
    from public.hubs h join public.hub_cities hc on hc.hub_id = h.id
   where hc.city_id = cs.lead_city_id
      or hc.city_id in (select cc.city_id from public.case_study_cities cc where cc.case_study_id = cs.id);
  select coalesce(jsonb_agg(ck.kpi_code order by ck.kpi_code), '[]'::jsonb) into kpi_codes
    from public.case_study_kpis ck where ck.case_study_id = cs.id;
  select coalesce(jsonb_agg(jsonb_build_object('id', 'deliverable:' || d.id, 'type', 'deliverable',
           'title', coalesce(d.code, d.title), 'url', '/deliverables/' || d.slug, 'relation', 'applies')
           order by d.code nulls last, d.title), '[]'::jsonb) into deliverable_links
    from public.case_study_deliverables cd join public.deliverables d on d.id = cd.deliverable_id
   where cd.case_study_id = cs.id and d.published;
  select coalesce(jsonb_agg(jsonb_build_object('id', 'organization:' || o.id, 'type', 'organization',
           'title', o.name, 'url', '/directory/' || o.slug, 'relation', 'organization')
           order by cp.position, o.name), '[]'::jsonb) into partner_links
    from public.case_study_partners cp join public.organizations o on o.id = cp.organization_id
   where cp.case_study_id = cs.id and o.status = 'verified';
  select jsonb_build_array(jsonb_build_object('id', 'city:' || lead.id, 'type', 'city', 'title', lead.name,
           'url', '/cities/' || lead.slug, 'relation', 'city'))
         || coalesce((select jsonb_agg(jsonb_build_object('id', 'city:' || c.id, 'type', 'city', 'title', c.name,
                        'url', '/cities/' || c.slug, 'relation', 'city') order by c.name)
                        from public.case_study_cities cc join public.cities c on c.id = cc.city_id
                       where cc.case_study_id = cs.id), '[]'::jsonb)
    into city_links;
  links := coalesce((select jsonb_agg(ordered.l order by ordered.n) from (
      select deliverable_links -> 0 as l, 1 as n where jsonb_array_length(deliverable_links) > 0
      union all select partner_links -> 0, 2 where jsonb_array_length(partner_links) > 0
      union all select city_links -> 0, 3
      union all select e, 4 + o::int from jsonb_array_elements(deliverable_links) with ordinality as x(e, o) where o > 1
      union all select e, 100 + o::int from jsonb_array_elements(partner_links) with ordinality as x(e, o) where o > 1
      union all select e, 200 + o::int from jsonb_array_elements(city_links) with ordinality as x(e, o) where o > 1
    ) as ordered), '[]'::jsonb);
  perform private.search_upsert(jsonb_build_object(
    'type', 'case_study',
    'source_id', cs.id,
    'title', cs.title,
    'summary', cs.summary,
    'text', concat_ws(E'\n\n', cs.challenge, cs.solution,
                      (select string_agg(r.item ->> 'label', '. ') from jsonb_array_elements(cs.results) as r(item)),
                      array_to_string(cs.technologies, ', '), cs.beneficiaries, cs.gender_participation,
                      cs.lessons, cs.transferability, private.search_rich_text(cs.body)),
    'url', '/case-studies/' || cs.slug,
    'subtype', cs.project_status,
    'hubs', hub_slugs,
    'country', lead.country,
    'region', lead.region,
    'sdgs', to_jsonb(cs.sdg_goals),
    'themes', to_jsonb(cs.themes),
    'kpi_codes', kpi_codes,
    'links', links,
    'is_demo', cs.is_demo,
    'date', cs.published_at
  ));
end
$$;

create or replace function private.search_rebuild_case_studies() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_case_study(cs.id) from public.case_studies cs where cs.status = 'published'
$$;

create or replace function private.search_on_case_study_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_case_study(case when tg_op = 'DELETE' then old.id else new.id end);
  return null;
end
$$;

revoke all on function private.search_sync_case_study(uuid), private.search_rebuild_case_studies(),
  private.search_on_case_study_change() from public, anon, authenticated, service_role;

-- Only the columns a record shows: the refresh above updates facet_keys
-- alone and syncs the record itself.
create trigger case_studies_search_sync
  after insert or delete or update of slug, lead_city_id, title, summary, challenge, solution, results,
    project_status, technologies, beneficiaries, gender_participation, lessons, transferability, body,
    sdg_goals, themes, status, is_demo, published_at
  on public.case_studies
  for each row execute function private.search_on_case_study_change();

select private.search_register_source('case_study', 'private.search_rebuild_case_studies()');

-- Privileges and row-level security ------------------------------------------------------

alter table public.case_studies enable row level security;
alter table public.case_study_cities enable row level security;
alter table public.case_study_partners enable row level security;
alter table public.case_study_kpis enable row level security;
alter table public.case_study_deliverables enable row level security;
alter table public.case_study_comments enable row level security;
alter table public.case_study_revisions enable row level security;

revoke all on public.case_studies, public.case_study_cities, public.case_study_partners, public.case_study_kpis,
  public.case_study_deliverables, public.case_study_comments, public.case_study_revisions
  from anon, authenticated, service_role;
revoke all on sequence public.case_study_comments_id_seq, public.case_study_revisions_id_seq
  from anon, authenticated, service_role;

grant select on public.case_studies, public.case_study_cities, public.case_study_partners,
  public.case_study_kpis, public.case_study_deliverables to anon, authenticated;
grant select on public.case_study_comments, public.case_study_revisions to authenticated;

-- Workflow columns (status, verified_by_hub_id) are granted; the guard
-- trigger decides who moves them. The stamps (submitted_*, reviewed_by,
-- published_at, verified_*) and the derived columns are the triggers' own.
grant insert (slug, lead_city_id, title, summary, challenge, solution, results, project_status, started_on,
  ended_on, budget_band, funding_sources, funding_note, sdg_goals, sdg_targets, themes, technologies,
  beneficiaries, sex_disaggregated, gender_participation, lessons, transferability, contact_role, body,
  language, author_id) on public.case_studies to authenticated;
grant update (title, summary, challenge, solution, results, project_status, started_on, ended_on, budget_band,
  funding_sources, funding_note, sdg_goals, sdg_targets, themes, technologies, beneficiaries, sex_disaggregated,
  gender_participation, lessons, transferability, contact_role, body, language, status, verified_by_hub_id)
  on public.case_studies to authenticated;
grant delete on public.case_studies to authenticated;

grant insert (case_study_id, city_id), delete on public.case_study_cities to authenticated;
grant insert (case_study_id, organization_id, role, contribution, position),
  update (role, contribution, position), delete on public.case_study_partners to authenticated;
grant insert (case_study_id, kpi_code), delete on public.case_study_kpis to authenticated;
grant insert (case_study_id, deliverable_id), delete on public.case_study_deliverables to authenticated;
grant insert (case_study_id, author_id, decision, body) on public.case_study_comments to authenticated;
grant delete on public.case_study_comments to authenticated;

-- case_studies
create policy "Published case studies are visible to visitors" on public.case_studies
  for select to anon using (status = 'published');
create policy "Published case studies, and the rest to their city's editors and reviewers, are visible to members"
  on public.case_studies
  for select to authenticated
  using (
    status = 'published'
    or author_id = (select auth.uid())
    or (select public.is_platform_admin())
    or public.is_city_editor(lead_city_id)
    or public.is_coordinator_of_city_hub(lead_city_id)
  );
create policy "Case studies can be written by their lead city's editors" on public.case_studies
  for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and ((select public.is_platform_admin()) or public.is_city_editor(lead_city_id))
  );
create policy "Case studies can be changed by their city's editors and reviewers" on public.case_studies
  for update to authenticated
  using (
    (select public.is_platform_admin())
    or public.is_city_editor(lead_city_id)
    or public.is_coordinator_of_city_hub(lead_city_id)
  )
  with check (
    (select public.is_platform_admin())
    or public.is_city_editor(lead_city_id)
    or public.is_coordinator_of_city_hub(lead_city_id)
  );
create policy "Unpublished case studies can be deleted by their city's editors, any by admins"
  on public.case_studies
  for delete to authenticated
  using (
    (select public.is_platform_admin())
    or (public.is_city_editor(lead_city_id) and status in ('draft', 'changes_requested', 'unpublished'))
  );

-- Link tables: visible with their case study (its own policy decides), and
-- partners only when the organization is visible too (verified, for the public).
create policy "Partner cities are visible with their case study to visitors" on public.case_study_cities
  for select to anon using (exists (select 1 from public.case_studies cs where cs.id = case_study_id));
create policy "Partner cities are visible with their case study to members" on public.case_study_cities
  for select to authenticated using (exists (select 1 from public.case_studies cs where cs.id = case_study_id));
create policy "Partner cities can be added by the case study's editors" on public.case_study_cities
  for insert to authenticated with check (public.can_edit_case_study_links(case_study_id));
create policy "Partner cities can be removed by the case study's editors" on public.case_study_cities
  for delete to authenticated using (public.can_edit_case_study_links(case_study_id));

create policy "Verified partners are visible with their case study to visitors" on public.case_study_partners
  for select to anon
  using (exists (select 1 from public.case_studies cs where cs.id = case_study_id)
         and exists (select 1 from public.organizations o where o.id = organization_id));
create policy "Partners are visible with their case study and organization to members" on public.case_study_partners
  for select to authenticated
  using (exists (select 1 from public.case_studies cs where cs.id = case_study_id)
         and exists (select 1 from public.organizations o where o.id = organization_id));
create policy "Verified organizations can be linked by the case study's editors" on public.case_study_partners
  for insert to authenticated
  with check (
    public.can_edit_case_study_links(case_study_id)
    and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified')
  );
create policy "Partner roles can be changed by the case study's editors" on public.case_study_partners
  for update to authenticated
  using (public.can_edit_case_study_links(case_study_id))
  with check (public.can_edit_case_study_links(case_study_id));
create policy "Partners can be removed by the case study's editors" on public.case_study_partners
  for delete to authenticated using (public.can_edit_case_study_links(case_study_id));

create policy "Case study KPIs are visible with their case study to visitors" on public.case_study_kpis
  for select to anon using (exists (select 1 from public.case_studies cs where cs.id = case_study_id));
create policy "Case study KPIs are visible with their case study to members" on public.case_study_kpis
  for select to authenticated using (exists (select 1 from public.case_studies cs where cs.id = case_study_id));
create policy "Case study KPIs can be added by the case study's editors" on public.case_study_kpis
  for insert to authenticated with check (public.can_edit_case_study_links(case_study_id));
create policy "Case study KPIs can be removed by the case study's editors" on public.case_study_kpis
  for delete to authenticated using (public.can_edit_case_study_links(case_study_id));

create policy "Applied deliverables are visible with their case study to visitors" on public.case_study_deliverables
  for select to anon
  using (exists (select 1 from public.case_studies cs where cs.id = case_study_id)
         and exists (select 1 from public.deliverables d where d.id = deliverable_id));
create policy "Applied deliverables are visible with their case study to members" on public.case_study_deliverables
  for select to authenticated
  using (exists (select 1 from public.case_studies cs where cs.id = case_study_id)
         and exists (select 1 from public.deliverables d where d.id = deliverable_id));
create policy "Published deliverables can be linked by the case study's editors" on public.case_study_deliverables
  for insert to authenticated
  with check (
    public.can_edit_case_study_links(case_study_id)
    and exists (select 1 from public.deliverables d where d.id = deliverable_id and d.published)
  );
create policy "Applied deliverables can be removed by the case study's editors" on public.case_study_deliverables
  for delete to authenticated using (public.can_edit_case_study_links(case_study_id));

-- Comments: between the case study's editors and its reviewers, never public.
create policy "Review comments are visible to the case study's editors and reviewers" on public.case_study_comments
  for select to authenticated
  using (public.is_case_study_editor(case_study_id) or public.is_case_study_reviewer(case_study_id));
create policy "Review comments can be written by the case study's editors and reviewers" on public.case_study_comments
  for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and (public.is_case_study_editor(case_study_id) or public.is_case_study_reviewer(case_study_id))
  );
create policy "Review comments can be deleted by admins" on public.case_study_comments
  for delete to authenticated using ((select public.is_platform_admin()));

create policy "Case study revisions are visible to its editors and reviewers" on public.case_study_revisions
  for select to authenticated
  using (public.is_case_study_editor(case_study_id) or public.is_case_study_reviewer(case_study_id));

-- Images in case studies ---------------------------------------------------------------
-- The editor island uploads images for the lead city (POST /case-studies/images):
-- a city's editors may upload for their city, as a hub's coordinators do for their hub.
alter table public.media_files add column city_id uuid references public.cities (id) on delete set null;
comment on column public.media_files.city_id is 'The city whose editors uploaded it (case studies); null for hub uploads.';
create index media_files_city_id_idx on public.media_files (city_id) where city_id is not null;
grant insert (city_id) on public.media_files to authenticated;
create policy "City editors and admins can upload images for their city's case studies" on public.media_files
  for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and hub_id is null
    and city_id is not null
    and ((select public.is_platform_admin()) or public.is_city_editor(city_id))
  );

-- Review mail ----------------------------------------------------------------------------
-- A submission tells the coordinators of the lead city's hubs; a decision
-- (changes requested, published) tells the author and the submitter. The
-- notices (private.notices, created by 20261203150000_notices.sql; PL/pgSQL
-- reads it only when the trigger fires) are worded by the use case from
-- i18n (`mail.cases.*`) before it returns. Only requests' changes notify:
-- the seed and jobs (no auth.uid()) do not, and nobody is told of their own move.
create or replace function private.notice_case_study_status() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_city text;
begin
  if v_uid is null or new.status is not distinct from old.status then
    return null;
  end if;
  select c.name into v_city from public.cities c where c.id = new.lead_city_id;
  if new.status = 'submitted' then
    insert into private.notices (recipient_id, kind, data)
    select distinct m.user_id, 'cases.submitted', jsonb_build_object(
             'caseStudy', new.title, 'city', v_city, 'link', '/case-studies/' || new.slug || '/review')
      from public.hub_cities hc
      join public.memberships m on m.hub_id = hc.hub_id and m.role = 'hub_coordinator'
     where hc.city_id = new.lead_city_id and m.user_id <> v_uid
     limit 100;
  elsif old.status = 'submitted' and new.status in ('changes_requested', 'published') then
    insert into private.notices (recipient_id, kind, data)
    select distinct r.user_id, 'cases.' || new.status, jsonb_build_object(
             'caseStudy', new.title, 'city', v_city,
             'link', '/case-studies/' || new.slug || case when new.status = 'published' then '' else '/edit' end)
      from (values (new.author_id), (new.submitted_by)) as r(user_id)
     where r.user_id is not null and r.user_id <> v_uid;
  end if;
  return null;
end
$$;
revoke all on function private.notice_case_study_status() from public, anon, authenticated, service_role;
create trigger case_studies_notice_status after update of status on public.case_studies
  for each row execute function private.notice_case_study_status();
