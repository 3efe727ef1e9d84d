-- One search across the network. Every public, published thing (hub, city,
-- case study, organization, deliverable, news item, event, KPI) becomes one
-- row of public.search_documents, in one shape, written by triggers in the
-- same transaction as the change: what is committed is searchable. This file
-- is the engine; search_sources.sql derives the records of each domain.
--
-- Domains never write the table themselves. They call the generic API below
-- from their own triggers (docs: "Search"; the pattern to copy is
-- search_sources.sql):
--   private.search_upsert(record jsonb)            add or replace a record
--   private.search_delete(type text, source_id text) remove it (unpublished, deleted)
--   private.search_register_source(type, rebuild_function) lets a rebuild re-derive it
-- API roles can read the records but never write them or call these functions.
--
-- How a search reads (src/server/search): the full-text index narrows the
-- records, with facet filters and sample buckets written into the vector as
-- keys (so GIN intersects them itself); public.search_candidates reads a
-- bounded number of matches and estimates the total beyond; the last word is
-- matched as a prefix through private.search_lexemes; public.search_suggest
-- proposes a correction for an unknown word from public.search_terms. Under
-- row-level security an index serves only leakproof conditions, which @@ and
-- && are not, so these reads are security definer functions that apply the
-- select policies' rule (published, scheduled time passed) themselves and
-- return narrow columns; records are then loaded for display through RLS.

-- Text search configuration --------------------------------------------------

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

-- The records ------------------------------------------------------------------

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
  -- Matching: every word of the record (title to text, ~1.5 KB), plus the
  -- facet and bucket keys (below). Read through its GIN index only.
  search_vector tsvector not null,
  title_normalized text not null,
  content_hash text not null,
  updated_at timestamptz not null default now(),
  -- Ranking: title, codes, themes and summary only (a few hundred bytes).
  -- Ranking read the full vector of every match, and with tens of thousands
  -- of matches detoasting it dominated.
  rank_vector tsvector not null,
  constraint search_documents_id_matches check (id = type || ':' || source_id)
);
comment on table public.search_documents is
  'One search record per public, published item, kept current by triggers; see the README, section Search.';

-- The wide columns live out of the row, the ranking vector in it (compressed
-- if need be), so a scan that ranks many matches reads few pages and no TOAST.
alter table public.search_documents alter column search_vector set storage external;
alter table public.search_documents alter column body set storage external;
alter table public.search_documents alter column rank_vector set storage main;

-- No pending list on the full-text index: its linear scan would slow every
-- search after bulk writes.
create index search_documents_vector_idx on public.search_documents using gin (search_vector)
  with (fastupdate = off);
create index search_documents_type_idx on public.search_documents (type);
create index search_documents_hubs_idx on public.search_documents using gin (hubs);
create index search_documents_country_idx on public.search_documents (country);
create index search_documents_sdgs_idx on public.search_documents using gin (sdgs);
create index search_documents_themes_idx on public.search_documents using gin (themes);
create index search_documents_link_ids_idx on public.search_documents using gin (link_ids);
create index search_documents_visible_from_idx on public.search_documents (visible_from)
  where visible_from is not null;
-- Hub names by slug (public.search_hub_names).
create index search_documents_hub_slug_idx on public.search_documents ((hubs[1])) where type = 'hub';
-- Exact-title matches are looked up by value, not found by scanning.
create index search_documents_title_normalized_idx on public.search_documents (title_normalized);

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

