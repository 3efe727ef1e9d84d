-- Procurement: cities run the U4SSC buying cycle (Procurement guidelines for
-- smart sustainable cities) in the open: plan, inform the market, evaluate and
-- award, manage delivery. Every published change is also an OCDS 1.1 release
-- (Open Contracting Data Standard), stored here and never changed again.
--
-- Who may do what:
-- - a city's editors open, edit and publish their city's processes (nobody
--   else writes them: not coordinators, not admins);
-- - a process is private (a draft) until its plan is published; each later
--   stage is public as it is recorded, except the market notice, which is
--   drafted and then published, and the bids and their scores, which stay
--   private to the city's editors, admins and (for its own bid) the bidder;
-- - members of a verified organization ask questions and express interest
--   while a published notice is open; what they sent is visible to their
--   organization and the city's editors and admins only. Questions are
--   published by the city as a separate answer row that does not say who
--   asked;
-- - evaluation criteria and weights are fixed when the notice is published;
--   afterwards the notice, its criteria and a contract's value or period only
--   change in a transaction that records an amendment (guards below), so no
--   change is silent;
-- - releases (procurement_releases) are written once and never updated or
--   deleted, by anyone.
-- Refusals raise 42501 (the RLS matrix counts them); values that break a rule
-- the form also checks raise 23514 (check_violation).

-- vocabularies -------------------------------------------------------------------

