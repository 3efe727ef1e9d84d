-- What a Supabase project already provides, for a plain PostgreSQL (15+) or PGlite.
-- Every statement checks first, so on a Supabase project this changes nothing.
-- It is applied by `npm run db:migrate` before supabase/migrations, and by
-- `.ci/run` before `supabase db push` in the deploy check.

do $$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I nologin noinherit', r);
    end if;
    -- The connecting role must be able to `set role` to the API roles, as
    -- Supabase's `authenticator` does for PostgREST.
    if not pg_has_role(current_user, r, 'member') then
      execute format('grant %I to %I', r, current_user);
    end if;
  end loop;
  if not exists (select 1 from pg_roles where rolname = 'service_role' and rolbypassrls) then
    begin
      alter role service_role bypassrls;
    exception when insufficient_privilege then
      raise notice 'service_role could not be given bypassrls; the portal does not rely on it';
    end;
  end if;
end
$$;

-- Supabase's default privileges (supabase/postgres, init script
-- 00000000000000-initial-schema.sql): every table, sequence and function that
-- `postgres` (the role `supabase db push` runs migrations as) or
-- `supabase_admin` creates in `public` is granted ALL to anon, authenticated
-- and service_role. Reproduced for the role that runs these files, so that a
-- migration relying on "not granted" fails here as it would on Supabase
-- (docs/schema.md, "Privileges on Supabase"). Only in a database the bootstrap
-- is setting up for the first time (no auth.users yet, created below): a
-- Supabase project always has one, and a later run must not restore defaults
-- that a migration took away. Not keyed on the roles: they are shared by every
-- database of a server, default privileges belong to one database.
do $$
begin
  if to_regclass('auth.users') is null then
    alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
    alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  end if;
end
$$;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- Supabase's auth.users, reduced to the columns the portal reads and writes.
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz,
  banned_until timestamptz,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

do $$
begin
  if to_regprocedure('auth.jwt()') is null then
    create function auth.jwt() returns jsonb
    language sql stable
    as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;
  end if;
  if to_regprocedure('auth.uid()') is null then
    create function auth.uid() returns uuid
    language sql stable
    as $fn$
      select nullif(
        coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
        ),
        ''
      )::uuid
    $fn$;
  end if;
  if to_regprocedure('auth.role()') is null then
    create function auth.role() returns text
    language sql stable
    as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
      )
    $fn$;
  end if;
end
$$;

grant execute on function auth.uid(), auth.jwt(), auth.role() to anon, authenticated, service_role;
