-- Faster ranking at scale. Ranking read the full search_vector (title to
-- text, ~1.5 KB, stored out of line) of every match; with tens of thousands
-- of matches that detoasting dominated. Ranking now uses rank_vector (title,
-- codes, themes, summary: a few hundred bytes, stored in the row), matching
-- still uses the full vector through its GIN index, and the wide columns are
-- moved out of the row so a scan over many matches reads few pages.

alter table public.search_documents add column rank_vector tsvector;
alter table public.search_documents alter column search_vector set storage external;
alter table public.search_documents alter column body set storage external;
alter table public.search_documents set (toast_tuple_target = 1024);

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

-- Backfill: re-derive every record (rewrites rows under the new storage).
update public.search_documents d set rank_vector =
    setweight(to_tsvector('public.portal_search'::regconfig, d.title), 'A')
    || setweight(to_tsvector('public.portal_search'::regconfig, private.search_prepare(coalesce(d.code, '') || ' '
         || private.search_code_variants(d.code))), 'A')
    || setweight(to_tsvector('public.portal_search'::regconfig, private.search_prepare(concat_ws(' ',
         array_to_string(d.themes, ' '), array_to_string(d.kpi_codes, ' '), d.subtype, d.country))), 'B')
    || setweight(to_tsvector('public.portal_search'::regconfig, private.search_prepare(left(d.summary, 2000))), 'C');
alter table public.search_documents alter column rank_vector set not null;
revoke execute on function private.search_upsert(jsonb) from public;