-- The current ISO 4217 codes of the OCDS 1.1.5 currency codelist
-- (codelists/currency.csv, rows without "Valid Until"), the same list as
-- src/lib/procurement/currencies.ts (a unit test compares them).
create or replace function public.is_ocds_currency(code text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select code = any ('{
    AED,AFN,ALL,AMD,ANG,AOA,ARS,AUD,AWG,AZN,BAM,BBD,BDT,BGN,BHD,BIF,BMD,BND,BOB,BOV,BRL,BSD,BTN,BWP,BYN,
    BZD,CAD,CDF,CHE,CHF,CHW,CLF,CLP,CNY,COP,COU,CRC,CUC,CUP,CVE,CZK,DJF,DKK,DOP,DZD,EGP,ERN,ETB,EUR,FJD,
    FKP,GBP,GEL,GHS,GIP,GMD,GNF,GTQ,GYD,HKD,HNL,HRK,HTG,HUF,IDR,ILS,INR,IQD,IRR,ISK,JMD,JOD,JPY,KES,KGS,
    KHR,KMF,KPW,KRW,KWD,KYD,KZT,LAK,LBP,LKR,LRD,LSL,LYD,MAD,MDL,MGA,MKD,MMK,MNT,MOP,MRU,MUR,MVR,MWK,MXN,
    MXV,MYR,MZN,NAD,NGN,NIO,NOK,NPR,NZD,OMR,PAB,PEN,PGK,PHP,PKR,PLN,PYG,QAR,RON,RSD,RUB,RWF,SAR,SBD,SCR,
    SDG,SEK,SGD,SHP,SLL,SOS,SRD,SSP,STN,SVC,SYP,SZL,THB,TJS,TMT,TND,TOP,TRY,TTD,TWD,TZS,UAH,UGX,USD,USN,
    UYI,UYU,UYW,UZS,VES,VND,VUV,WST,XAF,XAG,XAU,XBA,XBB,XBC,XBD,XCD,XDR,XOF,XPD,XPF,XPT,XSU,XTS,XUA,XXX,
    YER,ZAR,ZMW,ZWL
  }'::text[])
$$;
comment on function public.is_ocds_currency(text) is
  'True for a current currency code of the OCDS 1.1.5 codelist (ISO 4217).';

-- processes (the plan, and the state of the whole cycle) ---------------------------

create table public.procurement_processes (
  id uuid primary key default gen_random_uuid(),
  -- The OCDS id, OCDS_PREFIX + id, fixed when the process is opened so a
  -- later change of prefix never renames a published process.
  ocid text not null unique check (ocid ~ '^ocds-[a-z0-9]{6}-[0-9a-f-]{36}$'),
  -- A city deleted (by the owner: API roles cannot delete its releases) takes its processes with it.
  city_id uuid not null references public.cities (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 200),
  -- The need as a problem, in plain language, and the outcomes wanted:
  -- [{"outcome": text, "measure": text}], at most 8.
  problem text not null default '' check (char_length(problem) <= 4000),
  outcomes jsonb not null default '[]'::jsonb
    check (jsonb_typeof(outcomes) = 'array' and jsonb_array_length(outcomes) <= 8),
  beneficiaries text not null default '' check (char_length(beneficiaries) <= 2000),
  themes text[] not null default '{}' check (themes <@ array['mobility', 'energy', 'water', 'waste',
    'ict-infrastructure', 'e-government', 'data-and-ai', 'health', 'education', 'safety', 'housing',
    'urban-planning', 'culture', 'environment', 'climate', 'economy', 'social-inclusion',
    'participation', 'food', 'kpis']::text[]),
  sdgs smallint[] not null default '{}'
    check (sdgs <@ array[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[]),
  -- U4SSC KPI codes; each must be in public.kpis (trigger below).
  kpi_codes text[] not null default '{}' check (cardinality(kpi_codes) <= 20),
  budget_amount numeric(18, 2) check (budget_amount >= 0),
  budget_currency text check (public.is_ocds_currency(budget_currency)),
  -- The estimate in US dollars at the rate of the day it was set (value bands).
  budget_usd numeric(18, 2) check (budget_usd >= 0),
  funding_source text not null default '' check (char_length(funding_source) <= 500),
  planned_notice_on date,
  planned_award_on date,
  planned_delivery_start date,
  planned_delivery_end date,
  -- Gender and inclusion assessment: who is affected, how women and girls and
  -- other groups were consulted, the gender-responsive criteria to use.
  gender_affected text not null default '' check (char_length(gender_affected) <= 2000),
  gender_consultation text not null default '' check (char_length(gender_consultation) <= 2000),
  gender_criteria text not null default '' check (char_length(gender_criteria) <= 2000),
  -- Where the cycle is; set by the use cases as each step is recorded.
  stage text not null default 'plan' check (stage in ('plan', 'market', 'evaluation', 'delivery', 'closed')),
  status text not null default 'active' check (status in ('active', 'complete', 'cancelled')),
  -- Evaluate and award: the tender method (OCDS method codelist).
  tender_method text check (tender_method in ('open', 'selective', 'limited', 'direct')),
  tender_method_rationale text not null default '' check (char_length(tender_method_rationale) <= 2000),
  tender_recorded_at timestamptz,
  -- Manage delivery: the closing note.
  closing_note text not null default '' check (char_length(closing_note) <= 4000),
  lessons_learned text not null default '' check (char_length(lessons_learned) <= 4000),
  closed_at timestamptz,
  cancellation_reason text not null default '' check (char_length(cancellation_reason) <= 2000),
  -- The plan's publication: until then the process is a draft.
  published_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint procurement_budget_complete check ((budget_amount is null) = (budget_currency is null)),
  constraint procurement_delivery_period check (
    planned_delivery_end is null or planned_delivery_start is null or planned_delivery_end >= planned_delivery_start
  ),
  -- A limited or direct procedure says why competition was restricted.
  constraint procurement_method_rationale check (
    tender_method is null or tender_method in ('open', 'selective')
    or char_length(btrim(tender_method_rationale)) >= 10
  ),
  constraint procurement_closed_with_note check (
    closed_at is null or (char_length(btrim(closing_note)) >= 10 and char_length(btrim(lessons_learned)) >= 10)
  ),
  constraint procurement_cancelled_with_reason check (
    status <> 'cancelled' or char_length(btrim(cancellation_reason)) >= 10
  ),
  -- What the plan step must say before the plan is published.
  constraint procurement_published_plan_complete check (
    published_at is null or (
      char_length(btrim(problem)) >= 20 and jsonb_array_length(outcomes) >= 1
      and char_length(btrim(beneficiaries)) >= 5 and cardinality(themes) >= 1
      and budget_amount is not null
    )
  )
);
comment on table public.procurement_processes is
  'Procurement processes of a city: the plan and the state of the U4SSC buying cycle; public once the plan is published.';
create index procurement_processes_city_idx on public.procurement_processes (city_id);
create index procurement_processes_published_idx on public.procurement_processes (published_at);
create index procurement_processes_stage_idx on public.procurement_processes (stage, status);
create index procurement_processes_themes_idx on public.procurement_processes using gin (themes);
create index procurement_processes_sdgs_idx on public.procurement_processes using gin (sdgs);
create index procurement_processes_created_by_idx on public.procurement_processes (created_by);

-- Helpers for the policies of every procurement table. Security definer so a
-- child table's policy can ask about the process without its policies
-- recursing; the empty search_path stops shadowing.
create or replace function public.can_edit_procurement(target_process_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.procurement_processes p
    where p.id = target_process_id and public.is_city_editor(p.city_id)
  )
$$;
comment on function public.can_edit_procurement(uuid) is
  'True for an editor of the city that runs the procurement process.';

create or replace function public.can_review_procurement(target_process_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select public.is_platform_admin() or public.can_edit_procurement(target_process_id)
$$;
comment on function public.can_review_procurement(uuid) is
  'True for those who see a process''s private parts (bids, scores, who asked): its city''s editors and admins.';

create or replace function public.is_procurement_published(target_process_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.procurement_processes p
    where p.id = target_process_id and p.published_at is not null
  )
$$;

create or replace function public.is_verified_organization(target_org_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.organizations o where o.id = target_org_id and o.status = 'verified')
$$;

revoke all on function public.is_ocds_currency(text), public.can_edit_procurement(uuid),
  public.can_review_procurement(uuid), public.is_procurement_published(uuid),
  public.is_verified_organization(uuid) from public, anon, authenticated, service_role;
grant execute on function public.is_ocds_currency(text), public.can_edit_procurement(uuid),
  public.can_review_procurement(uuid), public.is_procurement_published(uuid),
  public.is_verified_organization(uuid) to anon, authenticated;

-- The process's own rules: KPI codes exist, and what is published stays
-- published (the plan's date, the closing) and in its city.
create or replace function private.guard_procurement_process() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  unknown text;
begin
  select string_agg(code, ', ') into unknown
    from unnest(new.kpi_codes) as code
   where not exists (select 1 from public.kpis k where k.code = code);
  if unknown is not null then
    raise exception 'unknown U4SSC KPI code: %', unknown using errcode = '23503';
  end if;
  if tg_op = 'UPDATE' then
    if old.published_at is not null and new.published_at is distinct from old.published_at then
      raise exception 'a published procurement process stays published' using errcode = '42501';
    end if;
    if old.closed_at is not null and new.closed_at is distinct from old.closed_at then
      raise exception 'a closed procurement process stays closed' using errcode = '42501';
    end if;
    if old.status = 'cancelled' and new.status <> 'cancelled' then
      raise exception 'a cancelled procurement process stays cancelled' using errcode = '42501';
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger procurement_processes_guard before insert or update on public.procurement_processes
  for each row execute function private.guard_procurement_process();

-- the market-engagement notice -------------------------------------------------------

create table public.procurement_notices (
  process_id uuid primary key references public.procurement_processes (id) on delete cascade,
  problem_statement text not null default '' check (char_length(problem_statement) <= 4000),
  market_questions text not null default '' check (char_length(market_questions) <= 4000),
  deadline timestamptz not null,
  -- A notice open less than 28 days says why.
  short_deadline_reason text not null default '' check (char_length(short_deadline_reason) <= 1000),
  -- [{"title": text, "url": "https://…"}], at most 10.
  documents jsonb not null default '[]'::jsonb
    check (jsonb_typeof(documents) = 'array' and jsonb_array_length(documents) <= 10),
  published_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint procurement_notice_open_long_enough check (
    published_at is null or deadline >= published_at + interval '28 days'
    or char_length(btrim(short_deadline_reason)) >= 10
  ),
  constraint procurement_notice_published_complete check (
    published_at is null or (char_length(btrim(problem_statement)) >= 20 and deadline > published_at)
  )
);
comment on table public.procurement_notices is
  'The market-engagement notice (open challenge) of a process: public once published; changed only through amendments.';
create index procurement_notices_published_idx on public.procurement_notices (published_at, deadline);

create or replace function public.is_procurement_notice_published(target_process_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.procurement_notices n
    where n.process_id = target_process_id and n.published_at is not null
  )
$$;

-- Open: published, the deadline ahead, and the process neither cancelled nor closed.
create or replace function public.is_procurement_notice_open(target_process_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.procurement_notices n
    join public.procurement_processes p on p.id = n.process_id
    where n.process_id = target_process_id and n.published_at is not null and n.deadline > now()
      and p.status = 'active' and p.closed_at is null
  )
$$;
revoke all on function public.is_procurement_notice_published(uuid), public.is_procurement_notice_open(uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.is_procurement_notice_published(uuid), public.is_procurement_notice_open(uuid)
  to anon, authenticated;

-- evaluation criteria and weights ----------------------------------------------------

create table public.procurement_criteria (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  position smallint not null check (position between 1 and 20),
  name text not null check (char_length(btrim(name)) between 2 and 200),
  description text not null default '' check (char_length(description) <= 1000),
  weight smallint not null check (weight between 1 and 100),
  -- Counts towards "processes with gender-responsive criteria".
  gender_responsive boolean not null default false,
  unique (process_id, id),
  unique (process_id, position)
);
comment on table public.procurement_criteria is
  'Evaluation criteria of a process with their weights (summing to 100), fixed when the notice is published.';

-- amendments: every change to a published notice, its criteria or a contract -------------

create table public.procurement_amendments (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  subject text not null check (subject in ('notice', 'criteria', 'contract')),
  rationale text not null check (char_length(btrim(rationale)) between 10 and 2000),
  -- What changed, in words, and as [{"property", "former_value", "value"}].
  description text not null default '' check (char_length(description) <= 4000),
  changes jsonb not null default '[]'::jsonb check (jsonb_typeof(changes) = 'array'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  -- The transaction that made the amendment: the guards below accept a change
  -- only in the same transaction as its amendment.
  transaction_id xid8 not null default pg_current_xact_id()
);
comment on table public.procurement_amendments is
  'Dated amendments to a published notice, its criteria or a contract: the only way they change.';
create index procurement_amendments_process_idx on public.procurement_amendments (process_id, created_at);
create index procurement_amendments_created_by_idx on public.procurement_amendments (created_by);

create or replace function private.procurement_amended_now(target_process_id uuid, amended_subject text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.procurement_amendments a
    where a.process_id = target_process_id and a.subject = amended_subject
      and a.transaction_id = pg_current_xact_id()
  )
$$;

create or replace function private.guard_procurement_notice() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  total integer;
  criteria integer;
begin
  if tg_op = 'DELETE' then
    -- Removing a whole process (with its city) is the one exception.
    if old.published_at is not null and not private.procurement_history_removed() then
      raise exception 'a published notice is never deleted' using errcode = '42501';
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and old.published_at is not null then
    if new.published_at is distinct from old.published_at then
      raise exception 'a published notice stays published' using errcode = '42501';
    end if;
    if (new.problem_statement, new.market_questions, new.deadline, new.short_deadline_reason, new.documents)
       is distinct from (old.problem_statement, old.market_questions, old.deadline, old.short_deadline_reason, old.documents)
       and not private.procurement_amended_now(new.process_id, 'notice') then
      raise exception 'a published notice changes only through an amendment' using errcode = '42501';
    end if;
  end if;
  -- People set deadlines ahead; the owner (the seed) may write history.
  if (tg_op = 'INSERT' or new.deadline is distinct from old.deadline) and new.deadline <= now()
     and current_setting('role', true) in ('anon', 'authenticated') then
    raise exception 'the deadline is in the past' using errcode = '23514';
  end if;
  if new.published_at is not null and (tg_op = 'INSERT' or old.published_at is null) then
    if not public.is_procurement_published(new.process_id) then
      raise exception 'publish the plan before its notice' using errcode = '23514';
    end if;
    select coalesce(sum(c.weight), 0), count(*) into total, criteria
      from public.procurement_criteria c where c.process_id = new.process_id;
    if criteria = 0 or total <> 100 then
      raise exception 'the criteria weights add up to %, not 100', total using errcode = '23514';
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger procurement_notices_guard before insert or update or delete on public.procurement_notices
  for each row execute function private.guard_procurement_notice();

-- Criteria of a published notice change only with an amendment in the same transaction.
create or replace function private.guard_procurement_criteria() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.process_id else new.process_id end;
begin
  if tg_op = 'UPDATE' and new.process_id <> old.process_id then
    raise exception 'a criterion stays with its process' using errcode = '42501';
  end if;
  if tg_op = 'DELETE' and private.procurement_history_removed() then
    return old;
  end if;
  if public.is_procurement_notice_published(target) and not private.procurement_amended_now(target, 'criteria') then
    raise exception 'the criteria of a published notice change only through an amendment' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger procurement_criteria_guard before insert or update or delete on public.procurement_criteria
  for each row execute function private.guard_procurement_criteria();

-- After an amendment, the weights of a published notice still add up to 100
-- (checked at commit, or when the use case sets the constraint immediate).
create or replace function private.check_procurement_weights() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.process_id else new.process_id end;
  total integer;
begin
  if public.is_procurement_notice_published(target) then
    select coalesce(sum(c.weight), 0) into total from public.procurement_criteria c where c.process_id = target;
    if total <> 100 then
      raise exception 'the criteria weights add up to %, not 100', total using errcode = '23514';
    end if;
  end if;
  return null;
end
$$;
create constraint trigger procurement_criteria_weights_total
  after insert or update or delete on public.procurement_criteria
  deferrable initially deferred
  for each row execute function private.check_procurement_weights();

-- questions and answers ------------------------------------------------------------

-- A question as asked: who asked stays private to their organization and the
-- city's editors and admins.
create table public.procurement_questions (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  asked_by uuid default auth.uid() references auth.users (id) on delete set null,
  body text not null check (char_length(btrim(body)) between 5 and 2000),
  created_at timestamptz not null default now(),
  unique (process_id, id)
);
comment on table public.procurement_questions is
  'Questions asked about a notice; private to the asking organization and the city''s editors and admins.';
create index procurement_questions_process_idx on public.procurement_questions (process_id, created_at);
create index procurement_questions_organization_idx on public.procurement_questions (organization_id);
create index procurement_questions_asked_by_idx on public.procurement_questions (asked_by);

-- The published question (worded by the city, naming nobody) and its answer.
create table public.procurement_answers (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  question_id uuid unique,
  question text not null check (char_length(btrim(question)) between 5 and 2000),
  answer text not null check (char_length(btrim(answer)) between 2 and 4000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (process_id, question_id) references public.procurement_questions (process_id, id) on delete set null (question_id)
);
comment on table public.procurement_answers is
  'Questions and the city''s answers, published to everyone without saying who asked.';
create index procurement_answers_process_idx on public.procurement_answers (process_id, created_at);
create index procurement_answers_created_by_idx on public.procurement_answers (created_by);

-- expressions of interest ------------------------------------------------------------

create table public.procurement_interests (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  submitted_by uuid default auth.uid() references auth.users (id) on delete set null,
  message text not null check (char_length(btrim(message)) between 10 and 4000),
  -- The organization agrees to be named as an interested party (OCDS parties).
  listed_publicly boolean not null default false,
  created_at timestamptz not null default now(),
  unique (process_id, organization_id)
);
comment on table public.procurement_interests is
  'Expressions of interest in a notice; private to the organization and the city''s editors and admins.';
create index procurement_interests_organization_idx on public.procurement_interests (organization_id);
create index procurement_interests_submitted_by_idx on public.procurement_interests (submitted_by);

-- bids and their evaluation ------------------------------------------------------------

create table public.procurement_bids (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  -- The bidder in the directory, when it is there; its name either way.
  organization_id uuid references public.organizations (id) on delete set null,
  bidder_name text not null check (char_length(btrim(bidder_name)) between 2 and 200),
  amount numeric(18, 2) check (amount >= 0),
  currency text check (public.is_ocds_currency(currency)),
  -- The bid's contents as the city summarises them: private.
  summary text not null default '' check (char_length(summary) <= 4000),
  received_on date not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (process_id, id),
  constraint procurement_bid_value_complete check ((amount is null) = (currency is null))
);
comment on table public.procurement_bids is
  'Bids received; private to the city''s editors and admins, and to the bidding organization for its own.';
create index procurement_bids_process_idx on public.procurement_bids (process_id);
create index procurement_bids_organization_idx on public.procurement_bids (organization_id);
create index procurement_bids_created_by_idx on public.procurement_bids (created_by);

create table public.procurement_scores (
  process_id uuid not null,
  bid_id uuid not null,
  criterion_id uuid not null,
  score numeric(5, 2) not null check (score between 0 and 100),
  note text not null default '' check (char_length(note) <= 1000),
  primary key (bid_id, criterion_id),
  foreign key (process_id, bid_id) references public.procurement_bids (process_id, id) on delete cascade,
  foreign key (process_id, criterion_id) references public.procurement_criteria (process_id, id) on delete cascade
);
comment on table public.procurement_scores is
  'The evaluation: each bid''s score (0–100) on each published criterion; private to the city''s editors and admins.';
create index procurement_scores_process_idx on public.procurement_scores (process_id);
create index procurement_scores_criterion_idx on public.procurement_scores (process_id, criterion_id);

-- award, contract, milestones ------------------------------------------------------------

create table public.procurement_awards (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null unique references public.procurement_processes (id) on delete cascade,
  bid_id uuid,
  organization_id uuid references public.organizations (id) on delete set null,
  supplier_name text not null check (char_length(btrim(supplier_name)) between 2 and 200),
  amount numeric(18, 2) not null check (amount >= 0),
  currency text not null check (public.is_ocds_currency(currency)),
  value_usd numeric(18, 2) check (value_usd >= 0),
  awarded_on date not null,
  justification text not null check (char_length(btrim(justification)) between 10 and 4000),
  -- Why the award goes to a supplier that did not bid.
  non_bidder_reason text not null default '' check (char_length(non_bidder_reason) <= 2000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (process_id, id),
  foreign key (process_id, bid_id) references public.procurement_bids (process_id, id),
  constraint procurement_award_to_non_bidder_has_reason check (
    bid_id is not null or char_length(btrim(non_bidder_reason)) >= 10
  )
);
comment on table public.procurement_awards is 'The award of a process (supplier, value, date, justification): public.';
create index procurement_awards_bid_idx on public.procurement_awards (process_id, bid_id);
create index procurement_awards_organization_idx on public.procurement_awards (organization_id);
create index procurement_awards_created_by_idx on public.procurement_awards (created_by);

-- An award names its bid when the supplier bid: linked by the organization if
-- the form gave only that, and then named as in the bid.
create or replace function private.link_procurement_award() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  bid public.procurement_bids;
begin
  if new.bid_id is null and new.organization_id is not null then
    select b.id into new.bid_id from public.procurement_bids b
     where b.process_id = new.process_id and b.organization_id = new.organization_id
     order by b.received_on, b.id limit 1;
  end if;
  if new.bid_id is not null then
    select * into bid from public.procurement_bids b where b.id = new.bid_id and b.process_id = new.process_id;
    new.organization_id := bid.organization_id;
    new.supplier_name := bid.bidder_name;
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger procurement_awards_link before insert or update on public.procurement_awards
  for each row execute function private.link_procurement_award();

create table public.procurement_contracts (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null unique references public.procurement_processes (id) on delete cascade,
  award_id uuid not null unique,
  amount numeric(18, 2) not null check (amount >= 0),
  currency text not null check (public.is_ocds_currency(currency)),
  period_start date not null,
  period_end date not null,
  signed_on date,
  status text not null default 'active' check (status in ('active', 'terminated')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (process_id, id),
  foreign key (process_id, award_id) references public.procurement_awards (process_id, id),
  constraint procurement_contract_period check (period_end >= period_start)
);
comment on table public.procurement_contracts is
  'The contract signed after the award (value, period); its value and period change only through amendments.';

create or replace function private.guard_procurement_contract() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.amount, new.currency, new.period_start, new.period_end, new.award_id)
     is distinct from (old.amount, old.currency, old.period_start, old.period_end, old.award_id)
     and not private.procurement_amended_now(new.process_id, 'contract') then
    raise exception 'a contract''s value and period change only through an amendment' using errcode = '42501';
  end if;
  if old.status = 'terminated' and new.status <> 'terminated' then
    raise exception 'a terminated contract stays terminated' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger procurement_contracts_guard before update on public.procurement_contracts
  for each row execute function private.guard_procurement_contract();

create table public.procurement_milestones (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null,
  contract_id uuid not null,
  title text not null check (char_length(btrim(title)) between 2 and 200),
  description text not null default '' check (char_length(description) <= 2000),
  due_on date not null,
  -- OCDS milestoneStatus codelist.
  status text not null default 'scheduled' check (status in ('scheduled', 'met', 'notMet', 'partiallyMet')),
  met_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (process_id, contract_id) references public.procurement_contracts (process_id, id) on delete cascade,
  constraint procurement_milestone_met_on check ((status = 'met') = (met_on is not null))
);
comment on table public.procurement_milestones is 'Delivery milestones of a contract with their status: public.';
create index procurement_milestones_process_idx on public.procurement_milestones (process_id, due_on);
create trigger procurement_milestones_set_updated_at before update on public.procurement_milestones
  for each row execute function public.set_updated_at();

-- who was told by mail -------------------------------------------------------------------

create table public.procurement_notifications (
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (process_id, organization_id)
);
comment on table public.procurement_notifications is
  'The organizations told by mail about a published notice (at most once each); written only by queue_procurement_notice_mail.';
create index procurement_notifications_organization_idx on public.procurement_notifications (organization_id);

-- OCDS releases ---------------------------------------------------------------------------

create table public.procurement_releases (
  id bigint generated always as identity primary key,
  process_id uuid not null references public.procurement_processes (id) on delete cascade,
  -- Position in the process's history (1, 2, …) and the OCDS release id, ocid-0001.
  sequence integer not null,
  release_id text not null unique,
  tags text[] not null check (cardinality(tags) >= 1 and tags <@ array['planning', 'planningUpdate', 'tender',
    'tenderAmendment', 'tenderUpdate', 'tenderCancellation', 'award', 'awardUpdate', 'awardCancellation',
    'contract', 'contractUpdate', 'contractAmendment', 'implementation', 'implementationUpdate',
    'contractTermination']::text[]),
  released_at timestamptz not null default clock_timestamp(),
  -- The release as published (ocid, id, date and tag are stamped by the trigger).
  release jsonb not null check (jsonb_typeof(release) = 'object'),
  unique (process_id, sequence)
);
comment on table public.procurement_releases is
  'OCDS 1.1 releases of published processes, one per published change; immutable.';
create index procurement_releases_released_idx on public.procurement_releases (released_at, id);

-- Stamps a new release with its process's ocid, the next id and the time, so
-- none of them can be chosen by the writer.
create or replace function private.stamp_procurement_release() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  process public.procurement_processes;
  next integer;
begin
  select * into process from public.procurement_processes p where p.id = new.process_id for update;
  if process.published_at is null then
    raise exception 'only a published process has releases' using errcode = '42501';
  end if;
  select coalesce(max(r.sequence), 0) + 1 into next from public.procurement_releases r where r.process_id = new.process_id;
  new.sequence := next;
  new.release_id := process.ocid || '-' || lpad(next::text, greatest(4, char_length(next::text)), '0');
  -- A release is dated when it is stored; only the owner (the seed's demo
  -- history) gives it another date.
  if current_setting('role', true) in ('anon', 'authenticated') or new.released_at is null then
    new.released_at := clock_timestamp();
  end if;
  new.release := new.release || jsonb_build_object(
    'ocid', process.ocid,
    'id', new.release_id,
    'date', to_char(new.released_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'tag', to_jsonb(new.tags),
    'initiationType', 'tender'
  );
  return new;
end
$$;
create trigger procurement_releases_stamp before insert on public.procurement_releases
  for each row execute function private.stamp_procurement_release();

-- Nobody changes a release, and nobody deletes one on its own. A release
-- goes only with its whole process, when the process's city is deleted (by
-- an admin; the delete cascades, pg_trigger_depth() > 1) or by the database
-- owner (an operator, a migration).
create or replace function private.procurement_history_removed() returns boolean
language sql stable
set search_path = ''
as $$
  select pg_catalog.pg_trigger_depth() > 1 or coalesce(current_setting('role', true), '') not in ('anon', 'authenticated')
$$;

create or replace function private.refuse_procurement_release_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and private.procurement_history_removed() then
    return old;
  end if;
  raise exception 'OCDS releases are immutable once published' using errcode = '42501';
end
$$;
create trigger procurement_releases_immutable before update or delete on public.procurement_releases
  for each row execute function private.refuse_procurement_release_change();

-- Public reads of private tables --------------------------------------------------------

-- The organizations a process names in public: tenderers once the award is
-- made, and interested parties that agreed to be named once the notice has
-- closed and the city recorded the tender (so the list is final, and it
-- appears in the release that records the tender). Bid and expression contents never leave their tables.
create or replace function public.procurement_public_parties(target_process_id uuid)
returns table (party_key text, organization_id uuid, name text, role text, slug text, country text)
language sql stable security definer
set search_path = ''
as $$
  select 'bid-' || b.id, o.id, b.bidder_name, 'tenderer',
         case when o.status = 'verified' then o.slug end, case when o.status = 'verified' then o.country end
    from public.procurement_bids b
    left join public.organizations o on o.id = b.organization_id
   where b.process_id = target_process_id
     and exists (select 1 from public.procurement_awards a where a.process_id = b.process_id)
     and public.is_procurement_published(target_process_id)
  union all
  select 'interest-' || i.id, o.id, o.name, 'interestedParty', o.slug, o.country
    from public.procurement_interests i
    join public.organizations o on o.id = i.organization_id and o.status = 'verified'
   where i.process_id = target_process_id and i.listed_publicly
     and exists (
       select 1 from public.procurement_processes p
        where p.id = target_process_id and p.published_at is not null and p.tender_recorded_at is not null
     )
$$;
revoke all on function public.procurement_public_parties(uuid) from public, anon, authenticated, service_role;
grant execute on function public.procurement_public_parties(uuid) to anon, authenticated;

-- Tells the matching organizations' members about a published notice by
-- mail, at most once per organization and process. Only the city's editors
-- may call it; the organizations must be verified; the caller passes the
-- matches (src/server/procurement/match-opportunities.ts) and the text.
create or replace function public.queue_procurement_notice_mail(
  p_process_id uuid, p_organization_ids uuid[], p_subject text, p_body text, p_delivery text
) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  queued integer := 0;
  org uuid;
  added integer;
begin
  if not public.can_edit_procurement(p_process_id) then
    raise exception 'only the city''s editors tell organizations about its notice' using errcode = '42501';
  end if;
  if not public.is_procurement_notice_open(p_process_id) then
    raise exception 'the notice is not open' using errcode = '42501';
  end if;
  foreach org in array coalesce(p_organization_ids, '{}') loop
    continue when not public.is_verified_organization(org);
    insert into public.procurement_notifications (process_id, organization_id) values (p_process_id, org)
    on conflict do nothing;
    get diagnostics added = row_count;
    continue when added = 0;
    insert into private.outbox (to_email, kind, subject, body_text, delivery)
    select distinct lower(u.email), 'procurement.notice', left(p_subject, 300), left(p_body, 20000), p_delivery
      from public.memberships m join auth.users u on u.id = m.user_id
     where m.role = 'org_member' and m.organization_id = org and u.email is not null;
    get diagnostics added = row_count;
    queued := queued + added;
  end loop;
  return queued;
end
$$;
revoke all on function public.queue_procurement_notice_mail(uuid, uuid[], text, text, text)
  from public, anon, authenticated, service_role;
grant execute on function public.queue_procurement_notice_mail(uuid, uuid[], text, text, text) to authenticated;

revoke all on function private.guard_procurement_process(), private.procurement_amended_now(uuid, text),
  private.guard_procurement_notice(), private.guard_procurement_criteria(), private.check_procurement_weights(),
  private.link_procurement_award(), private.guard_procurement_contract(), private.stamp_procurement_release(),
  private.refuse_procurement_release_change(), private.procurement_history_removed()
  from public, anon, authenticated, service_role;

-- Privileges and row-level security ---------------------------------------------------------

revoke all on public.procurement_processes, public.procurement_notices, public.procurement_criteria,
  public.procurement_amendments, public.procurement_questions, public.procurement_answers,
  public.procurement_interests, public.procurement_bids, public.procurement_scores, public.procurement_awards,
  public.procurement_contracts, public.procurement_milestones, public.procurement_notifications,
  public.procurement_releases from anon, authenticated, service_role;

alter table public.procurement_processes enable row level security;
alter table public.procurement_notices enable row level security;
alter table public.procurement_criteria enable row level security;
alter table public.procurement_amendments enable row level security;
alter table public.procurement_questions enable row level security;
alter table public.procurement_answers enable row level security;
alter table public.procurement_interests enable row level security;
alter table public.procurement_bids enable row level security;
alter table public.procurement_scores enable row level security;
alter table public.procurement_awards enable row level security;
alter table public.procurement_contracts enable row level security;
alter table public.procurement_milestones enable row level security;
alter table public.procurement_notifications enable row level security;
alter table public.procurement_releases enable row level security;

-- processes
grant select on public.procurement_processes to anon, authenticated;
grant insert (id, ocid, city_id, title, problem, outcomes, beneficiaries, themes, sdgs, kpi_codes, budget_amount,
  budget_currency, budget_usd, funding_source, planned_notice_on, planned_award_on, planned_delivery_start,
  planned_delivery_end, gender_affected, gender_consultation, gender_criteria, created_by)
  on public.procurement_processes to authenticated;
grant update (title, problem, outcomes, beneficiaries, themes, sdgs, kpi_codes, budget_amount, budget_currency,
  budget_usd, funding_source, planned_notice_on, planned_award_on, planned_delivery_start, planned_delivery_end,
  gender_affected, gender_consultation, gender_criteria, stage, status, tender_method, tender_method_rationale,
  tender_recorded_at, closing_note, lessons_learned, closed_at, cancellation_reason, published_at)
  on public.procurement_processes to authenticated;
grant delete on public.procurement_processes to authenticated;

create policy "Published procurement processes are visible to visitors" on public.procurement_processes
  for select to anon using (published_at is not null);
create policy "Published procurement processes, and drafts to their city's editors and admins, are visible to members"
  on public.procurement_processes for select to authenticated
  using (published_at is not null or public.is_city_editor(city_id) or (select public.is_platform_admin()));
create policy "Procurement processes can be opened by the city's editors, as drafts" on public.procurement_processes
  for insert to authenticated
  with check (created_by = (select auth.uid()) and published_at is null and public.is_city_editor(city_id));
create policy "Procurement processes can be changed by the city's editors" on public.procurement_processes
  for update to authenticated
  using (public.is_city_editor(city_id)) with check (public.is_city_editor(city_id));
create policy "Draft procurement processes can be deleted by the city's editors" on public.procurement_processes
  for delete to authenticated using (published_at is null and public.is_city_editor(city_id));

-- notices
grant select on public.procurement_notices to anon, authenticated;
grant insert (process_id, problem_statement, market_questions, deadline, short_deadline_reason, documents)
  on public.procurement_notices to authenticated;
grant update (problem_statement, market_questions, deadline, short_deadline_reason, documents, published_at)
  on public.procurement_notices to authenticated;
grant delete on public.procurement_notices to authenticated;

create policy "Published notices are visible to visitors" on public.procurement_notices
  for select to anon using (published_at is not null);
create policy "Published notices, and drafts to their city's editors and admins, are visible to members"
  on public.procurement_notices for select to authenticated
  using (published_at is not null or public.can_review_procurement(process_id));
create policy "Notices can be drafted by the city's editors" on public.procurement_notices
  for insert to authenticated with check (public.can_edit_procurement(process_id));
create policy "Notices can be changed by the city's editors" on public.procurement_notices
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));
create policy "Draft notices can be deleted by the city's editors" on public.procurement_notices
  for delete to authenticated using (published_at is null and public.can_edit_procurement(process_id));

-- criteria
grant select on public.procurement_criteria to anon, authenticated;
grant insert (process_id, position, name, description, weight, gender_responsive),
  update (position, name, description, weight, gender_responsive), delete
  on public.procurement_criteria to authenticated;

create policy "Criteria of published notices are visible to visitors" on public.procurement_criteria
  for select to anon using (public.is_procurement_notice_published(process_id));
create policy "Criteria of published notices, and drafts to the city's editors and admins, are visible to members"
  on public.procurement_criteria for select to authenticated
  using (public.is_procurement_notice_published(process_id) or public.can_review_procurement(process_id));
create policy "Criteria can be set by the city's editors" on public.procurement_criteria
  for insert to authenticated with check (public.can_edit_procurement(process_id));
create policy "Criteria can be changed by the city's editors" on public.procurement_criteria
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));
create policy "Criteria can be removed by the city's editors" on public.procurement_criteria
  for delete to authenticated using (public.can_edit_procurement(process_id));

-- amendments
grant select on public.procurement_amendments to anon, authenticated;
grant insert (process_id, subject, rationale, description, changes) on public.procurement_amendments to authenticated;

create policy "Amendments of published processes are visible to visitors" on public.procurement_amendments
  for select to anon using (public.is_procurement_published(process_id));
create policy "Amendments of published processes are visible to members" on public.procurement_amendments
  for select to authenticated
  using (public.is_procurement_published(process_id) or public.can_review_procurement(process_id));
create policy "Amendments can be recorded by the city's editors" on public.procurement_amendments
  for insert to authenticated
  with check (public.can_edit_procurement(process_id) and public.is_procurement_published(process_id));

-- questions (private) and answers (public)
grant select on public.procurement_questions to authenticated;
grant insert (process_id, organization_id, body) on public.procurement_questions to authenticated;

create policy "Questions are visible to the asking organization and the city's editors and admins"
  on public.procurement_questions for select to authenticated
  using (public.is_org_member(organization_id) or public.can_review_procurement(process_id));
create policy "Members of a verified organization can ask while the notice is open" on public.procurement_questions
  for insert to authenticated
  with check (
    asked_by = (select auth.uid()) and public.is_org_member(organization_id)
    and public.is_verified_organization(organization_id) and public.is_procurement_notice_open(process_id)
  );

grant select on public.procurement_answers to anon, authenticated;
grant insert (process_id, question_id, question, answer) on public.procurement_answers to authenticated;

create policy "Answers to published notices are visible to visitors" on public.procurement_answers
  for select to anon using (public.is_procurement_notice_published(process_id));
create policy "Answers to published notices are visible to members" on public.procurement_answers
  for select to authenticated using (public.is_procurement_notice_published(process_id));
create policy "Answers can be published by the city's editors" on public.procurement_answers
  for insert to authenticated
  with check (public.can_edit_procurement(process_id) and public.is_procurement_notice_published(process_id));

-- expressions of interest
grant select on public.procurement_interests to authenticated;
grant insert (process_id, organization_id, message, listed_publicly) on public.procurement_interests to authenticated;

create policy "Expressions of interest are visible to the organization and the city's editors and admins"
  on public.procurement_interests for select to authenticated
  using (public.is_org_member(organization_id) or public.can_review_procurement(process_id));
create policy "Members of a verified organization can express interest while the notice is open"
  on public.procurement_interests for insert to authenticated
  with check (
    submitted_by = (select auth.uid()) and public.is_org_member(organization_id)
    and public.is_verified_organization(organization_id) and public.is_procurement_notice_open(process_id)
  );

-- bids and scores (private)
grant select on public.procurement_bids to authenticated;
grant insert (process_id, organization_id, bidder_name, amount, currency, summary, received_on),
  update (organization_id, bidder_name, amount, currency, summary, received_on), delete
  on public.procurement_bids to authenticated;

create policy "Bids are visible to the bidding organization and the city's editors and admins"
  on public.procurement_bids for select to authenticated
  using (
    (organization_id is not null and public.is_org_member(organization_id))
    or public.can_review_procurement(process_id)
  );
create policy "Bids can be recorded by the city's editors" on public.procurement_bids
  for insert to authenticated
  with check (public.can_edit_procurement(process_id) and public.is_procurement_published(process_id));
create policy "Bids can be corrected by the city's editors" on public.procurement_bids
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));
create policy "Bids can be removed by the city's editors" on public.procurement_bids
  for delete to authenticated using (public.can_edit_procurement(process_id));

grant select on public.procurement_scores to authenticated;
grant insert (process_id, bid_id, criterion_id, score, note), update (score, note), delete
  on public.procurement_scores to authenticated;

create policy "Scores are visible to the city's editors and admins" on public.procurement_scores
  for select to authenticated using (public.can_review_procurement(process_id));
create policy "Scores can be given by the city's editors" on public.procurement_scores
  for insert to authenticated with check (public.can_edit_procurement(process_id));
create policy "Scores can be changed by the city's editors" on public.procurement_scores
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));
create policy "Scores can be removed by the city's editors" on public.procurement_scores
  for delete to authenticated using (public.can_edit_procurement(process_id));

