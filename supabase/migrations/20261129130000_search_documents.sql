-- One search across the network. Every public, published thing (hub, city,
-- case study, organization, deliverable, news item, event, KPI) becomes one
-- row of public.search_documents, in one shape, written by triggers in the
-- same transaction as the change: what is committed is searchable.
--
-- Domains never write the table themselves. They call the generic API below
-- from their own triggers (see the README, section "Search"):
--   private.search_upsert(record jsonb)            add or replace a record
--   private.search_delete(type text, source_id text) remove it (unpublished, deleted)
--   private.search_register_source(type, rebuild_function) lets a rebuild re-derive it
-- API roles can read the records but never write them or call these functions.

create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;

create schema if not exists private;

-- English stemming with accents folded, so "Tromso" finds "Tromsø" and
-- ts_headline highlights the accented word. Lives in public so that the API
-- roles can name it in their queries.
create text search configuration public.portal_search (copy = pg_catalog.english);
alter text search configuration public.portal_search
  alter mapping for hword, hword_part, word with extensions.unaccent, english_stem;

-- unaccent() is only stable (its dictionary could change); this wrapper names
-- the dictionary explicitly and is declared immutable so it can be used in
-- stored columns and indexes, the usual pattern for unaccent.
create or replace function public.search_normalize(value text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, value))
$$;
comment on function public.search_normalize(text) is
  'Lower-cases and folds accents the way search records are stored (Ålesund -> alesund).';
grant execute on function public.search_normalize(text) to anon, authenticated, service_role;

create table public.search_documents (
  id text primary key,
  type text not null check (type in ('hub', 'city', 'case_study', 'organization', 'deliverable', 'news', 'event', 'kpi')),
  source_id text not null check (char_length(source_id) between 1 and 200),
  title text not null check (char_length(btrim(title)) between 1 and 500),
  summary text not null default '',
  body text not null default '',
  -- A path on this site, never an outside address.
  url text not null check (url ~ '^/[^/]'),
  -- An identifier people search for: "ITU-T Y.4903/L.1603", a KPI code.
  code text,
  -- A finer label shown with the type: an organization's kind, a deliverable's kind.
  subtype text,
  hubs text[] not null default '{}',
  country text,
  region text,
  sdgs smallint[] not null default '{}',
  themes text[] not null default '{}',
  kpi_codes text[] not null default '{}',
  -- Links to other records: [{"id", "type", "title", "url", "relation"}].
  links jsonb not null default '[]'::jsonb check (jsonb_typeof(links) = 'array'),
  link_ids text[] not null default '{}',
  is_demo boolean not null default false,
  -- The date a reader cares about: publication of news, start of an event.
  dated_at timestamptz,
  -- Scheduled content is stored ahead and shown from this moment (RLS below).
  visible_from timestamptz,
  search_vector tsvector not null,
  title_normalized text not null,
  content_hash text not null,
  updated_at timestamptz not null default now(),
  constraint search_documents_id_matches check (id = type || ':' || source_id)
);
comment on table public.search_documents is
  'One search record per public, published item, kept current by triggers; see the README, section Search.';

create index search_documents_vector_idx on public.search_documents using gin (search_vector);
create index search_documents_type_idx on public.search_documents (type);
create index search_documents_hubs_idx on public.search_documents using gin (hubs);
create index search_documents_country_idx on public.search_documents (country);
create index search_documents_sdgs_idx on public.search_documents using gin (sdgs);
create index search_documents_themes_idx on public.search_documents using gin (themes);
create index search_documents_link_ids_idx on public.search_documents using gin (link_ids);
create index search_documents_visible_from_idx on public.search_documents (visible_from)
  where visible_from is not null;

-- Words of titles, codes and themes: the narrow candidate set that typo
-- correction searches by trigram similarity (instead of every document).
create table public.search_terms (
  term text primary key check (char_length(term) between 3 and 40)
);
comment on table public.search_terms is 'Vocabulary of public search records, for "did you mean" typo correction.';
create index search_terms_trgm_idx on public.search_terms using gin (term extensions.gin_trgm_ops);

alter table public.search_documents enable row level security;
alter table public.search_terms enable row level security;

-- Read-only for the API roles; Supabase's default privileges would otherwise
-- grant them writes on every new table in public.
revoke all on public.search_documents, public.search_terms from anon, authenticated;
grant select on public.search_documents, public.search_terms to anon, authenticated;

create policy "Search records are visible to visitors once published" on public.search_documents
  for select to anon using (visible_from is null or visible_from <= now());
create policy "Search records are visible to members once published" on public.search_documents
  for select to authenticated using (visible_from is null or visible_from <= now());
