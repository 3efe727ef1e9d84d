-- Rate limits decided in one step, and credentials out of the API roles' reach.
--
-- 1. `private.reserve_rate_limits` counts and decides in one statement under
--    the counters' row locks: two requests for the same key queue on the row,
--    so the n-th sees the n-1 before it, and no more attempts than the limit
--    get through however many arrive at once. (Looking first and counting
--    after the password check let a burst through: every request of the
--    burst looked before any had counted.)
-- 2. The functions that return a password hash or open a session for any
--    account are no longer executable by `anon` or `authenticated`: anyone who
--    could call them as an API role (an exposed `private` schema, a future
--    endpoint) could read hashes or sign in as anyone. They belong to
--    `portal_identity`, a role with no table privileges that only the
--    portal's own server connection can assume, for the few statements of
--    sign-in and password re-checks (as Supabase Auth works as its own
--    `supabase_auth_admin` role, never as `anon`). PostgREST's authenticator
--    is not a member, so no API request can become it.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'portal_identity') then
    create role portal_identity nologin noinherit;
  end if;
  -- The connecting role (the one migrations and the server use) must be able
  -- to `set role portal_identity`, as it can `set role anon`.
  if not pg_has_role(current_user, 'portal_identity', 'member') then
    execute format('grant portal_identity to %I', current_user);
  end if;
end
$$;
grant usage on schema private to portal_identity;

-- Rate limits ------------------------------------------------------------------

-- The stored form of a limited key (an address, an email, a pair): its SHA-256.
create or replace function private.rate_limit_key_hash(p_key text) returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(lower(p_key), 'UTF8')), 'hex')
$$;

-- Reads one check of a reserve/release call, refusing malformed ones.
create or replace function private.rate_limit_check(p_check jsonb)
returns table (bucket text, key_hash text, max_hits integer, window_seconds integer, window_start timestamptz)
language plpgsql stable
set search_path = ''
as $$
declare
  v_bucket text := p_check ->> 'bucket';
  v_key text := p_check ->> 'key';
  v_max integer;
  v_seconds integer;
begin
  if jsonb_typeof(p_check -> 'max') is distinct from 'number'
     or jsonb_typeof(p_check -> 'windowSeconds') is distinct from 'number' then
    raise exception 'invalid rate limit check' using errcode = '22023';
  end if;
  v_max := (p_check ->> 'max')::integer;
  v_seconds := (p_check ->> 'windowSeconds')::integer;
  if v_bucket is null or v_bucket !~ '^[a-z0-9_.:-]{1,64}$' or v_key is null or char_length(v_key) > 500
     or v_max < 1 or v_seconds < 1 or v_seconds > 86400 then
    raise exception 'invalid rate limit check' using errcode = '22023';
  end if;
  return query select
    v_bucket,
    private.rate_limit_key_hash(v_key),
    v_max,
    v_seconds,
    to_timestamp(floor(extract(epoch from now()) / v_seconds) * v_seconds);
end
$$;

-- Counts one attempt on every check, or on none: when any counter has reached
-- its limit, nothing is counted and the longest wait (seconds) is returned;
-- otherwise every counter goes up by one and 0 is returned. Below the limit
-- the counters' rows are locked and stay locked until the caller's
-- transaction ends, which is what makes the decision and the count one step. Checks are locked in the order given;
-- callers pass their buckets in a fixed order (address, pair, account), so
-- two requests never wait on each other crosswise.
create or replace function private.reserve_rate_limits(p_checks jsonb) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_check record;
  v_hits integer;
  v_wait integer;