-- award, contract, milestones (public once recorded)
grant select on public.procurement_awards to anon, authenticated;
grant insert (process_id, bid_id, organization_id, supplier_name, amount, currency, value_usd, awarded_on,
  justification, non_bidder_reason),
  update (bid_id, organization_id, supplier_name, amount, currency, value_usd, awarded_on, justification,
  non_bidder_reason)
  on public.procurement_awards to authenticated;

create policy "Awards are visible to visitors" on public.procurement_awards
  for select to anon using (public.is_procurement_published(process_id));
create policy "Awards are visible to members" on public.procurement_awards
  for select to authenticated
  using (public.is_procurement_published(process_id) or public.can_review_procurement(process_id));
create policy "Awards can be made by the city's editors" on public.procurement_awards
  for insert to authenticated
  with check (public.can_edit_procurement(process_id) and public.is_procurement_published(process_id));
create policy "Awards can be corrected by the city's editors" on public.procurement_awards
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));

grant select on public.procurement_contracts to anon, authenticated;
grant insert (process_id, award_id, amount, currency, period_start, period_end, signed_on),
  update (amount, currency, period_start, period_end, signed_on, status)
  on public.procurement_contracts to authenticated;

create policy "Contracts are visible to visitors" on public.procurement_contracts
  for select to anon using (public.is_procurement_published(process_id));