-- Text helpers -------------------------------------------------------------------

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
  doc_rank_vector tsvector;
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

  doc_rank_vector :=
    setweight(to_tsvector(cfg, doc_title), 'A')
    || setweight(to_tsvector(cfg, private.search_prepare(coalesce(doc_code, '') || ' '
         || private.search_code_variants(doc_code))), 'A')
    || setweight(to_tsvector(cfg, private.search_prepare(concat_ws(' ',
         array_to_string(doc_themes, ' '), array_to_string(doc_kpis, ' '), record ->> 'subtype',
         record ->> 'country'))), 'B')
    || setweight(to_tsvector(cfg, private.search_prepare(left(doc_summary, 2000))), 'C');
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
    themes, kpi_codes, links, link_ids, is_demo, dated_at, visible_from, search_vector, rank_vector,
    title_normalized, content_hash, updated_at
  ) values (
    doc_type || ':' || doc_source, doc_type, doc_source, doc_title,
    private.search_prepare(doc_summary), private.search_prepare(doc_body), record ->> 'url',
    doc_code, nullif(record ->> 'subtype', ''), doc_hubs, nullif(record ->> 'country', ''),
    nullif(record ->> 'region', ''), doc_sdgs, doc_themes, doc_kpis, doc_links, doc_link_ids,
    coalesce((record ->> 'is_demo')::boolean, false), (record ->> 'date')::timestamptz,
    (record ->> 'visible_from')::timestamptz, doc_vector, doc_rank_vector, public.search_normalize(doc_title),
    doc_hash, now()
  )
  on conflict (id) do update set
    title = excluded.title, summary = excluded.summary, body = excluded.body, url = excluded.url,
    code = excluded.code, subtype = excluded.subtype, hubs = excluded.hubs,
    country = excluded.country, region = excluded.region, sdgs = excluded.sdgs,
    themes = excluded.themes, kpi_codes = excluded.kpi_codes, links = excluded.links,
    link_ids = excluded.link_ids, is_demo = excluded.is_demo, dated_at = excluded.dated_at,
    visible_from = excluded.visible_from, search_vector = excluded.search_vector,
    rank_vector = excluded.rank_vector,
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
-- source no longer qualifies disappear; a full rebuild also rebuilds the
-- vocabulary and drops the lexemes no record has any more.
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
    delete from private.search_lexemes;
    insert into private.search_lexemes (lexeme)
    select distinct l
      from public.search_documents d, unnest(tsvector_to_array(d.search_vector)) as l
     where left(l, 1) <> '~'
    on conflict do nothing;
  end if;
  select count(*)::int into total from public.search_documents;
  return total;
end
$$;

revoke execute on function private.search_prepare(text), private.search_code_variants(text),
  private.search_text_array(jsonb), private.search_upsert(jsonb), private.search_delete(text, text),
  private.search_register_source(text, regprocedure), private.search_rebuild(text) from public;

-- The outbox for an external index (Algolia) ---------------------------------
-- Every change to a search record marks its id here in the same transaction;
-- the worker (`npm run search:worker`) sends the current state of marked
-- records in batches and clears a mark only if it did not change meanwhile
-- (revision). One row per record at most, so the outbox stays bounded even
-- when no external index is configured.

create table private.search_outbox (
  document_id text primary key,
  revision bigint not null,
  enqueued_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  claimed_until timestamptz,
  last_error text
);
create sequence private.search_outbox_revision_seq;
create index search_outbox_due_idx on private.search_outbox (next_attempt_at);

-- What the external index holds per record, as last confirmed by the worker:
-- how many chunks (objects) and which content hash.
create table private.search_index_state (
  document_id text primary key,
  chunk_count integer not null check (chunk_count >= 0),
  content_hash text not null,
  indexed_at timestamptz not null default now()
);

create or replace function private.search_enqueue() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  changed_id text := case when tg_op = 'DELETE' then old.id else new.id end;
begin
  insert into private.search_outbox (document_id, revision)
  values (changed_id, nextval('private.search_outbox_revision_seq'))
  on conflict (document_id) do update set
    revision = excluded.revision, enqueued_at = now(), attempts = 0,
    next_attempt_at = now(), claimed_until = null, last_error = null;
  return null;
end
$$;
revoke execute on function private.search_enqueue() from public;

create trigger search_documents_enqueue after insert or update or delete on public.search_documents
  for each row execute function private.search_enqueue();

