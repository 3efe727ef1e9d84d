-- Foundation: what every domain of the portal builds on.
--
-- The migrations are read in file order, one file per domain or concern:
--   foundation              extensions, schemas, the updated_at trigger
--   places_and_memberships  hubs, cities, organizations, the roles people hold
--                           in them, and the policy helpers that read those roles
--   deliverables            ITU-T Recommendations and U4SSC publications
--   identity                profiles, the built-in provider (sessions, tokens,
--                           rate limits), the audit log
--   mail_outbox             mail waiting to be sent, and the housekeeping job
--   hub_membership          hub descriptions, partners, applications, notices
--   media                   uploaded images
--   news, events            hub news and events
--   search, search_sources  one search across the network, and its records
-- supabase/schema.sql is the result in one file (`npm run schema:dump`);
-- docs/schema.md tells how to read the schema and add a migration.
--
-- Conventions every file follows: every table in public has row-level
-- security, one policy per operation named as a sentence, and grants that
-- give the API roles (anon, authenticated) only the operations and columns
-- the policies then narrow down to rows. Security definer functions set an
-- empty search_path, so a caller cannot shadow the objects they name.
-- supabase/bootstrap.sql, applied before these files, gives a plain
-- PostgreSQL or PGlite what a Supabase project already has (the API roles,
-- auth.users, auth.uid()).

-- Extensions ----------------------------------------------------------------

-- Trigram similarity for typo correction and unaccent for accent-insensitive
-- search (search.sql). In the `extensions` schema, as on Supabase, so that
-- their functions never shadow anything in public.
create extension if not exists pg_trgm with schema extensions;
create extension if not exists unaccent with schema extensions;

-- Schemas ---------------------------------------------------------------------

grant usage on schema public to anon, authenticated, service_role;

-- `private` holds what no API may expose: sessions, tokens, rate limits, the
-- mail outbox, the search machinery. PostgREST serves `public` only, and the
-- API roles hold no privilege on the tables here (they have row-level
-- security on as well). Usage lets the API roles call the few functions
-- granted to them, each a security definer with its own checks.
--
-- Functions get EXECUTE for PUBLIC by default, and a per-schema default
-- privilege cannot take a global default away, so every function created in
-- private revokes it explicitly (and grants only what it must).
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- updated_at --------------------------------------------------------------------

-- Shared by every table with an updated_at column (before update, for each row).
create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