create policy "Contracts are visible to members" on public.procurement_contracts
  for select to authenticated
  using (public.is_procurement_published(process_id) or public.can_review_procurement(process_id));
create policy "Contracts can be recorded by the city's editors" on public.procurement_contracts
  for insert to authenticated with check (public.can_edit_procurement(process_id));
create policy "Contracts can be changed by the city's editors" on public.procurement_contracts
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));

grant select on public.procurement_milestones to anon, authenticated;
grant insert (process_id, contract_id, title, description, due_on, status, met_on),
  update (title, description, due_on, status, met_on)
  on public.procurement_milestones to authenticated;

create policy "Milestones are visible to visitors" on public.procurement_milestones
  for select to anon using (public.is_procurement_published(process_id));
create policy "Milestones are visible to members" on public.procurement_milestones
  for select to authenticated
  using (public.is_procurement_published(process_id) or public.can_review_procurement(process_id));
create policy "Milestones can be added by the city's editors" on public.procurement_milestones
  for insert to authenticated with check (public.can_edit_procurement(process_id));
create policy "Milestones can be updated by the city's editors" on public.procurement_milestones
  for update to authenticated
  using (public.can_edit_procurement(process_id)) with check (public.can_edit_procurement(process_id));

-- notifications (written by queue_procurement_notice_mail only)
grant select on public.procurement_notifications to authenticated;
create policy "Notifications are visible to the city's editors and admins" on public.procurement_notifications
  for select to authenticated using (public.can_review_procurement(process_id));