create policy "Search vocabulary is visible to visitors" on public.search_terms
  for select to anon using (true);
create policy "Search vocabulary is visible to members" on public.search_terms
  for select to authenticated using (true);

-- Splits "Y.4903/L.1603" into two codes the parser reads as "y.4903" and
-- "l.1603", and removes the control characters used as highlight markers.
create or replace function private.search_prepare(value text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select regexp_replace(
    regexp_replace(coalesce(value, ''), '([[:alnum:]])/([[:alnum:]])', '\1 \2', 'g'),
    '[\x01-\x08]', '', 'g')
$$;

-- Extra spellings of Recommendation numbers: "Y.4903" is also found as
-- "Y4903" and "4903".
create or replace function private.search_code_variants(code text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(string_agg(m[1] || m[2] || ' ' || m[2], ' '), '')
  from regexp_matches(coalesce(code, ''), '([A-Za-z])\.([0-9]+(?:\.[0-9]+)?)', 'g') as m
$$;

create or replace function private.search_text_array(value jsonb) returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(array_agg(btrim(e)) filter (where btrim(e) <> ''), '{}')
  from jsonb_array_elements_text(case when jsonb_typeof(value) = 'array' then value else '[]'::jsonb end) as e
$$;

-- The generic write API --------------------------------------------------

/*
  private.search_upsert(record jsonb): adds or replaces the record of one item.
  Call it from a trigger (security definer, search_path = '') in the same
  transaction as the change, only when the item is public and published;
  otherwise call private.search_delete. Keys:
    type (required; hub | city | case_study | organization | deliverable | news | event | kpi)
    source_id (required; the row's id), title (required), url (required, a site path "/news/x")
    summary, text, code, subtype, hubs [hub slugs], country, region, sdgs [1..17],
    themes [..], kpi_codes [..], links [{id: "type:source_id", type, title, url, relation}],
    is_demo, date (timestamptz), visible_from (timestamptz, for scheduled content)
  Unchanged records are not rewritten (content_hash), so no outbox churn.
*/
create or replace function private.search_upsert(record jsonb) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  doc_type text := record ->> 'type';
  doc_source text := nullif(btrim(record ->> 'source_id'), '');
  doc_title text := private.search_prepare(btrim(coalesce(record ->> 'title', '')));
  doc_summary text := btrim(coalesce(record ->> 'summary', ''));
  doc_body text := left(btrim(coalesce(record ->> 'text', '')), 200000);
  doc_code text := nullif(btrim(record ->> 'code'), '');
  doc_hubs text[] := private.search_text_array(record -> 'hubs');
  doc_themes text[] := private.search_text_array(record -> 'themes');
  doc_kpis text[] := private.search_text_array(record -> 'kpi_codes');
  doc_links jsonb := coalesce(record -> 'links', '[]'::jsonb);
  doc_sdgs smallint[];
  doc_link_ids text[];
  doc_vector tsvector;
  doc_hash text;
  cfg constant regconfig := 'public.portal_search'::regconfig;
begin
  if doc_type is null or doc_source is null or doc_title = '' or coalesce(record ->> 'url', '') = '' then
    raise exception 'search_upsert needs type, source_id, title and url (got %)', record
      using errcode = '22023';
  end if;
  if jsonb_typeof(doc_links) <> 'array' then
    raise exception 'search_upsert: links must be an array' using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct s::smallint order by s::smallint), '{}')
    into doc_sdgs
    from jsonb_array_elements_text(coalesce(record -> 'sdgs', '[]'::jsonb)) as s
   where s ~ '^[0-9]+$' and s::int between 1 and 17;
  select coalesce(array_agg(distinct l ->> 'id'), '{}')
    into doc_link_ids
    from jsonb_array_elements(doc_links) as l
   where l ->> 'id' is not null;

  doc_vector :=
    setweight(to_tsvector(cfg, doc_title), 'A')
    || setweight(to_tsvector(cfg, private.search_prepare(coalesce(doc_code, '') || ' '
         || private.search_code_variants(doc_code))), 'A')
    || setweight(to_tsvector(cfg, private.search_prepare(concat_ws(' ',
         array_to_string(doc_themes, ' '), array_to_string(doc_kpis, ' '), record ->> 'subtype',
         record ->> 'country'))), 'B')
    || setweight(to_tsvector(cfg, private.search_prepare(doc_summary)), 'C')
    || setweight(to_tsvector(cfg, private.search_prepare(concat_ws(' ', left(doc_body, 60000),
         (select string_agg(l ->> 'title', ' ') from jsonb_array_elements(doc_links) as l)))), 'D');

  doc_hash := md5(jsonb_build_array(doc_title, doc_summary, doc_body, record ->> 'url', doc_code,
    record ->> 'subtype', doc_hubs, record ->> 'country', record ->> 'region', doc_sdgs, doc_themes,
    doc_kpis, doc_links, coalesce((record ->> 'is_demo')::boolean, false), record ->> 'date',
    record ->> 'visible_from')::text);

  insert into public.search_documents as d (
    id, type, source_id, title, summary, body, url, code, subtype, hubs, country, region, sdgs,
    themes, kpi_codes, links, link_ids, is_demo, dated_at, visible_from, search_vector,
    title_normalized, content_hash, updated_at
  ) values (
    doc_type || ':' || doc_source, doc_type, doc_source, doc_title,
    private.search_prepare(doc_summary), private.search_prepare(doc_body), record ->> 'url',
    doc_code, nullif(record ->> 'subtype', ''), doc_hubs, nullif(record ->> 'country', ''),
    nullif(record ->> 'region', ''), doc_sdgs, doc_themes, doc_kpis, doc_links, doc_link_ids,
    coalesce((record ->> 'is_demo')::boolean, false), (record ->> 'date')::timestamptz,
    (record ->> 'visible_from')::timestamptz, doc_vector, public.search_normalize(doc_title),
    doc_hash, now()
  )
  on conflict (id) do update set
    title = excluded.title, summary = excluded.summary, body = excluded.body, url = excluded.url,
    code = excluded.code, subtype = excluded.subtype, hubs = excluded.hubs,
    country = excluded.country, region = excluded.region, sdgs = excluded.sdgs,
    themes = excluded.themes, kpi_codes = excluded.kpi_codes, links = excluded.links,
    link_ids = excluded.link_ids, is_demo = excluded.is_demo, dated_at = excluded.dated_at,
    visible_from = excluded.visible_from, search_vector = excluded.search_vector,
    title_normalized = excluded.title_normalized, content_hash = excluded.content_hash,
    updated_at = excluded.updated_at
  where d.content_hash is distinct from excluded.content_hash;

  -- Vocabulary for typo correction, from what people type most: titles,
  -- codes and themes. Scheduled items wait until a rebuild.
  if (record ->> 'visible_from') is null or (record ->> 'visible_from')::timestamptz <= now() then
    insert into public.search_terms (term)
    select distinct w
      from regexp_split_to_table(public.search_normalize(concat_ws(' ', doc_title, doc_code,
             array_to_string(doc_themes, ' '))), '[^[:alnum:]]+') as w
     where char_length(w) between 3 and 40 and w !~ '^[0-9]+$'
    on conflict (term) do nothing;
  end if;
