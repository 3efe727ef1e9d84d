-- Notices: mail that a change owes someone, recorded by the database in the
-- transaction of the change, worded by the portal.
--
-- Some changes must be told to people the request cannot address: a
-- membership request to the hub's coordinators, a place on an event to the
-- person who moved up from the waiting list when someone else cancelled, a
-- password change to the account's owner after a reset link, an address
-- change to the old address. The database knows who they are; the words
-- belong in the interface's i18n module, not in SQL. So a trigger (or an
-- identity function) records a notice: who, what kind, and the facts the
-- words need (names, a link path, a date), never the words. Before the
-- request's transaction ends, the portal takes the notices that transaction
-- recorded (private.take_notices), words each one in TypeScript
-- (src/server/mail/notices.ts, keys `mail.<kind>.subject` / `.body`), and
-- hands the text back (private.deliver_notices), which addresses it and puts
-- it in the outbox (mail_outbox.sql) in the same transaction: a rolled-back
-- change tells nobody, and a committed one cannot lose its mail half-way.
--
-- A transaction sees and delivers only its own notices (matched on its
-- transaction id), so a request can neither read what others are owed nor
-- send text to someone of its choosing; recipients' addresses never leave
-- the database. Delivered notices are deleted: the outbox keeps the mail.

create table private.notices (
  id uuid primary key default gen_random_uuid(),
  -- An account, or (for the old address after an address change) an address.
  recipient_id uuid references auth.users (id) on delete cascade,
  recipient_email text check (char_length(recipient_email) <= 254),
  kind text not null check (kind ~ '^[a-z]+\.[a-z_]{1,50}$'),
  data jsonb not null default '{}'::jsonb check (jsonb_typeof(data) = 'object'),
  -- The transaction that recorded the notice: only it may deliver it.
  xact xid8 not null default pg_current_xact_id(),
  created_at timestamptz not null default clock_timestamp(),
  constraint notices_one_recipient check ((recipient_id is null) <> (recipient_email is null))
);
comment on table private.notices is
  'Mail a change owes someone, recorded in the change''s transaction and worded by the portal before it commits.';
create index notices_xact_idx on private.notices (xact);
create index notices_recipient_idx on private.notices (recipient_id) where recipient_id is not null;

alter table private.notices enable row level security;
revoke all on private.notices from public, anon, authenticated, service_role;

-- The notices the calling transaction recorded, oldest first, without their
-- recipients. None in a transaction that wrote nothing.
create or replace function private.take_notices()
returns table (id uuid, kind text, data jsonb)
language sql stable security definer
set search_path = ''
as $$
  select n.id, n.kind, n.data
    from private.notices n
   where n.xact = pg_current_xact_id_if_assigned()
   order by n.created_at, n.id
   limit 500
$$;

-- Queues the worded notices (`[{ "id", "subject", "body" }]`) for their
-- recipients and forgets them. Only notices of the calling transaction are
-- delivered; others in the list are ignored. Deleted or unknown recipients
-- get nothing. Returns how many mails were queued.
create or replace function private.deliver_notices(p_mails jsonb, p_delivery text) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  if p_delivery not in ('smtp', 'mailbox') then
    raise exception 'unknown delivery: %', p_delivery using errcode = '22023';
  end if;
  if jsonb_typeof(p_mails) is distinct from 'array' then
    raise exception 'notices to deliver must be a JSON array' using errcode = '22023';
  end if;
  with worded as (
    select (m.value ->> 'id')::uuid as id, m.value ->> 'subject' as subject, m.value ->> 'body' as body
      from jsonb_array_elements(p_mails) as m(value)
     where coalesce(m.value ->> 'subject', '') <> '' and coalesce(m.value ->> 'body', '') <> ''
  ), owed as (
    delete from private.notices n
     using worded w
     where n.id = w.id and n.xact = pg_current_xact_id_if_assigned()
    returning n.recipient_id, n.recipient_email, n.kind, w.subject, w.body
  ), queued as (
    insert into private.outbox (to_email, kind, subject, body_text, delivery)
    select lower(coalesce(o.recipient_email, u.email::text)), o.kind,
           left(regexp_replace(o.subject, '[\r\n]+', ' ', 'g'), 300), left(o.body, 20000), p_delivery
      from owed o
      left join auth.users u on u.id = o.recipient_id and u.deleted_at is null
     where coalesce(o.recipient_email, u.email::text) is not null
    returning 1
  )
  select count(*)::integer into v_count from queued;
  return v_count;
end
$$;

revoke all on function private.take_notices(), private.deliver_notices(jsonb, text)
  from public, anon, authenticated, service_role;
-- Requests deliver the notices they caused: signed in, and signed out (a
-- password reset, an address confirmed from a mail).
grant execute on function private.take_notices(), private.deliver_notices(jsonb, text) to anon, authenticated;

-- Hub membership requests: the hub's coordinators are told ------------------------
create or replace function private.notice_hub_membership_request() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.notices (recipient_id, kind, data)
  select m.user_id, 'hubs.membership_requested', jsonb_build_object(
           'hub', h.name,
           'applicant', coalesce(c.name, o.name),
           'person', coalesce(p.display_name, ''),
           'message', new.message,
           'link', '/hubs/' || h.slug || '/applications'
         )
    from public.memberships m
    join public.hubs h on h.id = new.hub_id
    left join public.cities c on c.id = new.city_id
    left join public.organizations o on o.id = new.organization_id
    left join public.profiles p on p.id = new.applicant_id
   where m.role = 'hub_coordinator' and m.hub_id = new.hub_id and m.user_id <> new.applicant_id
   order by m.user_id
   limit 100;
  return new;