-- releases (written once by the city's editors' use cases; never changed)
grant select on public.procurement_releases to anon, authenticated;
grant insert (process_id, tags, release) on public.procurement_releases to authenticated;

create policy "Releases of published processes are visible to visitors" on public.procurement_releases
  for select to anon using (public.is_procurement_published(process_id));
create policy "Releases of published processes are visible to members" on public.procurement_releases
  for select to authenticated using (public.is_procurement_published(process_id));
create policy "Releases can be published by the city's editors" on public.procurement_releases
  for insert to authenticated
  with check (public.can_edit_procurement(process_id) and public.is_procurement_published(process_id));

-- Search records (docs/search.md, "For other domains") ------------------------------------
-- A process is a record once its notice is published: the published notices
-- are what people look for; a plan alone is listed on /procurement only.

alter table public.search_documents drop constraint search_documents_type_check;
alter table public.search_documents add constraint search_documents_type_check
  check (type in ('hub', 'city', 'case_study', 'organization', 'deliverable', 'news', 'event', 'kpi', 'procurement'));

create or replace function private.search_sync_procurement(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.procurement_processes;
  n public.procurement_notices;
  c public.cities;
  hub_slugs jsonb;
begin
  select * into p from public.procurement_processes where id = target_id;
  select * into n from public.procurement_notices where process_id = target_id;
  if p.id is null or p.published_at is null or n.published_at is null then
    perform private.search_delete('procurement', target_id::text);
    return;
  end if;
  select * into c from public.cities where id = p.city_id;
  select coalesce(jsonb_agg(h.slug order by h.is_demo, h.name), '[]'::jsonb) into hub_slugs
    from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
   where hc.city_id = c.id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'procurement',
    'source_id', p.id,
    'title', p.title,
    'summary', left(n.problem_statement, 300),
    'text', concat_ws(E'\n', n.problem_statement, n.market_questions, p.beneficiaries),
    'url', '/procurement/' || p.id,
    'subtype', p.stage,
    'hubs', hub_slugs,
    'country', c.country,
    'region', c.region,
    'sdgs', to_jsonb(p.sdgs),
    'themes', to_jsonb(p.themes),
    'kpi_codes', to_jsonb(p.kpi_codes),
    'links', jsonb_build_array(jsonb_build_object(
      'id', 'city:' || c.id, 'type', 'city', 'title', c.name, 'url', '/cities/' || c.slug, 'relation', 'city'
    )),
    'is_demo', p.is_demo,
    'date', n.published_at,
    'visible_from', n.published_at
  ));
