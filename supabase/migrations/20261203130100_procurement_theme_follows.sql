-- Procurement: the themes an organization follows (docs/procurement.md, "Finding and following").
--
-- An organization is told by mail about a published notice when one of its
-- offerings matches it and it follows one of the notice's themes. Until its
-- members choose, it follows the themes of its offerings; once they save a
-- choice here, that choice is what it follows (an empty list: no mail).

create table public.procurement_theme_follows (
  organization_id uuid primary key references public.organizations (id) on delete cascade,
  themes text[] not null default '{}' check (themes <@ array['mobility', 'energy', 'water', 'waste',
    'ict-infrastructure', 'e-government', 'data-and-ai', 'health', 'education', 'safety', 'housing',
    'urban-planning', 'culture', 'environment', 'climate', 'economy', 'social-inclusion',
    'participation', 'food', 'kpis']::text[]),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);
create index procurement_theme_follows_updated_by_idx on public.procurement_theme_follows (updated_by);
comment on table public.procurement_theme_follows is
  'The themes of procurement notices an organization wants mail about, as its members chose them (no row: the themes of its offerings).';

alter table public.procurement_theme_follows enable row level security;

grant select, delete on public.procurement_theme_follows to authenticated;
grant insert (organization_id, themes, updated_by), update (themes, updated_by, updated_at)
  on public.procurement_theme_follows to authenticated;

create policy "Followed themes are visible to the organization's members and admins" on public.procurement_theme_follows
  for select to authenticated
  using (public.is_org_member(organization_id) or (select public.is_platform_admin()));
create policy "Followed themes can be chosen by the organization's members" on public.procurement_theme_follows
  for insert to authenticated
  with check (public.is_org_member(organization_id) and updated_by = (select auth.uid()));
create policy "Followed themes can be changed by the organization's members" on public.procurement_theme_follows
  for update to authenticated
  using (public.is_org_member(organization_id))
  with check (public.is_org_member(organization_id) and updated_by = (select auth.uid()));
create policy "Followed themes can be reset by the organization's members" on public.procurement_theme_follows
  for delete to authenticated
  using (public.is_org_member(organization_id));

-- What the given organizations chose, for the mail rule in the transaction
-- that publishes a notice: only the process's city editors may ask, and
-- only about that publication (the choices are not public).
create or replace function public.procurement_theme_choices(p_process_id uuid, p_organization_ids uuid[])
returns table (organization_id uuid, themes text[])
language sql stable security definer
set search_path = ''
as $$
  select f.organization_id, f.themes
    from public.procurement_theme_follows f
   where public.can_edit_procurement(p_process_id)
     and f.organization_id = any (coalesce(p_organization_ids, '{}'))
$$;
revoke all on function public.procurement_theme_choices(uuid, uuid[]) from public, anon, authenticated, service_role;
grant execute on function public.procurement_theme_choices(uuid, uuid[]) to authenticated;
