-- Deliverables: ITU-T Recommendations and U4SSC publications. The rows are
-- synced by the seed from content/deliverables (an Astro content collection),
-- so they can be linked and searched; admins may add or hide rows in the
-- portal. Visitors see the published ones.

create table public.deliverables (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null check (kind in ('recommendation', 'publication')),
  code text,
  title text not null,
  year integer not null check (year between 1990 and 2100),
  summary text not null,
  body text not null default '',
  url text check (url ~ '^https?://'),
  uncertain boolean not null default false,
  note text,
  themes text[] not null default '{}',
  sources text[] not null default '{}',
  -- The content file this row was synced from; null when added in the portal.
  content_path text unique,
  published boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.deliverables is 'ITU-T Recommendations and U4SSC publications, synced from content/deliverables.';
create index deliverables_published_idx on public.deliverables (published);
create index deliverables_kind_year_idx on public.deliverables (kind, year desc);
create trigger deliverables_set_updated_at before update on public.deliverables
  for each row execute function public.set_updated_at();

alter table public.deliverables enable row level security;
grant select on public.deliverables to anon, authenticated;
grant insert, update, delete on public.deliverables to authenticated;

create policy "Published deliverables are visible to visitors" on public.deliverables
  for select to anon using (published);
create policy "Published deliverables are visible to members, all of them to admins" on public.deliverables
  for select to authenticated using (published or (select public.is_platform_admin()));
create policy "Deliverables can be added by admins" on public.deliverables
  for insert to authenticated with check ((select public.is_platform_admin()));
create policy "Deliverables can be edited by admins" on public.deliverables
  for update to authenticated
  using ((select public.is_platform_admin())) with check ((select public.is_platform_admin()));
create policy "Deliverables can be deleted by admins" on public.deliverables
  for delete to authenticated using ((select public.is_platform_admin()));
