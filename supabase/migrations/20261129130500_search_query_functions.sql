-- Index-friendly reads for the search engine. Under row-level security,
-- Postgres may only use an index for a condition that is leakproof, and the
-- full-text (@@) and array (&&) operators are not: as the API roles, every
-- search became a sequential scan (about 1 s at 100,000 records). These
-- functions run as the table owner, apply exactly the visibility rule of the
-- select policies (published, scheduled time passed) themselves, and return
-- only the narrow columns the engine needs. Records are still loaded for
-- display through RLS (by primary key, which is index-friendly).

-- Keep the ranking vector in the row (compressed if need be) and let only the
-- wide columns move out, so ranking many matches does not read TOAST; and
-- keep the full-text index free of a pending list, whose linear scan would
-- otherwise slow every search after bulk writes.
alter table public.search_documents reset (toast_tuple_target);
alter table public.search_documents alter column rank_vector set storage main;
alter index public.search_documents_vector_idx set (fastupdate = off);

create or replace function public.search_matches(query tsquery, exact_title text)
returns table (id text, type text, hubs text[], country text, sdgs smallint[], themes text[],
               title_normalized text, score real)
language sql stable security definer parallel safe
set search_path = ''
as $$
  select d.id, d.type, d.hubs, d.country, d.sdgs, d.themes, d.title_normalized,
         ts_rank(d.rank_vector, query, 1) + case when d.title_normalized = exact_title then 10 else 0 end
    from public.search_documents d
   where d.search_vector @@ query
     and (d.visible_from is null or d.visible_from <= now())
$$;
comment on function public.search_matches(tsquery, text) is
  'Visible search records matching a query, with their facet columns and rank (see the migration).';

create or replace function public.search_backlinks(target_ids text[])
returns table (target text, type text, n integer, hubs integer)
language sql stable security definer parallel safe
set search_path = ''
as $$
  with linking as (
    select l.id as target, b.type, b.hubs
      from public.search_documents b
      cross join lateral unnest(b.link_ids) as l(id)
     where b.link_ids && target_ids and l.id = any(target_ids)
       and (b.visible_from is null or b.visible_from <= now()))
  select k.target, k.type, count(*)::int, null::int from linking k group by k.target, k.type
  union all
  select k.target, null, null::int, count(distinct h)::int
    from linking k cross join lateral unnest(k.hubs) as h group by k.target
$$;
comment on function public.search_backlinks(text[]) is
  'How many visible records of each type link to each of these records, and across how many hubs.';

create index search_documents_hub_slug_idx on public.search_documents ((hubs[1])) where type = 'hub';

create or replace function public.search_hub_names(slugs text[])
returns table (slug text, name text)
language sql stable security definer parallel safe
set search_path = ''
as $$
  select d.hubs[1], d.title from public.search_documents d
   where d.type = 'hub' and d.hubs[1] = any(slugs)
     and (d.visible_from is null or d.visible_from <= now())
$$;

revoke execute on function public.search_matches(tsquery, text), public.search_backlinks(text[]),
  public.search_hub_names(text[]) from public;
grant execute on function public.search_matches(tsquery, text), public.search_backlinks(text[]),
  public.search_hub_names(text[]) to anon, authenticated, service_role;
