-- Identity: who people are and how they sign in.
--
-- User rows stay in auth.users (Supabase's table on a Supabase project, the
-- bootstrap's elsewhere); public.profiles is their public face. The built-in
-- provider keeps its state in the `private` schema: sessions, one-time email
-- tokens and rate limit counters (the mail outbox is mail_outbox.sql). No API
-- exposes that schema and the API roles hold no privilege on its tables, so
-- requests reach it only through the security definer functions below, each
-- with an empty search_path and its own checks. The portal server calls them
-- as `anon` (signed out) or `authenticated` (signed in) inside the request's
-- transaction. Password hashing and verification happen in the server
-- (argon2id); the functions keep the state and enforce what the database can
-- check by itself: who the current session belongs to, token expiry and single
-- use, disabled accounts, and admin-only actions. Every change to roles and
-- accounts is written to public.audit_log, by database code only.

-- profiles --------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 120),
  affiliation text check (char_length(affiliation) <= 200),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Public face of a user account: the name shown beside their work.';
create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();

alter table public.profiles enable row level security;
grant select on public.profiles to anon, authenticated;
grant insert (id, display_name, affiliation) on public.profiles to authenticated;
grant update (display_name, affiliation) on public.profiles to authenticated;
grant delete on public.profiles to authenticated;

create policy "Profiles are visible to visitors" on public.profiles
  for select to anon using (true);
create policy "Profiles are visible to members" on public.profiles
  for select to authenticated using (true);
create policy "Members can create their own profile" on public.profiles
  for insert to authenticated with check (id = (select auth.uid()));
create policy "Members can edit their own profile" on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));
create policy "Profiles can be deleted by their owner or an admin" on public.profiles
  for delete to authenticated using (id = (select auth.uid()) or (select public.is_platform_admin()));

-- The built-in provider's tables -------------------------------------------------

create table private.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_timeout interval not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text check (char_length(revoked_reason) <= 40),
  user_agent text check (char_length(user_agent) <= 300),
  ip_address text check (char_length(ip_address) <= 64)
);
comment on table private.sessions is 'Signed-in sessions of the built-in provider; the session cookie names one by id.';
create index sessions_user_id_idx on private.sessions (user_id);

create table private.email_tokens (
  -- SHA-256 (hex) of the random token sent by mail; the token itself is never stored.
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('confirm_signup', 'reset_password', 'change_email')),
  new_email text check (char_length(new_email) <= 254),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
comment on table private.email_tokens is 'One-time links sent by mail: confirm an address, reset a password, change an address.';
create index email_tokens_user_id_idx on private.email_tokens (user_id, purpose);

create table private.rate_limits (
  bucket text not null,
  -- SHA-256 (hex) of the limited key (an IP address or an email), not the key itself.
  key_hash text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket, key_hash, window_start)
);
comment on table private.rate_limits is 'Fixed-window counters shared by every server instance.';

alter table private.sessions enable row level security;
alter table private.email_tokens enable row level security;
alter table private.rate_limits enable row level security;
revoke all on all tables in schema private from public, anon, authenticated;

-- The audit log ----------------------------------------------------------------

create table public.audit_log (
  id bigint generated always as identity primary key,
  -- No foreign keys: an entry outlives the accounts it names.
  actor_id uuid,
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  target_user_id uuid,
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
comment on table public.audit_log is 'Who changed roles and accounts, what and when. Written only by database functions.';
create index audit_log_created_at_idx on public.audit_log (created_at desc);
create index audit_log_target_user_id_idx on public.audit_log (target_user_id);

alter table public.audit_log enable row level security;
grant select on public.audit_log to authenticated;
create policy "Audit entries are visible to admins" on public.audit_log
  for select to authenticated using ((select public.is_platform_admin()));

create or replace function private.write_audit(p_action text, p_target_user_id uuid, p_details jsonb)
returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, action, target_user_id, details)
  values ((select auth.uid()), p_action, p_target_user_id, coalesce(p_details, '{}'::jsonb));
$$;