end
$$;

create or replace function private.search_rebuild_procurement() returns void
language sql security definer
set search_path = ''
as $$
  select private.search_sync_procurement(n.process_id) from public.procurement_notices n where n.published_at is not null
$$;

create or replace function private.search_on_procurement_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'procurement_processes' then
    perform private.search_sync_procurement(case when tg_op = 'DELETE' then old.id else new.id end);
  else
    perform private.search_sync_procurement(case when tg_op = 'DELETE' then old.process_id else new.process_id end);
  end if;
  return null;
end
$$;

-- A city's new name appears in its processes' records.
create or replace function private.search_on_procurement_city_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.name is distinct from old.name or new.slug is distinct from old.slug or new.country is distinct from old.country then
    perform private.search_sync_procurement(p.id) from public.procurement_processes p where p.city_id = new.id;
  end if;
  return null;
end
$$;

-- A city joining or leaving a hub, or a hub's new slug, changes the hubs its processes' records name.
create or replace function private.search_on_procurement_hub_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'hub_cities' then
    perform private.search_sync_procurement(p.id) from public.procurement_processes p
     where p.city_id = case when tg_op = 'DELETE' then old.city_id else new.city_id end;
  elsif new.slug is distinct from old.slug then
    perform private.search_sync_procurement(p.id)
       from public.procurement_processes p join public.hub_cities hc on hc.city_id = p.city_id
      where hc.hub_id = new.id;
  end if;
  return null;
end
$$;

create trigger procurement_processes_search_sync after insert or update or delete on public.procurement_processes
  for each row execute function private.search_on_procurement_change();
create trigger procurement_notices_search_sync after insert or update or delete on public.procurement_notices
  for each row execute function private.search_on_procurement_change();
create trigger cities_procurement_search_sync after update on public.cities
  for each row execute function private.search_on_procurement_city_change();
create trigger hub_cities_procurement_search_sync after insert or delete on public.hub_cities
  for each row execute function private.search_on_procurement_hub_change();
create trigger hubs_procurement_search_sync after update on public.hubs
  for each row execute function private.search_on_procurement_hub_change();

revoke all on function private.search_sync_procurement(uuid), private.search_rebuild_procurement(),
  private.search_on_procurement_change(), private.search_on_procurement_city_change(),
  private.search_on_procurement_hub_change() from public, anon, authenticated, service_role;

select private.search_register_source('procurement', 'private.search_rebuild_procurement()');
