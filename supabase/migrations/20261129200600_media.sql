-- Uploaded images: the bytes live in the storage adapter (local disk or
-- Supabase Storage); this table records what was stored, by whom, for which
-- hub. Images are public once uploaded (they are served at /media/<id>.<ext>
-- and embedded in published pages); their ids are random, so an image in a
-- draft is not discoverable.

create table public.media_files (
  id uuid primary key default gen_random_uuid(),
  storage_key text not null unique check (storage_key ~ '^[a-z0-9/_.-]+$'),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
  byte_size integer not null check (byte_size > 0 and byte_size <= 10485760),
  width integer check (width > 0),
  height integer check (height > 0),
  original_name text check (char_length(original_name) <= 255),
  hub_id uuid references public.hubs (id) on delete set null,
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.media_files is 'Images uploaded by coordinators, re-encoded without metadata.';
create index media_files_hub_id_idx on public.media_files (hub_id);
create index media_files_uploaded_by_idx on public.media_files (uploaded_by);

alter table public.media_files enable row level security;
grant select on public.media_files to anon, authenticated;
grant insert (id, storage_key, content_type, byte_size, width, height, original_name, hub_id, uploaded_by)
  on public.media_files to authenticated;
grant delete on public.media_files to authenticated;

create policy "Uploaded images are visible to visitors" on public.media_files
  for select to anon using (true);
create policy "Uploaded images are visible to members" on public.media_files
  for select to authenticated using (true);
create policy "Hub coordinators and admins can upload images for their hub" on public.media_files
  for insert to authenticated
  with check (
    uploaded_by = (select auth.uid())
    and ((select public.is_platform_admin()) or (hub_id is not null and public.is_hub_coordinator(hub_id)))
  );
create policy "Images can be deleted by their uploader and admins" on public.media_files
  for delete to authenticated
  using (uploaded_by = (select auth.uid()) or (select public.is_platform_admin()));