-- Every grant and revocation of a role is recorded, whoever makes it (the admin
-- page, the create-admin script, the seed): the trigger cannot be bypassed by
-- the API roles, which have no privilege on audit_log beyond reading it.
create or replace function private.audit_membership_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row public.memberships;
begin
  if tg_op = 'DELETE' then
    v_row := old;
  else
    v_row := new;
  end if;
  perform private.write_audit(
    case when tg_op = 'DELETE' then 'role.revoked' else 'role.granted' end,
    v_row.user_id,
    jsonb_strip_nulls(jsonb_build_object(
      'role', v_row.role,
      'hub_id', v_row.hub_id,
      'city_id', v_row.city_id,
      'organization_id', v_row.organization_id,
      'membership_id', v_row.id
    ))
  );
  return null;
end
$$;

create trigger memberships_audit after insert or delete on public.memberships
  for each row execute function private.audit_membership_change();

revoke execute on function private.write_audit(text, uuid, jsonb), private.audit_membership_change()
  from public, anon, authenticated;

-- Rate limits ------------------------------------------------------------------

-- Counts one hit (p_count) or only looks (not p_count) in a fixed window and
-- returns how many seconds the caller must wait: 0 means go ahead.
create or replace function private.rate_limit(
  p_bucket text, p_key text, p_max integer, p_window_seconds integer, p_count boolean
) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_window timestamptz;
  v_key text;
  v_hits integer;
begin
  if p_bucket !~ '^[a-z0-9_.:-]{1,64}$' or p_key is null or char_length(p_key) > 500
     or p_max < 1 or p_window_seconds < 1 or p_window_seconds > 86400 then
    raise exception 'invalid rate limit arguments' using errcode = '22023';
  end if;
  v_window := to_timestamp(floor(extract(epoch from now()) / p_window_seconds) * p_window_seconds);
  v_key := encode(sha256(convert_to(lower(p_key), 'UTF8')), 'hex');
  if p_count then
    insert into private.rate_limits as r (bucket, key_hash, window_start, hits)
    values (p_bucket, v_key, v_window, 1)
    on conflict (bucket, key_hash, window_start) do update set hits = r.hits + 1
    returning r.hits into v_hits;
    -- Older windows of this key are spent: drop them while the row is at hand.
    delete from private.rate_limits r
     where r.bucket = p_bucket and r.key_hash = v_key and r.window_start < v_window;
    if v_hits <= p_max then
      return 0;
    end if;
  else
    select r.hits into v_hits from private.rate_limits r
     where r.bucket = p_bucket and r.key_hash = v_key and r.window_start = v_window;
    if coalesce(v_hits, 0) < p_max then
      return 0;
    end if;
  end if;
  return greatest(1, ceil(extract(epoch from (v_window + make_interval(secs => p_window_seconds) - now())))::integer);
end
$$;


-- Helpers ------------------------------------------------------------------------

create or replace function private.is_valid_email(p_email text) returns boolean
language sql immutable
set search_path = ''
as $$
  select p_email is not null and char_length(p_email) <= 254
     and p_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
$$;

create or replace function private.is_usable_account(p_user_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from auth.users u
    where u.id = p_user_id and u.deleted_at is null
      and (u.banned_until is null or u.banned_until <= now())
  )
$$;

create or replace function private.check_token_args(p_token_hash text, p_ttl_seconds integer) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_token_hash is null or p_token_hash !~ '^[0-9a-f]{64}$' then
    raise exception 'invalid token hash' using errcode = '22023';
  end if;
  if p_ttl_seconds is null or p_ttl_seconds < 60 or p_ttl_seconds > 7 * 86400 then
    raise exception 'invalid token lifetime' using errcode = '22023';
  end if;
end
$$;


-- Sign-up and confirmation ---------------------------------------------------------

-- Registers an unconfirmed account with a confirmation token. Returns
-- 'created', 'unconfirmed' (the address exists but was never confirmed: a new
-- token is issued, the password is left as it was) or 'exists'.
create or replace function private.sign_up(
  p_email text, p_password_hash text, p_display_name text, p_token_hash text, p_ttl_seconds integer
) returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_email text := lower(trim(p_email));
  v_user auth.users;
  v_id uuid;
