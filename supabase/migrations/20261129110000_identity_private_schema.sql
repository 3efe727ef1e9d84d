-- Identity for the built-in provider: sessions, one-time email tokens, rate
-- limit counters and the mail outbox live in the `private` schema, which no API
-- exposes (PostgREST serves `public` only) and on which the API roles hold no
-- table privileges. Requests reach it only through the security definer
-- functions below, each with an empty search_path and its own checks.
-- User rows stay in auth.users (Supabase's table on a Supabase project, the
-- bootstrap's elsewhere) and public.profiles.

create schema if not exists private;
revoke all on schema private from public;
-- Usage lets the API roles call the functions granted to them; it gives no
-- access to the tables, which have no grants and row-level security on.
grant usage on schema private to anon, authenticated, service_role;
alter default privileges in schema private revoke execute on functions from public;

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
  last_error text
);
comment on table private.outbox is 'Mail waiting to be sent (SMTP) or shown in the development mailbox.';
create index outbox_unsent_idx on private.outbox (created_at) where sent_at is null;

alter table private.sessions enable row level security;
alter table private.email_tokens enable row level security;
alter table private.rate_limits enable row level security;
alter table private.outbox enable row level security;
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