begin
  if jsonb_typeof(p_checks) is distinct from 'array' or jsonb_array_length(p_checks) not between 1 and 8 then
    raise exception 'invalid rate limit checks' using errcode = '22023';
  end if;
  -- A counter already at its limit refuses without taking any lock: counts
  -- only grow within a window (but for refunds, which make this at worst
  -- refuse one attempt too many), so a flood of refused attempts never
  -- queues on the rows and holds no connection waiting.
  select max(ceil(extract(epoch from (c.window_start + make_interval(secs => c.window_seconds) - now())))::integer)
    into v_wait
    from jsonb_array_elements(p_checks) as e(value)
    cross join lateral private.rate_limit_check(e.value) as c
    join private.rate_limits r
      on r.bucket = c.bucket and r.key_hash = c.key_hash and r.window_start = c.window_start
   where r.hits >= c.max_hits;
  if v_wait is not null then
    return greatest(v_wait, 1);
  end if;
  v_wait := 0;
  for v_check in
    select c.* from jsonb_array_elements(p_checks) with ordinality as e(value, n)
    cross join lateral private.rate_limit_check(e.value) as c
    order by e.n
  loop
    insert into private.rate_limits as r (bucket, key_hash, window_start, hits)
    values (v_check.bucket, v_check.key_hash, v_check.window_start, 0)
    on conflict (bucket, key_hash, window_start) do update set hits = r.hits
    returning r.hits into v_hits;
    if v_hits >= v_check.max_hits then
      v_wait := greatest(v_wait, 1, ceil(extract(epoch from (
        v_check.window_start + make_interval(secs => v_check.window_seconds) - now())))::integer);
    end if;
  end loop;
  if v_wait > 0 then
    return v_wait;
  end if;
  update private.rate_limits r set hits = r.hits + 1
    from jsonb_array_elements(p_checks) as e(value)
    cross join lateral private.rate_limit_check(e.value) as c
   where r.bucket = c.bucket and r.key_hash = c.key_hash and r.window_start = c.window_start;
  -- Older windows of these keys are spent: drop them while the rows are at hand.
  delete from private.rate_limits r
    using jsonb_array_elements(p_checks) as e(value)
    cross join lateral private.rate_limit_check(e.value) as c
   where r.bucket = c.bucket and r.key_hash = c.key_hash and r.window_start < c.window_start;
  return 0;
end
$$;

-- Gives back what reserve_rate_limits counted, for attempts that turned out
-- not to count (the right password). Only the identity role may: refunding
-- is the one way to undo a limit, so no API role can do it.
create or replace function private.release_rate_limits(p_checks jsonb) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if jsonb_typeof(p_checks) is distinct from 'array' or jsonb_array_length(p_checks) not between 1 and 8 then
    raise exception 'invalid rate limit checks' using errcode = '22023';
  end if;
  update private.rate_limits r set hits = greatest(r.hits - 1, 0)
    from jsonb_array_elements(p_checks) as e(value)
    cross join lateral private.rate_limit_check(e.value) as c
   where r.bucket = c.bucket and r.key_hash = c.key_hash and r.window_start = c.window_start;
end
$$;

-- A password reset proves the owner holds the mailbox: it ends the pause that
-- failed sign-ins from unknown browsers put on the account ('sign_in.account',
-- see src/server/http/rate-limit.ts), so the owner can sign in at once.
-- Otherwise as in 20261129200300_identity.sql.
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
  return v_user_id;
end
$$;

-- Administration -------------------------------------------------------------------

-- The account with exactly this address (case-insensitive), for the "grant a
-- role" form. Admins only. (Searching with admin_list_users and keeping the
-- first rows missed "z@…" whenever "az@…" and "bz@…" sorted before it.)
create or replace function private.admin_find_user_by_email(p_email text)
returns table (id uuid, email text)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_platform_admin();
  return query
    select u.id, u.email::text from auth.users u
    where lower(u.email) = lower(trim(p_email)) and u.deleted_at is null;
end
$$;

-- Grants ---------------------------------------------------------------------------

revoke execute on function
  private.rate_limit_key_hash(text),
  private.rate_limit_check(jsonb),
  private.reserve_rate_limits(jsonb),
  private.release_rate_limits(jsonb),
  private.admin_find_user_by_email(text)
  from public;

grant execute on function private.reserve_rate_limits(jsonb) to anon, authenticated;
grant execute on function private.admin_find_user_by_email(text) to authenticated;

-- Hashes and sessions: the identity role only.
revoke execute on function
  private.sign_in_credentials(text),
  private.create_session(uuid, integer, integer, text, text),
  private.my_password_hash()
  from public, anon, authenticated, service_role;
grant execute on function
  private.sign_in_credentials(text),
  private.create_session(uuid, integer, integer, text, text),
  private.my_password_hash(),
  private.release_rate_limits(jsonb)
  to portal_identity;