end
$$;
revoke all on function private.notice_hub_membership_request() from public, anon, authenticated, service_role;
create trigger hub_membership_applications_notice_request
  after insert on public.hub_membership_applications
  for each row execute function private.notice_hub_membership_request();

-- Event registrations: the registrant is told where they stand ----------------------
-- On registering (a place, or the waiting list) and on moving up from the
-- waiting list (someone cancelled, or places were added).
create or replace function private.notice_event_registration() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_kind text;
begin
  if tg_op = 'INSERT' then
    v_kind := case new.status when 'confirmed' then 'events.registration_confirmed'
                              else 'events.registration_waitlisted' end;
  elsif old.status = 'waitlisted' and new.status = 'confirmed' then
    v_kind := 'events.waitlist_promoted';
  else
    return new;
  end if;
  insert into private.notices (recipient_id, kind, data)
  select new.user_id, v_kind, jsonb_build_object(
           'event', e.title,
           'hub', h.name,
           'startsAt', e.starts_at,
           'timeZone', e.time_zone,
           'venue', coalesce(e.venue_name, ''),
           'online', coalesce(e.online_url, ''),
           'link', '/events/' || e.slug
         )
    from public.events e join public.hubs h on h.id = e.hub_id
   where e.id = new.event_id;
  return new;
end
$$;
revoke all on function private.notice_event_registration() from public, anon, authenticated, service_role;
create trigger event_registrations_notice
  after insert or update of status on public.event_registrations
  for each row execute function private.notice_event_registration();

-- Passwords and addresses: the owner is told ----------------------------------------
-- As in 20261129200300_identity.sql, plus the notice.
create or replace function private.change_my_password(p_password_hash text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  if p_password_hash is null or p_password_hash !~ '^\$argon2id\$' then
    raise exception 'invalid password hash' using errcode = '22023';
  end if;
  update auth.users u set encrypted_password = p_password_hash, updated_at = now() where u.id = auth.uid();
  perform private.end_other_sessions();
  perform private.write_audit('account.password_changed', auth.uid(), '{}'::jsonb);
  insert into private.notices (recipient_id, kind, data)
  values (auth.uid(), 'auth.password_changed', jsonb_build_object('link', '/forgot-password'));
end
$$;

-- As in 20261202100000_atomic_limits_and_credential_role.sql, plus the notice.
create or replace function private.reset_password(p_token_hash text, p_password_hash text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_user_id uuid;
begin
  if p_password_hash is null or p_password_hash !~ '^\$argon2id\$' then
    raise exception 'invalid password hash' using errcode = '22023';
  end if;
  update private.email_tokens t set used_at = now()
   where t.token_hash = p_token_hash and t.purpose = 'reset_password' and t.used_at is null and t.expires_at > now()
  returning t.user_id into v_user_id;
  if v_user_id is null or not private.is_usable_account(v_user_id) then
    return null;
  end if;
  update private.email_tokens t set used_at = now()
   where t.user_id = v_user_id and t.purpose = 'reset_password' and t.used_at is null;
  update auth.users u
     set encrypted_password = p_password_hash, email_confirmed_at = coalesce(u.email_confirmed_at, now()),
         updated_at = now()
   where u.id = v_user_id;
  update private.sessions s set revoked_at = now(), revoked_reason = 'password_reset'
   where s.user_id = v_user_id and s.revoked_at is null;
  delete from private.rate_limits r
   where r.bucket = 'sign_in.account'
     and r.key_hash = (select private.rate_limit_key_hash(u.email::text) from auth.users u where u.id = v_user_id);
  perform private.write_audit('account.password_reset', v_user_id, '{}'::jsonb);
  insert into private.notices (recipient_id, kind, data)
  values (v_user_id, 'auth.password_changed', jsonb_build_object('link', '/forgot-password'));
  return v_user_id;
end
$$;

-- As in 20261129200300_identity.sql, plus the notice to the old address of an
-- address change (the new one proved itself by following the link).
create or replace function private.use_email_token(p_token_hash text, p_purpose text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_token private.email_tokens;
  v_old_email text;
begin
  if p_purpose not in ('confirm_signup', 'change_email') then
    raise exception 'invalid purpose' using errcode = '22023';
  end if;
  update private.email_tokens t set used_at = now()
   where t.token_hash = p_token_hash and t.purpose = p_purpose and t.used_at is null and t.expires_at > now()
  returning * into v_token;
  if not found or not private.is_usable_account(v_token.user_id) then
    return null;
  end if;
  if p_purpose = 'confirm_signup' then
    update auth.users u set email_confirmed_at = coalesce(u.email_confirmed_at, now()), updated_at = now()
     where u.id = v_token.user_id;
  else
    if exists (select 1 from auth.users u where lower(u.email) = v_token.new_email and u.id <> v_token.user_id) then
      return null;
    end if;
    select lower(u.email::text) into v_old_email from auth.users u where u.id = v_token.user_id;
    update auth.users u set email = v_token.new_email, email_confirmed_at = now(), updated_at = now()
     where u.id = v_token.user_id;
    -- Other devices signed in under the old address must sign in again.
    update private.sessions s set revoked_at = now(), revoked_reason = 'email_changed'
     where s.user_id = v_token.user_id and s.revoked_at is null;
    perform private.write_audit('account.email_changed', v_token.user_id, '{}'::jsonb);
    if v_old_email is not null and v_old_email <> v_token.new_email then
      insert into private.notices (recipient_email, kind, data)
      values (v_old_email, 'auth.email_changed',
              jsonb_build_object('email', v_token.new_email, 'link', '/'));
    end if;
  end if;
  return v_token.user_id;
end
$$;
