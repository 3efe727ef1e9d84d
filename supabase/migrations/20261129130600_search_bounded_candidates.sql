-- Bounded work per search (issue 5: p95 under 20 ms at 100,000 records).
-- public.search_matches returned every match, so a word found in 8,000
-- records meant 8,000 heap rows read, ranked and counted per query. Like
-- Algolia, the engine now does exact work on a bounded candidate set and
-- approximates beyond it (README, "Search", "Approximate counts"):
--
--   public.search_candidates(query, exact_title, max_rows, filters...)
--     returns the first max_rows + 1 visible matches in the order the GIN
--     bitmap scan reads them (table order), plus any record whose title is
--     exactly the query (so it still ranks first), with the facet columns,
--     the rank, and the heap block of each sampled row. With max_rows or
--     fewer matches the set is complete and everything stays exact; with
--     more, the engine estimates the total from how far into the table the
--     first max_rows + 1 matches reached (rows / share of blocks read).
--
-- The facet filters are optional arguments applied in the scan itself (and
-- only when given, through dynamic SQL, so the planner sees the real values
-- and can combine the full-text index with the type, hub, SDG and theme
-- indexes), so "sensor" narrowed to partners reads partners, not a sample of
-- all sensor records.

-- Exact-title matches are looked up by value, not found by scanning.
create index search_documents_title_normalized_idx on public.search_documents (title_normalized);

create or replace function public.search_candidates(
  query tsquery,
  exact_title text,
  max_rows integer,
  only_type text default null,
  only_hub text default null,
  only_country text default null,
  only_sdg smallint default null,
  only_theme text default null)
returns table (id text, type text, hubs text[], country text, sdgs smallint[], themes text[],
               title_normalized text, score real, sampled boolean, block bigint, table_blocks bigint)
language plpgsql stable security definer
-- A sequential scan would start anywhere in the table (synchronized scans),
-- which would break the estimate, and would read every full-text vector.
set enable_seqscan = off
set search_path = ''
as $$
declare
  filters text := '';
  blocks bigint := greatest(1, pg_catalog.pg_relation_size('public.search_documents'::regclass)
    / pg_catalog.current_setting('block_size')::bigint);
begin
  if only_type is not null then filters := filters || ' and d.type = $4'; end if;
  if only_hub is not null then filters := filters || ' and d.hubs @> array[$5]'; end if;
  if only_country is not null then filters := filters || ' and d.country = $6'; end if;
  if only_sdg is not null then filters := filters || ' and d.sdgs @> array[$7]'; end if;
  if only_theme is not null then filters := filters || ' and d.themes @> array[$8]'; end if;
  return query execute format($sql$
    with first_matches as materialized (
      select d.ctid as tid, d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
             d.rank_vector
        from public.search_documents d
       where d.search_vector @@ $1
         and (d.visible_from is null or d.visible_from <= now()) %1$s
       limit $3 + 1)
    select f.id, f.type, f.hubs, f.country, f.sdgs, f.themes, f.title_normalized,
           (ts_rank(f.rank_vector, $1, 1) + case when f.title_normalized = $2 then 10 else 0 end)::real,
           true, (f.tid::text::point)[0]::bigint, $9
      from first_matches f
    union all
    select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
           (ts_rank(d.rank_vector, $1, 1) + 10)::real, false, null::bigint, $9
      from public.search_documents d
     where d.title_normalized = $2
       and d.search_vector @@ $1
       and (d.visible_from is null or d.visible_from <= now()) %1$s
       and not exists (select 1 from first_matches f where f.id = d.id)
    $sql$, filters)
    using query, exact_title, max_rows, only_type, only_hub, only_country, only_sdg, only_theme,
          blocks;
end
$$;
comment on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text) is
  'The first max_rows + 1 visible matches in table order (plus exact-title matches), for bounded ranking and estimated totals.';

revoke execute on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text)
  from public;
grant execute on function public.search_candidates(tsquery, text, integer, text, text, text, smallint, text)
  to anon, authenticated, service_role;
