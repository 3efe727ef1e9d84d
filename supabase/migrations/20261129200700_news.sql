-- Hub news: drafts (published_at null), scheduled items (published_at in the
-- future) and published items. Visibility compares with now() in the policy,
-- so a scheduled item appears at its time without any job. Every change is
-- recorded in news_revisions by a trigger (who, when, what changed).

create table public.news_items (
  id uuid primary key default gen_random_uuid(),
  hub_id uuid not null references public.hubs (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
  title text not null check (char_length(btrim(title)) between 3 and 200),
  summary text not null default '' check (char_length(summary) <= 400),
  body jsonb not null default '{"type": "doc", "content": []}'::jsonb,
  cover_image_id uuid references public.media_files (id) on delete set null,
  cover_alt text check (char_length(cover_alt) <= 300),
  published_at timestamptz,
  author_id uuid references auth.users (id) on delete set null,
  updated_by uuid references auth.users (id) on delete set null,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint news_items_cover_has_alt check (
    cover_image_id is null or char_length(btrim(coalesce(cover_alt, ''))) > 0
  )
);
comment on table public.news_items is 'News written by hub coordinators; public once published_at has passed.';
create index news_items_hub_published_idx on public.news_items (hub_id, published_at desc);
create index news_items_published_idx on public.news_items (published_at desc);
create index news_items_author_idx on public.news_items (author_id);
create index news_items_cover_idx on public.news_items (cover_image_id) where cover_image_id is not null;

create table public.news_revisions (
  id bigint generated always as identity primary key,
  news_id uuid not null references public.news_items (id) on delete cascade,
  hub_id uuid not null references public.hubs (id) on delete cascade,
  editor_id uuid references auth.users (id) on delete set null,
  action text not null check (action in ('created', 'edited', 'published', 'scheduled', 'unpublished')),
  changed_fields text[] not null default '{}',
  title text not null,
  summary text not null,
  body jsonb not null,
  published_at timestamptz,
  created_at timestamptz not null default clock_timestamp()
);
comment on table public.news_revisions is 'History of a news item: every save, with who, when and which fields changed.';
create index news_revisions_news_idx on public.news_revisions (news_id, id desc);
create index news_revisions_hub_idx on public.news_revisions (hub_id);

create or replace function public.stamp_news_item() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  new.updated_at := now();
  return new;
end
$$;
create trigger news_items_stamp before insert or update on public.news_items
  for each row execute function public.stamp_news_item();

-- Runs as the owner so that revisions can only be written by this trigger.
create or replace function public.record_news_revision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  fields text[] := '{}';
  next_action text;
begin
  if tg_op = 'INSERT' then
    next_action := case
      when new.published_at is null then 'created'
      when new.published_at > now() then 'scheduled'
      else 'published'
    end;
  else
    if new.title is distinct from old.title then fields := fields || 'title'::text; end if;
    if new.slug is distinct from old.slug then fields := fields || 'slug'::text; end if;
    if new.summary is distinct from old.summary then fields := fields || 'summary'::text; end if;
    if new.body is distinct from old.body then fields := fields || 'body'::text; end if;
    if new.cover_image_id is distinct from old.cover_image_id or new.cover_alt is distinct from old.cover_alt then
      fields := fields || 'cover'::text;
    end if;
    if new.published_at is distinct from old.published_at then fields := fields || 'published_at'::text; end if;
    if cardinality(fields) = 0 then
      return new;
    end if;
    next_action := case
      when new.published_at is not distinct from old.published_at then 'edited'
      when new.published_at is null then 'unpublished'
      when new.published_at > now() then 'scheduled'
      else 'published'
    end;
  end if;
  insert into public.news_revisions (news_id, hub_id, editor_id, action, changed_fields, title, summary, body, published_at)
  values (new.id, new.hub_id, (select auth.uid()), next_action, fields, new.title, new.summary, new.body, new.published_at);
  return new;
end
$$;
revoke execute on function public.record_news_revision() from public;
create trigger news_items_record_revision after insert or update on public.news_items
  for each row execute function public.record_news_revision();

alter table public.news_items enable row level security;
alter table public.news_revisions enable row level security;

grant select on public.news_items to anon, authenticated;
grant insert (hub_id, slug, title, summary, body, cover_image_id, cover_alt, published_at, author_id)
  on public.news_items to authenticated;
grant update (slug, title, summary, body, cover_image_id, cover_alt, published_at) on public.news_items to authenticated;
grant delete on public.news_items to authenticated;
grant select on public.news_revisions to authenticated;

create policy "Published news is visible to visitors" on public.news_items
  for select to anon using (published_at <= now());
create policy "Published news, and drafts to their hub's coordinators, are visible to members" on public.news_items
  for select to authenticated
  using (published_at <= now() or (select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "News can be written by the hub's coordinators and admins" on public.news_items
  for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id))
  );
create policy "News can be edited by the hub's coordinators and admins" on public.news_items
  for update to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id))
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "News can be deleted by the hub's coordinators and admins" on public.news_items
  for delete to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));

create policy "News revisions are visible to the hub's coordinators and admins" on public.news_revisions
  for select to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