begin
  perform private.check_token_args(p_token_hash, p_ttl_seconds);
  if not private.is_valid_email(v_email) then
    raise exception 'invalid email' using errcode = '22023';
  end if;
  if p_password_hash is null or p_password_hash !~ '^\$argon2id\$' then
    raise exception 'invalid password hash' using errcode = '22023';
  end if;
  if p_display_name is null or char_length(trim(p_display_name)) not between 1 and 120 then
    raise exception 'invalid display name' using errcode = '22023';
  end if;

  select * into v_user from auth.users u where lower(u.email) = v_email;
  if found then
    if v_user.email_confirmed_at is null and v_user.deleted_at is null then
      insert into private.email_tokens (token_hash, user_id, purpose, expires_at)
      values (p_token_hash, v_user.id, 'confirm_signup', now() + make_interval(secs => p_ttl_seconds));
      return 'unconfirmed';
    end if;
    return 'exists';
  end if;

  insert into auth.users (email, encrypted_password, raw_app_meta_data, raw_user_meta_data)
  values (
    v_email, p_password_hash,
    '{"provider":"email","providers":["email"]}'::jsonb,
    jsonb_build_object('display_name', trim(p_display_name))
  )
  returning id into v_id;
  insert into public.profiles (id, display_name) values (v_id, trim(p_display_name));
  insert into private.email_tokens (token_hash, user_id, purpose, expires_at)
  values (p_token_hash, v_id, 'confirm_signup', now() + make_interval(secs => p_ttl_seconds));
  return 'created';
end
$$;

