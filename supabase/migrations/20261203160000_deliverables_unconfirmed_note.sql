-- Deliverables keep only reader text: the researchers' working notes stay in
-- the content files (`researchNote`, never synced), and what the reference
-- research marks uncertain is said to readers in one plain sentence, shown as
-- "Unconfirmed: …" (issue 11, item 7). The column that held the working note
-- becomes that sentence; a confirmed entry has none.

alter table public.deliverables rename column note to unconfirmed_note;
comment on column public.deliverables.unconfirmed_note is
  'What is not confirmed, as one sentence for readers (shown as "Unconfirmed: …"); only on uncertain entries.';

-- Working notes synced before this migration are not reader text: forget them
-- (the seed writes the reader sentences from content/deliverables).
update public.deliverables set unconfirmed_note = null where not uncertain;
alter table public.deliverables add constraint deliverables_unconfirmed_note_only_when_uncertain
  check (uncertain or unconfirmed_note is null);

-- The search record reads the renamed column (and so indexes reader text only).
create or replace function private.search_sync_deliverable(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  d public.deliverables;
begin
  select * into d from public.deliverables where id = target_id;
  if not found or not d.published then
    perform private.search_delete('deliverable', target_id::text);
    return;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'deliverable',
    'source_id', d.id,
    'title', d.title,
    'summary', d.summary,
    'text', concat_ws(E'\n\n', d.body, d.unconfirmed_note),
    'url', '/deliverables/' || d.slug,
    'code', d.code,
    'subtype', d.kind,
    'themes', to_jsonb(d.themes),
    'date', make_date(d.year, 1, 1)::timestamptz
  ));
end
$$;
