-- The mail outbox: mail waiting to be sent by SMTP, or shown in the
-- development mailbox. Mail is queued in the same transaction as the change
-- that causes it (a sign-up, a reset request, a hub membership decision), so
-- a rolled-back change sends nothing; the outbox job sends it afterwards,
-- outside any transaction, and also runs the housekeeping below.

create table private.outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null check (char_length(to_email) <= 254),
  kind text not null check (kind ~ '^[a-z0-9_.-]{1,60}$'),
  subject text not null check (char_length(subject) <= 300),
  body_text text not null check (char_length(body_text) <= 20000),
  -- 'smtp' is sent by the outbox job; 'mailbox' is shown at /dev/mailbox (development and embedded mode).
  delivery text not null default 'mailbox' check (delivery in ('smtp', 'mailbox')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  -- Lets several outbox workers share the queue: a worker claims a batch for a
  -- few minutes, sends it outside any transaction, then marks each mail sent.
  claimed_until timestamptz
);
comment on table private.outbox is 'Mail waiting to be sent (SMTP) or shown in the development mailbox.';
create index outbox_unsent_idx on private.outbox (created_at) where sent_at is null;

alter table private.outbox enable row level security;
revoke all on private.outbox from public, anon, authenticated;

-- Queues a mail for a known address only (a user's, or an address a user asked
-- to change to), so the function cannot be used to send mail to anyone.
create or replace function private.enqueue_mail(
  p_to text, p_kind text, p_subject text, p_body text, p_delivery text
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_to text := lower(trim(p_to));
  v_id uuid;
begin
  if not exists (select 1 from auth.users u where lower(u.email) = v_to)
     and not exists (
       select 1 from private.email_tokens t
       where t.purpose = 'change_email' and t.new_email = v_to and t.used_at is null and t.expires_at > now()
     ) then
    raise exception 'mail can only be sent to a known address' using errcode = '42501';
  end if;
  insert into private.outbox (to_email, kind, subject, body_text, delivery)
  values (v_to, p_kind, p_subject, p_body, p_delivery)
  returning id into v_id;
  return v_id;
end
$$;

-- The development mailbox: mail meant for it, newest first. The page that
-- calls it exists only in development and embedded mode; mail sent by SMTP is
-- never listed.
create or replace function private.list_mailbox(p_limit integer)
returns table (id uuid, to_email text, kind text, subject text, body_text text, created_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select o.id, o.to_email, o.kind, o.subject, o.body_text, o.created_at
  from private.outbox o
  where o.delivery = 'mailbox'
  order by o.created_at desc, o.id
  limit least(greatest(p_limit, 1), 200)
$$;

-- Forgets counters whose window ended long ago (run by the outbox job).
create or replace function private.purge_expired_rows() returns void
language sql volatile security definer
set search_path = ''
as $$
  delete from private.rate_limits where window_start < now() - interval '2 days';
  delete from private.email_tokens where expires_at < now() - interval '7 days';
  delete from private.sessions
   where (revoked_at is not null and revoked_at < now() - interval '30 days')
      or expires_at < now() - interval '30 days';
  delete from private.outbox where sent_at is not null and sent_at < now() - interval '30 days';
$$;

revoke execute on function private.enqueue_mail(text, text, text, text, text), private.list_mailbox(integer),
  private.purge_expired_rows() from public, anon, authenticated;
-- Requests queue their own mail (to known addresses only, checked above).
grant execute on function private.enqueue_mail(text, text, text, text, text), private.list_mailbox(integer)
  to anon, authenticated;
