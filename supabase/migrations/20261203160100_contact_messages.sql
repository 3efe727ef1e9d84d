-- The contact page: a visitor's message reaches the portal's operators by mail
-- (issue 11, item 8), through the outbox like every other mail, so it leaves
-- in the same transaction as the request and a rolled-back request sends
-- nothing.
--
-- The recipient is never chosen by the request. It is the operators' address
-- (CONTACT_EMAIL), which the server writes into private.settings at start with
-- the owner connection; without it, the platform admins' account addresses.
-- So the function below cannot be used to send mail to anyone else, however
-- it is called. The sender's address is kept as the mail's Reply-To, never as
-- a recipient: the portal sends no copy to an address nobody has confirmed.

-- Settings the server keeps in the database for functions that need them.
create table private.settings (
  key text primary key check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  value text not null check (char_length(value) <= 500),
  updated_at timestamptz not null default now()
);
comment on table private.settings is
  'Operator settings that database functions read (contact_email); written at server start by the owner.';
alter table private.settings enable row level security;
revoke all on private.settings from public, anon, authenticated, service_role;

-- Where an answer to a mail goes (the contact form's sender), when not the sender.
alter table private.outbox add column reply_to text check (char_length(reply_to) <= 254);

-- Queues one contact message per recipient and returns how many were queued
-- (0: nobody to send it to, the page says so). Text lengths are bounded here
-- too, whatever the form checked.
create or replace function private.enqueue_contact_message(
  p_reply_to text, p_subject text, p_body text, p_delivery text
) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_recipients text[];
begin
  if p_reply_to is null or char_length(p_reply_to) > 254 or p_reply_to !~ '^[^@\s]+@[^@\s]+$' then
    raise exception 'a contact message needs a reply address' using errcode = '22023';
  end if;
  select array[s.value] into v_recipients from private.settings s where s.key = 'contact_email';
  if v_recipients is null then
    select coalesce(array_agg(distinct lower(u.email::text)), '{}') into v_recipients
    from public.memberships m join auth.users u on u.id = m.user_id
    where m.role = 'platform_admin' and u.email is not null;
  end if;
  insert into private.outbox (to_email, kind, subject, body_text, delivery, reply_to)
  select lower(r), 'contact.message', left(p_subject, 300), left(p_body, 20000), p_delivery, lower(p_reply_to)
  from unnest(v_recipients) as r;
  return coalesce(array_length(v_recipients, 1), 0);
end
$$;

revoke all on function private.enqueue_contact_message(text, text, text, text)
  from public, anon, authenticated, service_role;
grant execute on function private.enqueue_contact_message(text, text, text, text) to anon, authenticated;

-- Housekeeping also forgets development-mailbox mail after 30 days (it is
-- never "sent", so the rule for sent mail never reached it). Everything else
-- is as before: counters after 2 days, used or expired links after 7, ended
-- sessions 30 days after their end, sent mail 30 days after sending.
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
  delete from private.outbox where delivery = 'mailbox' and created_at < now() - interval '30 days';
$$;