end
$$;

create or replace function private.search_delete(doc_type text, doc_source_id text) returns void
language sql security definer
set search_path = ''
as $$
  delete from public.search_documents where id = doc_type || ':' || doc_source_id
$$;

-- Which function re-derives every record of a type from its source tables,
-- so `npm run search:reindex -- --rebuild` and drift repair can start over.
create table private.search_sources (
  type text primary key,
  rebuild_function regprocedure not null
);

create or replace function private.search_register_source(doc_type text, rebuild_function regprocedure)
returns void
language sql security definer
set search_path = ''
as $$
  insert into private.search_sources (type, rebuild_function) values (doc_type, rebuild_function)
  on conflict (type) do update set rebuild_function = excluded.rebuild_function
$$;

-- Re-derives all records (or those of one type) in one transaction: rows whose
-- source no longer qualifies disappear, the vocabulary is rebuilt.
create or replace function private.search_rebuild(only_type text default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  source record;
  total integer;
begin
  for source in
    select s.type, s.rebuild_function from private.search_sources s
     where only_type is null or s.type = only_type order by s.type
  loop
    delete from public.search_documents d where d.type = source.type;
    execute format('select %s', source.rebuild_function::text);
  end loop;
  if only_type is null then
    delete from public.search_terms;
    insert into public.search_terms (term)
    select distinct w
      from public.search_documents d,
           regexp_split_to_table(public.search_normalize(concat_ws(' ', d.title, d.code,
             array_to_string(d.themes, ' '))), '[^[:alnum:]]+') as w
     where char_length(w) between 3 and 40 and w !~ '^[0-9]+$'
       and (d.visible_from is null or d.visible_from <= now())
    on conflict (term) do nothing;
  end if;
  select count(*)::int into total from public.search_documents;
  return total;
end
$$;

revoke execute on function private.search_prepare(text), private.search_code_variants(text),
  private.search_text_array(jsonb), private.search_upsert(jsonb), private.search_delete(text, text),
  private.search_register_source(text, regprocedure), private.search_rebuild(text) from public;