-- Spends a confirmation or email-change token. Returns the user id, or null
-- when the token is unknown, used, expired, or the new address got taken.
create or replace function private.use_email_token(p_token_hash text, p_purpose text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_token private.email_tokens;
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
    update auth.users u set email = v_token.new_email, email_confirmed_at = now(), updated_at = now()
     where u.id = v_token.user_id;
    -- Other devices signed in under the old address must sign in again.
    update private.sessions s set revoked_at = now(), revoked_reason = 'email_changed'
     where s.user_id = v_token.user_id and s.revoked_at is null;
    perform private.write_audit('account.email_changed', v_token.user_id, '{}'::jsonb);
  end if;
  return v_token.user_id;
end
$$;

-- Sign-in and sessions -------------------------------------------------------------

-- What the server needs to verify a password. The hash never leaves the server.
create or replace function private.sign_in_credentials(p_email text)
returns table (user_id uuid, password_hash text, email_confirmed boolean, usable boolean)
language sql stable security definer
set search_path = ''
as $$
  select u.id, u.encrypted_password::text, u.email_confirmed_at is not null, private.is_usable_account(u.id)
  from auth.users u
  where lower(u.email) = lower(trim(p_email)) and u.deleted_at is null
$$;

-- Opens a new session for a confirmed, usable account after the server has
-- verified the password. Returns what goes into the session token.
create or replace function private.create_session(
  p_user_id uuid, p_idle_seconds integer, p_absolute_seconds integer, p_user_agent text, p_ip text
) returns table (session_id uuid, expires_at timestamptz, email text, app_metadata jsonb, user_metadata jsonb)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_session private.sessions;
begin
  if p_idle_seconds < 60 or p_absolute_seconds < p_idle_seconds or p_absolute_seconds > 90 * 86400 then
    raise exception 'invalid session lifetime' using errcode = '22023';
  end if;
  if not exists (
    select 1 from auth.users u where u.id = p_user_id and u.email_confirmed_at is not null
  ) or not private.is_usable_account(p_user_id) then
    raise exception 'account cannot sign in' using errcode = '42501';
  end if;
  insert into private.sessions (user_id, idle_timeout, expires_at, user_agent, ip_address)
  values (
    p_user_id, make_interval(secs => p_idle_seconds), now() + make_interval(secs => p_absolute_seconds),
    left(p_user_agent, 300), left(p_ip, 64)
  )
  returning * into v_session;
  return query
    select v_session.id, v_session.expires_at, u.email::text, u.raw_app_meta_data, u.raw_user_meta_data
    from auth.users u where u.id = p_user_id;
end
$$;

-- The per-request check of the signed-in session named by the verified token's
-- claims: not revoked, not idle too long, not past its absolute expiry, the
-- account neither disabled nor deleted. Refreshes last_seen_at at most once a
-- minute, so most requests only read.
create or replace function private.validate_session() returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_sid_text text := auth.jwt() ->> 'session_id';
  v_uid uuid := auth.uid();
  v_stale boolean;
begin
  if v_uid is null or v_sid_text is null
     or v_sid_text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  select s.last_seen_at < now() - interval '1 minute' into v_stale
  from private.sessions s
  join auth.users u on u.id = s.user_id
  where s.id = v_sid_text::uuid and s.user_id = v_uid and s.revoked_at is null
    and s.expires_at > now() and s.last_seen_at + s.idle_timeout > now()
    and u.deleted_at is null and (u.banned_until is null or u.banned_until <= now());
  if not found then
    return false;
  end if;
  if v_stale then
    update private.sessions s set last_seen_at = now() where s.id = v_sid_text::uuid;
  end if;
  return true;
end
$$;

-- Ends the current session (sign out), or one of the user's other sessions.
create or replace function private.end_session(p_session_id uuid) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_target uuid := coalesce(p_session_id, nullif(auth.jwt() ->> 'session_id', '')::uuid);
begin
  update private.sessions s set revoked_at = now(), revoked_reason = 'signed_out'
   where s.id = v_target and s.user_id = (select auth.uid()) and s.revoked_at is null;
  return found;
end
$$;

-- Ends every session of the user except the current one.
create or replace function private.end_other_sessions() returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  update private.sessions s set revoked_at = now(), revoked_reason = 'signed_out_elsewhere'
   where s.user_id = (select auth.uid()) and s.revoked_at is null
     and s.id is distinct from nullif(auth.jwt() ->> 'session_id', '')::uuid;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- The user's own active sessions, for the account page.
create or replace function private.list_my_sessions()
returns table (id uuid, created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz,
               user_agent text, ip_address text, is_current boolean)
language sql stable security definer
set search_path = ''
as $$
  select s.id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip_address,
         s.id::text = (auth.jwt() ->> 'session_id')
  from private.sessions s
  where s.user_id = (select auth.uid()) and s.revoked_at is null and s.expires_at > now()
    and s.last_seen_at + s.idle_timeout > now()
  order by s.last_seen_at desc
  limit 50
$$;

-- Passwords ----------------------------------------------------------------------

-- Issues a reset token when the address belongs to a usable account; returns
-- whether it did (the page says the same either way).
create or replace function private.request_password_reset(p_email text, p_token_hash text, p_ttl_seconds integer)
returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  perform private.check_token_args(p_token_hash, p_ttl_seconds);
  select u.id into v_id from auth.users u where lower(u.email) = lower(trim(p_email)) and u.deleted_at is null;
  if v_id is null or not private.is_usable_account(v_id) then
    return false;
  end if;
  insert into private.email_tokens (token_hash, user_id, purpose, expires_at)
  values (p_token_hash, v_id, 'reset_password', now() + make_interval(secs => p_ttl_seconds));
  return true;
end
$$;

-- True when a reset token can still be used (the reset form shows or explains).
create or replace function private.reset_token_is_valid(p_token_hash text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from private.email_tokens t
    where t.token_hash = p_token_hash and t.purpose = 'reset_password' and t.used_at is null and t.expires_at > now()
  )
$$;

-- Sets a new password with a reset token; ends every session and spends every
-- outstanding reset token of the account. The link proves the address, so an
-- unconfirmed account becomes confirmed.
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
  perform private.write_audit('account.password_reset', v_user_id, '{}'::jsonb);
  return v_user_id;
end
$$;

-- The signed-in user's own password hash, to check their current password
-- before a sensitive change.
create or replace function private.my_password_hash() returns text
language sql stable security definer
set search_path = ''
as $$
  select u.encrypted_password::text from auth.users u where u.id = (select auth.uid())
$$;

-- Changes the signed-in user's password and ends their other sessions.
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
end
$$;

-- Starts an address change: the new address must confirm it by mail. Returns
-- 'issued', 'same' or 'taken' (the server says the same for 'taken' and
-- 'issued', so the form reveals nothing about other accounts).
create or replace function private.request_email_change(p_new_email text, p_token_hash text, p_ttl_seconds integer)
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_email text := lower(trim(p_new_email));
begin
  perform private.check_token_args(p_token_hash, p_ttl_seconds);
  if auth.uid() is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  if not private.is_valid_email(v_email) then
    raise exception 'invalid email' using errcode = '22023';
  end if;
  if exists (select 1 from auth.users u where u.id = auth.uid() and lower(u.email) = v_email) then
    return 'same';
  end if;
  if exists (select 1 from auth.users u where lower(u.email) = v_email) then
    return 'taken';
  end if;
  insert into private.email_tokens (token_hash, user_id, purpose, new_email, expires_at)
  values (p_token_hash, auth.uid(), 'change_email', v_email, now() + make_interval(secs => p_ttl_seconds));
  return 'issued';
end
$$;

-- The signed-in user's own account row, for the account page.
create or replace function private.my_account()
returns table (id uuid, email text, email_confirmed_at timestamptz, created_at timestamptz, pending_email text)
language sql stable security definer
set search_path = ''
as $$
  select u.id, u.email::text, u.email_confirmed_at, u.created_at,
         (select t.new_email from private.email_tokens t
           where t.user_id = u.id and t.purpose = 'change_email' and t.used_at is null and t.expires_at > now()
           order by t.created_at desc limit 1)
  from auth.users u where u.id = (select auth.uid())
$$;

-- Deletes the signed-in user's account (profile and roles go with it).
create or replace function private.delete_my_account() returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  perform private.write_audit('account.deleted', v_uid, '{}'::jsonb);
  delete from auth.users u where u.id = v_uid;
end
$$;

-- Administration -------------------------------------------------------------------

create or replace function private.require_platform_admin() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if not public.is_platform_admin() then
    raise exception 'only a platform admin can do this' using errcode = '42501';
  end if;
end
$$;

-- Accounts with their roles, for /admin/members. Admins only.
create or replace function private.admin_list_users(p_search text, p_limit integer, p_offset integer)
returns table (id uuid, email text, display_name text, email_confirmed boolean, disabled boolean,
               created_at timestamptz, total bigint)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_pattern text := '%' || replace(replace(replace(coalesce(trim(p_search), ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  perform private.require_platform_admin();
  return query
    select u.id, u.email::text, p.display_name, u.email_confirmed_at is not null,
           u.banned_until is not null and u.banned_until > now(), u.created_at,
           count(*) over ()
    from auth.users u
    left join public.profiles p on p.id = u.id
    where u.deleted_at is null
      and (u.email ilike v_pattern or coalesce(p.display_name, '') ilike v_pattern)
    order by lower(u.email)
    limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0);
end
$$;

-- Disables (ending every session) or re-enables an account. Admins only, and
-- never their own account.
create or replace function private.admin_set_user_disabled(p_user_id uuid, p_disabled boolean) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform private.require_platform_admin();
  if p_user_id = auth.uid() then
    raise exception 'admins cannot disable their own account' using errcode = '42501';
  end if;
  update auth.users u
     set banned_until = case when p_disabled then 'infinity'::timestamptz else null end, updated_at = now()
   where u.id = p_user_id and u.deleted_at is null;
  if not found then
    return false;
  end if;
  if p_disabled then
    update private.sessions s set revoked_at = now(), revoked_reason = 'account_disabled'
     where s.user_id = p_user_id and s.revoked_at is null;
  end if;
  perform private.write_audit(
    case when p_disabled then 'account.disabled' else 'account.enabled' end, p_user_id, '{}'::jsonb
  );
  return true;
end
$$;

-- Grants ---------------------------------------------------------------------------

-- Nothing in private is callable unless granted here (and in later files, for
-- their own functions).
revoke execute on all functions in schema private from public, anon, authenticated;

-- For signed-out visitors as well: rate limits, sign-up, sign-in, password reset.
grant execute on function
  private.rate_limit(text, text, integer, integer, boolean),
  private.sign_up(text, text, text, text, integer),
  private.use_email_token(text, text),
  private.sign_in_credentials(text),
  private.create_session(uuid, integer, integer, text, text),
  private.request_password_reset(text, text, integer),
  private.reset_token_is_valid(text),
  private.reset_password(text, text)
  to anon, authenticated;

-- For signed-in users only: their session and account, and the admin pages
-- (which check the admin role themselves).
grant execute on function
  private.validate_session(),
  private.end_session(uuid),
  private.end_other_sessions(),
  private.list_my_sessions(),
  private.my_password_hash(),
  private.change_my_password(text),
  private.request_email_change(text, text, integer),
  private.my_account(),
  private.delete_my_account(),
  private.admin_list_users(text, integer, integer),
  private.admin_set_user_disabled(uuid, boolean)
  to authenticated;
