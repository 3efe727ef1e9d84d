-- Outbox for an external search index (Algolia). Every change to a search
-- record marks its id here in the same transaction; the worker
-- (`npm run search:worker`) sends the current state of marked records in
-- batches and clears a mark only if it did not change meanwhile (revision).
-- One row per record at most, so the outbox stays bounded even when no
-- external index is configured.

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

-- Records that existed before the outbox: the first worker run sends them.
insert into private.search_outbox (document_id, revision)
select d.id, nextval('private.search_outbox_revision_seq') from public.search_documents d
on conflict (document_id) do nothing;