-- Facet and bucket keys --------------------------------------------------
--
-- Every record's search_vector also holds one lexeme per facet value
-- ("~type:<md5 of case_study>", hubs, country, SDGs, themes), kept by a
-- trigger. A facet filter is then part of the tsquery, and GIN intersects the
-- posting lists itself, skipping ahead, so only the narrowed matches reach a
-- bitmap (building one bitmap per index and ANDing them cost about 15 ms for
-- "sensor" among partners at 100,000 records). The text parser never produces
-- "~", so no word a person types can match a key; md5 keeps any value
-- (apostrophes, spaces) safe to put in a tsquery.
--
-- Buckets: each record falls in one of 16 buckets (from the md5 of its id, so
-- a fixed, random sixteenth of the records); records of bucket 0, of bucket 1
-- and of buckets 1 to 3 hold a key for each group they are in. A GIN bitmap
-- costs about half a microsecond per match, so a word in 15,000 records cost
-- 7 ms before a single row was read; public.search_candidates reads bucket 0
-- first, and from what it predicts reads all matches or only a sample (below).
-- Each read names one key: GIN goes through an OR of many keys far more
-- slowly, and through a key most records hold as slowly as through a very
-- common word, so "all" reads without any key.

create or replace function private.search_facet_key(facet text, value text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select '~' || facet || ':' || md5(value)
$$;

create or replace function private.search_bucket_of(doc_id text) returns integer
language sql immutable strict parallel safe
set search_path = ''
as $$
  select get_byte(decode(md5(doc_id), 'hex'), 0) % 16
$$;

-- The keys a record holds: its facet values and its bucket groups.
create or replace function private.search_facet_keys(
  doc_id text, doc_type text, doc_hubs text[], doc_country text, doc_sdgs smallint[],
  doc_themes text[])
returns text[]
language sql immutable parallel safe
set search_path = ''
as $$
  select array_remove(array[private.search_facet_key('type', doc_type),
                            private.search_facet_key('country', doc_country),
                            case when private.search_bucket_of(doc_id) <= 1
                                 then private.search_facet_key('bucket', private.search_bucket_of(doc_id)::text) end,
                            case when private.search_bucket_of(doc_id) between 1 and 3
                                 then private.search_facet_key('bucket', '1-3') end],
                      null)
      || array(select private.search_facet_key('hub', h) from unnest(doc_hubs) as h)
      || array(select private.search_facet_key('sdg', s::text) from unnest(doc_sdgs) as s)
      || array(select private.search_facet_key('theme', t) from unnest(doc_themes) as t)
$$;

-- The tsquery of one bucket group: "0", "1" or "1-3".
create or replace function private.search_bucket_query(buckets text) returns tsquery
language sql immutable strict parallel safe
set search_path = ''
as $$
  select ('''' || private.search_facet_key('bucket', buckets) || '''')::tsquery
$$;

-- The tsquery of the facet filters given (null when none is).
create or replace function private.search_facet_query(
  only_type text, only_hub text, only_country text, only_sdg smallint, only_theme text)
returns tsquery
language sql immutable parallel safe
set search_path = ''
as $$
  select nullif(concat_ws(' & ',
    '''' || private.search_facet_key('type', only_type) || '''',
    '''' || private.search_facet_key('hub', only_hub) || '''',
    '''' || private.search_facet_key('country', only_country) || '''',
    '''' || private.search_facet_key('sdg', only_sdg::text) || '''',
    '''' || private.search_facet_key('theme', only_theme) || ''''), '')::tsquery
$$;

create or replace function private.search_documents_add_keys() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    new.search_vector := ts_delete(new.search_vector,
      private.search_facet_keys(old.id, old.type, old.hubs, old.country, old.sdgs, old.themes));
  end if;
  new.search_vector := new.search_vector || array_to_tsvector(
    private.search_facet_keys(new.id, new.type, new.hubs, new.country, new.sdgs, new.themes));
  return new;
end
$$;

create trigger search_documents_add_keys before insert or update on public.search_documents
  for each row execute function private.search_documents_add_keys();

-- Lexemes, for prefixes -----------------------------------------------------
--
-- The prefix on the last word ("mobi" for mobility) cost twice a whole word,
-- because a partial match goes through an extra bitmap inside the GIN scan.
-- private.search_lexemes holds every lexeme of every record (kept by a
-- trigger, in the same transaction, so what is committed is found by its
-- prefix too); private.search_prefix_query turns the last word into an OR of
-- the whole lexemes it starts, which GIN reads as ordinary entries; a very
-- short prefix that starts many lexemes keeps the partial match. Lexemes of
-- deleted records stay behind until a full rebuild: they match nothing and
-- cost one entry lookup, never a wrong result.

create table private.search_lexemes (
  lexeme text collate "C" primary key
);
comment on table private.search_lexemes is
  'Every lexeme of the search records (never the facet keys), to turn a typed prefix into whole words.';
alter table private.search_lexemes enable row level security;
revoke all on private.search_lexemes from public, anon, authenticated;

create or replace function private.search_documents_remember_lexemes() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.search_vector = old.search_vector then
    return null;
  end if;
  -- Only the lexemes an update adds; in lexeme order, so two writers adding
  -- the same new words never wait on each other crosswise.
  insert into private.search_lexemes (lexeme)
  select n.l from (
    select l from unnest(tsvector_to_array(new.search_vector)) as l where left(l, 1) <> '~'
    except
    select l from unnest(case when tg_op = 'UPDATE' then tsvector_to_array(old.search_vector)
                              else '{}'::text[] end) as l) as n
   order by n.l collate "C"
  on conflict do nothing;
  return null;
end
$$;
revoke execute on function private.search_documents_remember_lexemes() from public;

create trigger search_documents_remember_lexemes after insert or update on public.search_documents
  for each row execute function private.search_documents_remember_lexemes();

-- A lexeme as a tsquery operand: quoted, quotes and backslashes doubled.
create or replace function private.search_quote_lexeme(lexeme text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;

/*
  private.search_prefix_query(word): the tsquery for the last word a person
  typed, matched as a prefix: for each of its lexemes, the OR of the lexemes
  of the records that start with it (at most 16; beyond, the partial match
  "lexeme:*"). Lexemes that start no record's lexeme stay as they are (they
  match nothing either way). Empty for a stop word.
  In `private`, which the Data API does not expose: the lexemes include those
  of scheduled, not yet visible records (and of deleted ones until a
  rebuild), so listing them must not be open to anyone. The search statement
  only uses the tsquery to read visible records.
*/
create or replace function private.search_prefix_query(word text) returns tsquery
language plpgsql stable security definer
set search_path = ''
as $$
declare
  max_words constant integer := 16;
  result tsquery;
  part tsquery;
  typed text;
  words text[];
begin
  for typed in
    select v.lexeme from unnest(to_tsvector('public.portal_search'::regconfig, coalesce(word, ''))) as v
  loop
    select array_agg(s.lexeme) into words
      from (select x.lexeme from private.search_lexemes x
             where x.lexeme >= typed collate "C"
               and x.lexeme < (typed || chr(1114111)) collate "C"
             order by x.lexeme limit max_words + 1) as s;
    part := case
      when words is null then private.search_quote_lexeme(typed)::tsquery
      when cardinality(words) > max_words then (private.search_quote_lexeme(typed) || ':*')::tsquery
      else (select string_agg(private.search_quote_lexeme(w), ' | ') from unnest(words) as w)::tsquery
    end;
    result := case when result is null then part else result && part end;
  end loop;
  return coalesce(result, ''::tsquery);
end
$$;
comment on function private.search_prefix_query(text) is
  'The tsquery of a word typed as a prefix: the whole lexemes it starts (see the migration).';
revoke execute on function private.search_prefix_query(text) from public;
grant execute on function private.search_prefix_query(text) to anon, authenticated, service_role;

-- Reads ----------------------------------------------------------------------
--
-- The functions a search calls are PL/pgSQL: their plans are cached for the
-- session, where a SQL function's statement is planned again at every call.

/*
  public.search_candidates(query, exact_title, max_rows, filters...): at most
  max_rows + 1 visible matches of `query` narrowed by the facet filters given
  (sampled), plus any record whose title is exactly the query (not sampled,
  so it still ranks first), each with its facet columns and rank, and on every
  row the number of matches: exact (matches_exact) when all were read, else
  estimated from the share of the records read.

  One statement, so its plan is cached: the first read takes bucket 0; from
  its count, the second read takes all matches (up to about 2,000 predicted;
  bucket 0's rows are then read again, and kept once), bucket 1, or buckets
  1 to 3 (enough for max_rows + 1 matches), or nothing when bucket 0 alone
  had enough.
*/
create function public.search_candidates(
  query tsquery,
  exact_title text,
  max_rows integer,
  only_type text default null,
  only_hub text default null,
  only_country text default null,
  only_sdg smallint default null,
  only_theme text default null)
returns table (id text, type text, hubs text[], country text, sdgs smallint[], themes text[],
               title_normalized text, score real, sampled boolean, matches integer,
               matches_exact boolean)
language plpgsql stable security definer
-- A sequential scan would read every full-text vector; the estimate also
-- relies on the bitmap scan's table order.
set enable_seqscan = off
set search_path = ''
as $$
#variable_conflict use_column
declare
  facets tsquery := private.search_facet_query(only_type, only_hub, only_country, only_sdg, only_theme);
  scan tsquery := case when facets is null then query else query && facets end;
  table_blocks double precision := greatest(1, pg_catalog.pg_relation_size('public.search_documents'::regclass)
    / pg_catalog.current_setting('block_size')::bigint);
begin
  return query
    with first_read as materialized (
      select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
             (ts_rank(d.rank_vector, query, 1)
               + case when d.title_normalized = exact_title then 10 else 0 end)::real as score,
             (d.ctid::text::point)[0]::bigint as block
        from public.search_documents d
       where d.search_vector @@ (scan && private.search_bucket_query('0'))
         and (d.visible_from is null or d.visible_from <= now())
       limit max_rows + 1),
    plan as materialized (
      select f.n, f.last_block,
             case when f.n > max_rows then null
                  when f.n * 16 <= 4 * max_rows then 'all'
                  when f.n * 2 > max_rows then '1'
                  else '1-3' end as buckets
        from (select count(*)::integer as n, max(r.block) as last_block from first_read r) as f),
    second_read as materialized (
      select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
             (ts_rank(d.rank_vector, query, 1)
               + case when d.title_normalized = exact_title then 10 else 0 end)::real as score,
             (d.ctid::text::point)[0]::bigint as block
        from public.search_documents d
       where (select p.buckets from plan p) is not null
         and d.search_vector @@ (select case when p.buckets = 'all' then scan
                                             else scan && private.search_bucket_query(p.buckets) end
                                   from plan p)
         and (d.visible_from is null or d.visible_from <= now())
       limit (select case when p.buckets = 'all' then max_rows + 1 else max_rows + 1 - p.n end
                from plan p)),
    counted as (
      select p.buckets, s.all_read,
             case when s.all_read then s.n else p.n + s.n end as n,
             -- Sixteenths read: bucket 0, then the second read's buckets; the
             -- read the limit cut off got through the table up to its last
             -- block, and its buckets' matches are spread evenly over it.
             case when p.buckets is null then least(1, (p.last_block + 1) / table_blocks)
                  when s.all_read then 16 * least(1, (s.last_block + 1) / table_blocks)
                  else 1 + (case p.buckets when '1' then 1 else 3 end)
                         * case when p.n + s.n > max_rows
                                then least(1, (s.last_block + 1) / table_blocks) else 1 end
             end as sixteenths
        from plan p,
             (select count(*)::integer as n, max(r.block) as last_block,
                     (select p2.buckets = 'all' from plan p2) is true as all_read
                from second_read r) as s),
    summary as (
      select case when c.n = 0 or (c.all_read and c.n <= max_rows) then c.n
                  else greatest(c.n, round(c.n * 16 / c.sixteenths)::integer) end as matches,
             c.n = 0 or (c.all_read and c.n <= max_rows) as exact
        from counted c),
    found as (
      select * from first_read where not (select c.all_read from counted c)
      union all
      select * from second_read)
    select f.id, f.type, f.hubs, f.country, f.sdgs, f.themes, f.title_normalized, f.score, true,
           s.matches, s.exact
      from found f, summary s
    union all
    select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
           (ts_rank(d.rank_vector, query, 1) + 10)::real, false, s.matches, s.exact
      from public.search_documents d, summary s
     where d.title_normalized = exact_title
       and d.search_vector @@ scan
       and (d.visible_from is null or d.visible_from <= now())
       and not exists (select 1 from found f where f.id = d.id);
end
$$;
comment on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text) is
  'At most max_rows + 1 visible matches read bucket by bucket (plus exact-title matches), with the exact or estimated number of matches.';
revoke execute on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text)
  from public;
grant execute on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text)
  to anon, authenticated, service_role;

-- Loading a page of hits: how many visible records link to each hit, and the
-- names of the hubs the hits name.
create or replace function public.search_backlinks(target_ids text[])
returns table (target text, type text, n integer, hubs integer)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return query
    with linking as (
      select l.id as target, b.type, b.hubs
        from public.search_documents b
        cross join lateral unnest(b.link_ids) as l(id)
       where b.link_ids && target_ids and l.id = any(target_ids)
         and (b.visible_from is null or b.visible_from <= now()))
    select k.target, k.type, count(*)::int, null::int from linking k group by k.target, k.type
    union all
    select k.target, null, null::int, count(distinct h)::int
      from linking k cross join lateral unnest(k.hubs) as h group by k.target;
end
$$;
comment on function public.search_backlinks(text[]) is
  'How many visible records of each type link to each of these records, and across how many hubs.';

create or replace function public.search_hub_names(slugs text[])
returns table (slug text, name text)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return query
    select d.hubs[1], d.title from public.search_documents d
     where d.type = 'hub' and d.hubs[1] = any(slugs)
       and (d.visible_from is null or d.visible_from <= now());
end
$$;

revoke execute on function public.search_backlinks(text[]), public.search_hub_names(text[]) from public;
grant execute on function public.search_backlinks(text[]), public.search_hub_names(text[])
  to anon, authenticated, service_role;

-- Typo corrections -------------------------------------------------------------

/*
  public.search_suggest(words): for each word that is not in the vocabulary
  (public.search_terms), the closest vocabulary word by trigram similarity,
  else null. The planner rates a sequential scan of a large vocabulary about
  as cheap as its trigram index and then computes the similarity of every
  term (7 ms at 40,000 terms against 3 ms with the index), so the index is
  made the only choice here.
*/
create or replace function public.search_suggest(words text[])
returns table (word text, suggestion text)
language plpgsql stable
set enable_seqscan = off
set search_path = ''
as $$
begin
  return query
    select raw.word,
           case when exists (select 1 from public.search_terms t where t.term = n.word) then null
                else (select t.term from public.search_terms t
                       where t.term operator(extensions.%) n.word
                       order by extensions.similarity(t.term, n.word) desc, t.term limit 1)
           end
      from unnest(words) as raw(word)
      cross join lateral (select public.search_normalize(raw.word) as word) as n;
end
$$;
comment on function public.search_suggest(text[]) is
  'The closest vocabulary word for each word not in the vocabulary (typo correction).';
revoke execute on function public.search_suggest(text[]) from public;
grant execute on function public.search_suggest(text[]) to anon, authenticated, service_role;
