-- Faster searches at 100,000 records (issue 5: p95 under 20 ms). Measured on
-- the benchmark corpus, most of a search's time went into building GIN
-- bitmaps: a facet filter made Postgres build one bitmap per index (the
-- words', the type's, the hubs'...) and AND them, about 15 ms for "sensor"
-- among partners; every match of a common word cost its place in a bitmap
-- before a row was read; and the prefix on the last word ("mobi" for
-- mobility) cost twice a whole word, because a partial match goes through an
-- extra bitmap inside the GIN scan. Three changes make them cheap:
--
-- 1. Facet keys in the full-text vector. Every record's search_vector also
--    holds one lexeme per facet value ("~type:<md5 of case_study>", hubs,
--    country, SDGs, themes), kept by a trigger. A facet filter is then part
--    of the tsquery, and GIN intersects the posting lists itself, skipping
--    ahead, so only the narrowed matches reach a bitmap. The text parser
--    never produces "~", so no word a person types can match a key; md5 keeps
--    any value (apostrophes, spaces) safe to put in a tsquery.
--
-- 2. Buckets. Each record falls in one of 16 buckets (from the md5 of its
--    id, so a fixed, random sixteenth of the records); records of bucket 0,
--    of bucket 1 and of buckets 1 to 3 hold a key for each group they are
--    in. A GIN bitmap costs about half a microsecond per match, so a word in
--    15,000 records cost 7 ms before a single row was read.
--    public.search_candidates now reads the matches of bucket 0 first; they
--    predict the total. Up to about 2,000 predicted matches it reads all
--    matches (exact counts up to max_rows); beyond, only bucket 1 or buckets
--    1 to 3, as many as it needs for max_rows + 1 matches, and estimates the
--    total from the share read (an unbiased sample, unlike the first rows in
--    table order). Each read names one key: GIN goes through an OR of many
--    keys far more slowly, and through a key most records hold (to read "all
--    but bucket 0") as slowly as through a very common word, so "all" reads
--    without any key.
--
-- 3. Prefixes resolved to words. private.search_lexemes holds every lexeme
--    of every record (kept by a trigger, in the same transaction, so what is
--    committed is found by its prefix too). private.search_prefix_query turns
--    the last word into an OR of the whole lexemes it starts, which GIN reads
--    as ordinary entries; a very short prefix that starts many lexemes keeps
--    the partial match. Lexemes of deleted records stay behind until a full
--    rebuild: they match nothing and cost one entry lookup, never a wrong
--    result.
--
-- Also: the functions a search calls are PL/pgSQL (their plans are cached;
-- a SQL function's statement is planned again at every call), and typo
-- suggestions always use the trigram index (public.search_suggest).

-- Facet and bucket keys --------------------------------------------------

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

-- Existing records get their keys; the external index's outbox is not
-- touched (nothing it holds changes).
alter table public.search_documents disable trigger search_documents_enqueue;
update public.search_documents set search_vector = search_vector;
alter table public.search_documents enable trigger search_documents_enqueue;

-- Lexemes, for prefixes -----------------------------------------------------

create table private.search_lexemes (
  lexeme text collate "C" primary key
);
comment on table private.search_lexemes is
  'Every lexeme of the search records (never the facet keys), to turn a typed prefix into whole words.';
alter table private.search_lexemes enable row level security;
revoke all on private.search_lexemes from public, anon, authenticated;

insert into private.search_lexemes (lexeme)
select distinct l
  from public.search_documents d, unnest(tsvector_to_array(d.search_vector)) as l
 where left(l, 1) <> '~'
on conflict do nothing;

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

-- Candidates, bucket by bucket ------------------------------------------------

-- Unused since the bounded reads (20261129130600): it returned every match.
drop function public.search_matches(tsquery, text);

drop function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text);

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

-- Loading a page of hits -------------------------------------------------------

-- The same reads as before, in PL/pgSQL so that their plans are cached for the
-- session (a SQL function's statement is planned again at every call).
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

-- A full rebuild also drops the lexemes no record has any more.
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
revoke execute on function private.search_rebuild(text) from public;
