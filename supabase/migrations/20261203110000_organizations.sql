-- Organizations register as partners of the network (issue 13).
--
-- places_and_memberships.sql made organizations a table with a review status
-- and members with the role `org_member`, verified by admins only. This file
-- makes registration something people do themselves, and gives an
-- organization what it needs to be found and to work as a team:
--
--   review       pending -> verified | declined (with a reason), decided by a
--                coordinator of one of the hubs it chose or a platform admin;
--                a declined organization's admins may submit it again. Who
--                may move which state is the guard trigger below.
--   profile      description, size band, regions and countries served, KPI
--                dimensions, the ITU-T Recommendations it implements
--                (organization_deliverables), offerings (title, description,
--                themes, SDGs), the terms version its registrant accepted.
--   team         `memberships.org_role` (admin | member) on the org_member
--                role: admins edit the organization and its team; an
--                organization that has members always keeps an admin (a
--                trigger refuses the change that would leave none).
--   invitations  by e-mail, single use, with an expiry, bound to the invited
--                address; only the SHA-256 of the token is stored.
--   join         requests to join an existing organization (what duplicate
--                detection offers instead of registering a copy).
--   contact      requests from signed-in people to an organization's admins.
--   drafts       the registration form's progress, kept between steps and
--                visits (one draft per person).
--   notices      mail about all of this goes through the portal's notices
--                (private.notices, worded from i18n): private.record_organization_notice
--                decides who receives it from the record itself, so no
--                request can choose its recipients.
--   personal     every person's data as JSON from registered per-domain
--     data       sources (private.export_my_personal_data), and account
--                deletion that keeps what belongs to an organization or a
--                city, attributed to "a former member".
--
-- Helpers added for policies: public.is_org_admin(org) and
-- public.is_organization_reviewer(org). Everything new starts from no
-- privileges (docs/schema.md, "Privileges on Supabase").

-- 1. Organizations: review states and the profile ------------------------------

alter table public.organizations drop constraint organizations_status_check;
update public.organizations set status = 'declined' where status = 'rejected';

-- True for an absolute http(s) URL whose host is a public domain name or a
-- public IP address: not localhost, a .local/.internal/.localhost/.home.arpa
-- name, an RFC 1918, loopback, link-local, CGNAT or unspecified IPv4 address,
-- nor an IPv6 loopback, link-local, unique-local (ULA) or IPv4-mapped one,
-- and no user name or password before the host. The form says the same
-- (src/lib/organizations/website.ts); this is the check nothing can bypass.
create or replace function public.is_public_website_url(url text) returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  v_authority text;
  v_host text;
  v_address inet;
begin
  if url is null then
    return true;
  end if;
  if char_length(url) > 500 or url !~* '^https?://[^/?#]' or url ~ '[[:space:][:cntrl:]]' then
    return false;
  end if;
  v_authority := substring(url from '^[A-Za-z]+://([^/?#]*)');
  if v_authority like '%@%' then
    return false;
  end if;
  if v_authority like '[%' then
    v_host := substring(v_authority from '^\[([^\]]+)\]');
  else
    v_host := lower(regexp_replace(v_authority, ':[0-9]*$', ''));
  end if;
  if v_host is null or v_host = '' then
    return false;
  end if;
  if v_host ~ '^[0-9.]+$' or v_host ~ ':' then
    begin
      v_address := v_host::inet;
    exception when others then
      return false;
    end;
    return not (
      v_address <<= '0.0.0.0/8' or v_address <<= '10.0.0.0/8' or v_address <<= '100.64.0.0/10'
      or v_address <<= '127.0.0.0/8' or v_address <<= '169.254.0.0/16' or v_address <<= '172.16.0.0/12'
      or v_address <<= '192.168.0.0/16' or v_address <<= '255.255.255.255/32'
      or v_address <<= '::/128' or v_address <<= '::1/128' or v_address <<= 'fc00::/7'
      or v_address <<= 'fe80::/10' or v_address <<= '::ffff:0.0.0.0/96'
    );
  end if;
  v_host := rtrim(v_host, '.');
  if v_host = 'localhost' or v_host ~ '\.(localhost|local|internal|home\.arpa)$' then
    return false;
  end if;
  -- A domain name: labels of letters, digits and hyphens, a top-level label
  -- that is not all digits (browsers read "2130706433" or "0x7f.1" as IPs).
  return v_host ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$';
end
$$;
revoke all on function public.is_public_website_url(text) from public, anon, authenticated, service_role;
grant execute on function public.is_public_website_url(text) to anon, authenticated;

-- The part of a name that tells organizations apart: accents folded, lower
-- case, legal forms ("GmbH", "Ltd") and punctuation dropped. Trigram
-- similarity on it finds "Sensorwerk" for "Sensorwerk GmbH".
create or replace function public.organization_name_key(name text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select btrim(regexp_replace(regexp_replace(
    public.search_normalize(name),
    '\m(gmbh|ltd|limited|inc|llc|ag|sa|sas|srl|spa|bv|nv|plc|oy|ab|as|asa|aps|co|corp|corporation|company|kg|ug|e\.?v|demo)\M\.?', ' ', 'g'),
    '[^a-z0-9]+', ' ', 'g'))
$$;
revoke all on function public.organization_name_key(text) from public, anon, authenticated, service_role;
-- Evaluated by the name index below whenever a row is written.
grant execute on function public.organization_name_key(text) to anon, authenticated;

alter table public.organizations
  add constraint organizations_status_check check (status in ('pending', 'verified', 'declined')),
  add constraint organizations_website_is_public check (public.is_public_website_url(website_url)),
  -- Addresses of the directory's and dashboard's own pages (/directory/match,
  -- /organizations/review…), which a page address would hide.
  add constraint organizations_slug_not_reserved check (slug not in ('match', 'review', 'sent', 'invitation', 'new')),
  add column description text not null default '' check (char_length(description) <= 4000),
  add column size_band text check (size_band in ('micro', 'small', 'medium', 'large')),
  add column regions_served text[] not null default '{}'
    check (regions_served <@ array['africa', 'americas', 'arab-states', 'asia-pacific', 'europe', 'cis', 'global']),
  add column countries_served text[] not null default '{}'
    check (cardinality(countries_served) <= 249 and array_to_string(countries_served, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$'),
  add column kpi_dimensions text[] not null default '{}' check (kpi_dimensions <@ array['EC', 'EN', 'SC']),
  -- The website's host without "www.", for duplicate detection.
  add column website_host text generated always as (
    regexp_replace(lower(substring(website_url from '^[A-Za-z]+://([^/:?#]+)')), '^www\.', '')
  ) stored,
  add column submitted_at timestamptz,
  add column decided_at timestamptz,
  add column decided_by uuid references auth.users (id) on delete set null,
  add column decline_reason text check (char_length(decline_reason) <= 2000),
  add column verified_at timestamptz,
  add column terms_version text check (char_length(terms_version) between 1 and 40),
  add column terms_accepted_at timestamptz,
  add constraint organizations_decline_has_reason check (
    status <> 'declined' or char_length(btrim(coalesce(decline_reason, ''))) > 0
  ),
  -- A registration made by a person carries the terms they accepted; seeded
  -- and imported rows (no creator) do not.
  add constraint organizations_registrant_accepted_terms check (
    created_by is null or (terms_version is not null and terms_accepted_at is not null)
  );
comment on column public.organizations.verified_at is 'When it was first verified: "member since" on its page.';
comment on column public.organizations.website_host is 'Host of website_url without www., for duplicate detection.';

update public.organizations set verified_at = created_at where status = 'verified' and verified_at is null;
update public.organizations set submitted_at = created_at where submitted_at is null;

create index organizations_website_host_idx on public.organizations (website_host) where website_host is not null;
create index organizations_name_key_trgm_idx on public.organizations
  using gin (public.organization_name_key(name) extensions.gin_trgm_ops);
create index organizations_kind_idx on public.organizations (kind);
create index organizations_regions_served_idx on public.organizations using gin (regions_served);
create index organizations_countries_served_idx on public.organizations using gin (countries_served);

-- `id` too: the registration chooses the new row's id, so that it needs no
-- RETURNING (the row becomes visible to its registrant only when the trigger
-- below has made them its admin, at the end of the statement).
grant insert (id, description, size_band, regions_served, countries_served, kpi_dimensions, terms_version)
  on public.organizations to authenticated;
grant update (description, size_band, regions_served, countries_served, kpi_dimensions, decline_reason)
  on public.organizations to authenticated;

-- 2. Team roles ----------------------------------------------------------------

alter table public.memberships
  add column org_role text check (org_role in ('admin', 'member'));
-- Whoever held org_member before this file registered or ran the organization.
update public.memberships set org_role = 'admin' where role = 'org_member';
alter table public.memberships
  add constraint memberships_org_role_matches_role check ((role = 'org_member') = (org_role is not null));
comment on column public.memberships.org_role is
  'For org_member: admin (edits the organization and its team) or member (reads it).';
create index memberships_org_admins_idx on public.memberships (organization_id, user_id)
  where role = 'org_member' and org_role = 'admin';

-- A grant of org_member that names no org_role (the admin page, older code)
-- is a plain member.
create or replace function public.default_org_role() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.role = 'org_member' and new.org_role is null then
    new.org_role := 'member';
  end if;
  return new;
end
$$;
create trigger memberships_default_org_role before insert on public.memberships
  for each row execute function public.default_org_role();

create or replace function public.is_org_admin(target_org_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    where m.user_id = (select auth.uid()) and m.role = 'org_member' and m.org_role = 'admin'
      and m.organization_id = target_org_id
  )
$$;

grant update (org_role) on public.memberships to authenticated;
create policy "Organization roles can be changed by the organization's admins and platform admins" on public.memberships
  for update to authenticated
  using (role = 'org_member' and (public.is_org_admin(organization_id) or (select public.is_platform_admin())))
  with check (role = 'org_member' and (public.is_org_admin(organization_id) or (select public.is_platform_admin())));
create policy "Organization members can be removed by its admins, and can leave" on public.memberships
  for delete to authenticated
  using (role = 'org_member' and (user_id = (select auth.uid()) or public.is_org_admin(organization_id)));

-- An organization with members always has an admin. Immediate, so the use
-- case that makes the change gets the refusal (as a constraint violation
-- named memberships_keep_an_org_admin) and can say why.
create or replace function public.keep_an_organization_admin() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if old.role <> 'org_member' then
    return null;
  end if;
  if exists (select 1 from public.organizations o where o.id = old.organization_id)
     and exists (select 1 from public.memberships m
                  where m.organization_id = old.organization_id and m.role = 'org_member')
     and not exists (select 1 from public.memberships m
                      where m.organization_id = old.organization_id and m.role = 'org_member'
                        and m.org_role = 'admin') then
    raise exception 'an organization with members keeps at least one admin'
      using errcode = '23514', constraint = 'memberships_keep_an_org_admin';
  end if;
  return null;
end
$$;
create trigger memberships_keep_an_org_admin after update of org_role or delete on public.memberships
  for each row execute function public.keep_an_organization_admin();

create or replace function private.audit_org_role_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.org_role is distinct from old.org_role then
    perform private.write_audit('role.changed', new.user_id, jsonb_build_object(
      'role', new.role, 'organization_id', new.organization_id, 'membership_id', new.id,
      'from', old.org_role, 'to', new.org_role));
  end if;
  return null;
end
$$;
create trigger memberships_audit_org_role after update of org_role on public.memberships
  for each row execute function private.audit_org_role_change();

-- Asking a hub to take the organization in is the organization's decision:
-- its admins make it (a plain member reads the team, not more).
drop policy "City editors and organization members can apply to join a hub" on public.hub_membership_applications;
create policy "City editors and organization admins can apply to join a hub" on public.hub_membership_applications
  for insert to authenticated
  with check (
    applicant_id = (select auth.uid())
    and status = 'pending'
    and (
      (city_id is not null and public.is_city_editor(city_id))
      or (
        organization_id is not null and public.is_org_admin(organization_id)
        and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified')
      )
    )
  );

-- 3. The hubs an organization asked to join when it registered ------------------
-- Their coordinators review it; on verification the organization becomes a
-- partner of the hubs its reviewer coordinates (all of them for an admin) and
-- applies to the others through hub_membership_applications.

create table public.organization_hub_requests (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  hub_id uuid not null references public.hubs (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (organization_id, hub_id)
);
comment on table public.organization_hub_requests is
  'The hubs an organization chose at registration; their coordinators review it.';
create index organization_hub_requests_hub_id_idx on public.organization_hub_requests (hub_id);

create or replace function public.is_organization_reviewer(target_org_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.organization_hub_requests r
    join public.memberships m on m.hub_id = r.hub_id and m.role = 'hub_coordinator'
    where r.organization_id = target_org_id and m.user_id = (select auth.uid())
  )
$$;

revoke all on function public.is_org_admin(uuid), public.is_organization_reviewer(uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.is_org_admin(uuid), public.is_organization_reviewer(uuid)
  to anon, authenticated, service_role;

revoke all on public.organization_hub_requests from anon, authenticated, service_role;
grant select, delete on public.organization_hub_requests to authenticated;
grant insert (organization_id, hub_id) on public.organization_hub_requests to authenticated;
alter table public.organization_hub_requests enable row level security;
create policy "Hub requests are visible to the organization's members, the hubs' coordinators and admins"
  on public.organization_hub_requests for select to authenticated
  using (public.is_org_member(organization_id) or public.is_hub_coordinator(hub_id) or (select public.is_platform_admin()));
create policy "Admins of a pending organization choose its hubs" on public.organization_hub_requests
  for insert to authenticated
  with check (
    public.is_org_admin(organization_id)
    and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'pending')
  );
create policy "Admins of a pending organization can drop a hub it chose" on public.organization_hub_requests
  for delete to authenticated
  using (
    public.is_org_admin(organization_id)
    and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'pending')
  );

-- 4. Who sees and edits organizations, and who moves their state -----------------

drop policy "Verified organizations, and their own, are visible to members" on public.organizations;
drop policy "Organizations can be edited by their members and admins" on public.organizations;

create policy "Verified organizations, their own and those they review are visible to members"
  on public.organizations for select to authenticated
  using (
    status = 'verified'
    or public.is_org_member(id)
    or public.is_organization_reviewer(id)
    or (select public.is_platform_admin())
  );
create policy "Organizations can be edited by their admins and platform admins" on public.organizations
  for update to authenticated
  using (public.is_org_admin(id) or (select public.is_platform_admin()))
  with check (public.is_org_admin(id) or (select public.is_platform_admin()));
create policy "Pending organizations can be decided by coordinators of a hub they chose" on public.organizations
  for update to authenticated
  using (status = 'pending' and public.is_organization_reviewer(id))
  with check (public.is_organization_reviewer(id));

-- What each person may do to the status (the table owner, i.e. the seed and
-- migrations, is not limited):
--   pending  -> verified | declined   a reviewing coordinator or a platform admin
--   declined -> pending               the organization's admins (submit again) or a platform admin
--   verified -> anything              a platform admin
-- A reviewing coordinator who is not one of its admins changes nothing but
-- the status and the reason. Decisions are stamped (who, when; the first
-- verification is "member since").
create or replace function public.guard_organization_status() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_api boolean := current_user in ('anon', 'authenticated');
  v_admin boolean;
  v_allowed boolean;
begin
  if new.status is distinct from old.status then
    if v_api then
      v_admin := public.is_platform_admin();
      v_allowed := case
        when old.status = 'pending' and new.status in ('verified', 'declined')
          then v_admin or public.is_organization_reviewer(old.id)
        when old.status = 'declined' and new.status = 'pending'
          then v_admin or public.is_org_admin(old.id)
        else v_admin
      end;
      if not v_allowed then
        raise exception 'you cannot move this organization from % to %', old.status, new.status
          using errcode = '42501';
      end if;
    end if;
    if new.status = 'pending' then
      new.submitted_at := now();
      new.decline_reason := null;
    else
      new.decided_at := now();
      new.decided_by := (select auth.uid());
    end if;
    if new.status = 'verified' then
      new.verified_at := coalesce(old.verified_at, now());
      new.decline_reason := null;
    end if;
  elsif v_api and new.decline_reason is distinct from old.decline_reason and not public.is_platform_admin() then
    raise exception 'the reason is given with the decision' using errcode = '42501';
  end if;
  if v_api and not public.is_org_admin(old.id) and not public.is_platform_admin()
     and (to_jsonb(new) - array['status', 'decline_reason', 'decided_at', 'decided_by', 'verified_at',
                                'submitted_at', 'updated_at', 'website_host'])
         is distinct from
         (to_jsonb(old) - array['status', 'decline_reason', 'decided_at', 'decided_by', 'verified_at',
                                'submitted_at', 'updated_at', 'website_host']) then
    raise exception 'reviewers decide; the organization''s admins edit it' using errcode = '42501';
  end if;
  return new;
end
$$;

-- A registration by a person: it starts pending, with the time they accepted
-- the terms and submitted it, both taken from the clock here.
create or replace function public.stamp_new_organization() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    new.submitted_at := now();
    new.terms_accepted_at := case when new.terms_version is not null then now() end;
    new.decided_at := null;
    new.decided_by := null;
    new.verified_at := null;
  else
    new.submitted_at := coalesce(new.submitted_at, now());
    new.terms_accepted_at := coalesce(new.terms_accepted_at, case when new.terms_version is not null then now() end);
    if new.status = 'verified' then
      new.verified_at := coalesce(new.verified_at, now());
    end if;
  end if;
  return new;
end
$$;
create trigger organizations_stamp_new before insert on public.organizations
  for each row execute function public.stamp_new_organization();

-- Whoever registers an organization becomes its first admin.
create or replace function public.add_registrant_as_admin() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.created_by is not null and new.created_by = (select auth.uid()) then
    insert into public.memberships (user_id, role, organization_id, org_role, created_by)
    values (new.created_by, 'org_member', new.id, 'admin', new.created_by)
    on conflict do nothing;
  end if;
  return null;
end
$$;
create trigger organizations_add_registrant_as_admin after insert on public.organizations
  for each row execute function public.add_registrant_as_admin();

-- On verification: partner of the hubs the decider coordinates (every chosen
-- hub for a platform admin), an application to each of the others, filed in
-- the name of one of the organization's admins.
create or replace function public.join_hubs_on_verification() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin boolean := public.is_platform_admin();
  v_applicant uuid;
  r record;
begin
  if new.status <> 'verified' or old.status = 'verified' then
    return null;
  end if;
  select coalesce(
    (select m.user_id from public.memberships m
      where m.organization_id = new.id and m.role = 'org_member' and m.org_role = 'admin'
        and m.user_id = new.created_by),
    (select m.user_id from public.memberships m
      where m.organization_id = new.id and m.role = 'org_member' and m.org_role = 'admin'
      order by m.created_at limit 1)
  ) into v_applicant;
  for r in select hr.hub_id from public.organization_hub_requests hr where hr.organization_id = new.id loop
    -- Without a signed-in decider (the seed, a migration) every chosen hub is joined.
    if v_admin or public.is_hub_coordinator(r.hub_id) or auth.uid() is null then
      insert into public.hub_partners (hub_id, organization_id, created_by)
      values (r.hub_id, new.id, (select auth.uid()))
      on conflict do nothing;
    elsif v_applicant is not null
      and not exists (select 1 from public.hub_partners hp where hp.hub_id = r.hub_id and hp.organization_id = new.id)
      and not exists (select 1 from public.hub_membership_applications a
                       where a.hub_id = r.hub_id and a.organization_id = new.id and a.status = 'pending') then
      insert into public.hub_membership_applications (hub_id, organization_id, applicant_id, message)
      values (r.hub_id, new.id, v_applicant, 'Chosen when the organization registered on the portal.');
    end if;
  end loop;
  return null;
end
$$;
create trigger organizations_join_hubs_on_verification after update of status on public.organizations
  for each row execute function public.join_hubs_on_verification();

-- 5. Registration drafts -------------------------------------------------------
-- The registration form's answers so far, saved at every step, so that
-- leaving and coming back loses nothing. One per person; removed when the
-- registration is submitted (or the account deleted).

create table public.organization_registration_drafts (
  user_id uuid primary key references auth.users (id) on delete cascade,
  data jsonb not null default '{}'::jsonb
    check (jsonb_typeof(data) = 'object' and octet_length(data::text) <= 65536),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organization_registration_drafts is
  'A registration in progress: the answers given so far (validated by the server at every step).';
create trigger organization_registration_drafts_set_updated_at before update on public.organization_registration_drafts
  for each row execute function public.set_updated_at();

revoke all on public.organization_registration_drafts from anon, authenticated, service_role;
grant select, delete on public.organization_registration_drafts to authenticated;
grant insert (user_id, data), update (data) on public.organization_registration_drafts to authenticated;
alter table public.organization_registration_drafts enable row level security;
create policy "Registration drafts are visible to their author" on public.organization_registration_drafts
  for select to authenticated using (user_id = (select auth.uid()));
create policy "People start their own registration draft" on public.organization_registration_drafts
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "People save their own registration draft" on public.organization_registration_drafts
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "People discard their own registration draft" on public.organization_registration_drafts
  for delete to authenticated using (user_id = (select auth.uid()));

-- 6. Offerings and the Recommendations an organization implements --------------

create table public.organization_offerings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 3 and 120),
  description text not null default '' check (char_length(description) <= 1000),
  themes text[] not null default '{}' check (
    cardinality(themes) between 1 and 5
    and themes <@ array['mobility', 'energy', 'water', 'waste', 'ict-infrastructure', 'e-government',
      'data-and-ai', 'health', 'education', 'safety', 'housing', 'urban-planning', 'culture',
      'environment', 'climate', 'economy', 'social-inclusion', 'participation', 'food', 'kpis']
  ),
  sdgs smallint[] not null default '{}' check (
    sdgs <@ array[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]::smallint[]
  ),
  position integer not null default 0 check (position between 0 and 1000),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organization_offerings is
  'What an organization offers cities: a short title, a description, themes and SDGs (matched to needs).';
create index organization_offerings_organization_id_idx on public.organization_offerings (organization_id, position);
create index organization_offerings_themes_idx on public.organization_offerings using gin (themes);
create trigger organization_offerings_set_updated_at before update on public.organization_offerings
  for each row execute function public.set_updated_at();

-- At most 12 offerings per organization: a directory entry, not a catalogue.
create or replace function public.limit_organization_offerings() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (select count(*) from public.organization_offerings o where o.organization_id = new.organization_id) > 12 then
    raise exception 'an organization lists at most 12 offerings'
      using errcode = '23514', constraint = 'organization_offerings_at_most_12';
  end if;
  return null;
end
$$;
create trigger organization_offerings_limit after insert on public.organization_offerings
  for each row execute function public.limit_organization_offerings();

revoke all on public.organization_offerings from anon, authenticated, service_role;
grant select on public.organization_offerings to anon, authenticated;
grant insert (organization_id, title, description, themes, sdgs, position, created_by),
  update (title, description, themes, sdgs, position), delete on public.organization_offerings to authenticated;
alter table public.organization_offerings enable row level security;
create policy "Offerings of verified organizations are visible to visitors" on public.organization_offerings
  for select to anon
  using (exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified'));
create policy "Offerings are visible to members who can see the organization" on public.organization_offerings
  for select to authenticated
  using (exists (select 1 from public.organizations o where o.id = organization_id));
create policy "Offerings can be added by the organization's admins" on public.organization_offerings
  for insert to authenticated
  with check (
    (public.is_org_admin(organization_id) or (select public.is_platform_admin()))
    and created_by = (select auth.uid())
  );
create policy "Offerings can be edited by the organization's admins" on public.organization_offerings
  for update to authenticated
  using (public.is_org_admin(organization_id) or (select public.is_platform_admin()))
  with check (public.is_org_admin(organization_id) or (select public.is_platform_admin()));
create policy "Offerings can be removed by the organization's admins" on public.organization_offerings
  for delete to authenticated
  using (public.is_org_admin(organization_id) or (select public.is_platform_admin()));

create table public.organization_deliverables (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  deliverable_id uuid not null references public.deliverables (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (organization_id, deliverable_id)
);
comment on table public.organization_deliverables is 'ITU-T Recommendations an organization implements.';
create index organization_deliverables_deliverable_id_idx on public.organization_deliverables (deliverable_id);

create or replace function public.check_organization_deliverable() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.deliverables d where d.id = new.deliverable_id and d.kind = 'recommendation') then
    raise exception 'only ITU-T Recommendations can be implemented'
      using errcode = '23514', constraint = 'organization_deliverables_recommendations_only';
  end if;
  return new;
end
$$;
create trigger organization_deliverables_recommendations_only before insert on public.organization_deliverables
  for each row execute function public.check_organization_deliverable();

revoke all on public.organization_deliverables from anon, authenticated, service_role;
grant select on public.organization_deliverables to anon, authenticated;
grant insert (organization_id, deliverable_id), delete on public.organization_deliverables to authenticated;
alter table public.organization_deliverables enable row level security;
create policy "Recommendations of verified organizations are visible to visitors" on public.organization_deliverables
  for select to anon
  using (exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified'));
create policy "Recommendations are visible to members who can see the organization" on public.organization_deliverables
  for select to authenticated
  using (exists (select 1 from public.organizations o where o.id = organization_id));
create policy "Recommendations can be added by the organization's admins" on public.organization_deliverables
  for insert to authenticated
  with check (public.is_org_admin(organization_id) or (select public.is_platform_admin()));
create policy "Recommendations can be removed by the organization's admins" on public.organization_deliverables
  for delete to authenticated
  using (public.is_org_admin(organization_id) or (select public.is_platform_admin()));

-- 7. Invitations ---------------------------------------------------------------

create table public.organization_invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (
    char_length(email) <= 254 and email = lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
  ),
  org_role text not null default 'member' check (org_role in ('admin', 'member')),
  -- SHA-256 (hex) of the token in the invitation link; the token itself is never stored.
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  constraint organization_invitations_expiry check (expires_at > created_at and expires_at <= created_at + interval '30 days'),
  constraint organization_invitations_accepted_or_revoked check (accepted_at is null or revoked_at is null)
);
comment on table public.organization_invitations is
  'Invitations to join an organization: single use, with an expiry, for one address.';
create index organization_invitations_organization_id_idx on public.organization_invitations (organization_id, created_at desc);
create unique index organization_invitations_one_open_idx on public.organization_invitations (organization_id, email)
  where accepted_at is null and revoked_at is null;
create index organization_invitations_invited_by_idx on public.organization_invitations (invited_by);

create or replace function public.stamp_organization_invitation() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    new.invited_by := (select auth.uid());
    new.created_at := now();
    new.expires_at := now() + interval '7 days';
    new.accepted_at := null;
    new.accepted_by := null;
    new.revoked_at := null;
  end if;
  return new;
end
$$;
create trigger organization_invitations_stamp before insert on public.organization_invitations
  for each row execute function public.stamp_organization_invitation();

-- An invitation is withdrawn by setting revoked_at, once, while it is open.
create or replace function public.guard_organization_invitation() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated')
     and (old.accepted_at is not null or old.revoked_at is not null or new.revoked_at is null) then
    raise exception 'only an open invitation can be withdrawn' using errcode = '42501';
  end if;
  if current_user in ('anon', 'authenticated') then
    new.revoked_at := now();
  end if;
  return new;
end
$$;
create trigger organization_invitations_guard before update on public.organization_invitations
  for each row execute function public.guard_organization_invitation();

revoke all on public.organization_invitations from anon, authenticated, service_role;
grant select (id, organization_id, email, org_role, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at)
  on public.organization_invitations to authenticated;
grant insert (organization_id, email, org_role, token_hash), update (revoked_at)
  on public.organization_invitations to authenticated;
alter table public.organization_invitations enable row level security;
create policy "Invitations are visible to the inviting organization's admins" on public.organization_invitations
  for select to authenticated using (public.is_org_admin(organization_id));
create policy "Organization admins invite colleagues" on public.organization_invitations
  for insert to authenticated with check (public.is_org_admin(organization_id));
create policy "Organization admins withdraw invitations" on public.organization_invitations
  for update to authenticated
  using (public.is_org_admin(organization_id)) with check (public.is_org_admin(organization_id));

-- What an invitation link shows before it is accepted, to whoever holds the
-- token (it was mailed to the invited address).
create or replace function private.peek_organization_invitation(p_token_hash text)
returns table (organization_name text, organization_slug text, email text, org_role text, state text)
language sql stable security definer
set search_path = ''
as $$
  select o.name, o.slug, i.email, i.org_role,
         case when i.accepted_at is not null then 'used'
              when i.revoked_at is not null then 'revoked'
              when i.expires_at <= now() then 'expired'
              else 'open' end
  from public.organization_invitations i
  join public.organizations o on o.id = i.organization_id
  where i.token_hash = p_token_hash
$$;

-- Spends an invitation for the signed-in person. Returns 'accepted',
-- 'already-member' (spent too), or, changing nothing: 'unknown', 'used',
-- 'revoked', 'expired', 'wrong-address' (signed in with another address).
create or replace function private.accept_organization_invitation(p_token_hash text)
returns table (outcome text, organization_slug text)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_invitation public.organization_invitations;
  v_email text;
  v_slug text;
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  if p_token_hash is null or p_token_hash !~ '^[0-9a-f]{64}$' then
    return query select 'unknown'::text, null::text;
    return;
  end if;
  select * into v_invitation from public.organization_invitations i where i.token_hash = p_token_hash for update;
  if not found then
    return query select 'unknown'::text, null::text;
    return;
  end if;
  select o.slug into v_slug from public.organizations o where o.id = v_invitation.organization_id;
  if v_invitation.accepted_at is not null then
    return query select 'used'::text, v_slug;
    return;
  elsif v_invitation.revoked_at is not null then
    return query select 'revoked'::text, v_slug;
    return;
  elsif v_invitation.expires_at <= now() then
    return query select 'expired'::text, v_slug;
    return;
  end if;
  select lower(u.email) into v_email from auth.users u where u.id = v_uid;
  if v_email is distinct from v_invitation.email then
    return query select 'wrong-address'::text, v_slug;
    return;
  end if;
  update public.organization_invitations set accepted_at = now(), accepted_by = v_uid where id = v_invitation.id;
  if exists (select 1 from public.memberships m
              where m.user_id = v_uid and m.role = 'org_member' and m.organization_id = v_invitation.organization_id) then
    return query select 'already-member'::text, v_slug;
    return;
  end if;
  insert into public.memberships (user_id, role, organization_id, org_role, created_by)
  values (v_uid, 'org_member', v_invitation.organization_id, v_invitation.org_role, v_invitation.invited_by);
  return query select 'accepted'::text, v_slug;
end
$$;

-- 8. Requests to join an existing organization ------------------------------------

create table public.organization_join_requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  message text not null default '' check (char_length(message) <= 1000),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined')),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.organization_join_requests is
  'A person asking to join an organization (instead of registering it twice); its admins decide.';
create unique index organization_join_requests_one_pending_idx on public.organization_join_requests (organization_id, user_id)
  where status = 'pending';
create index organization_join_requests_user_id_idx on public.organization_join_requests (user_id);

create or replace function public.decide_organization_join_request() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if old.status <> 'pending' then
      raise exception 'this request has already been decided' using errcode = '42501';
    end if;
    new.decided_by := (select auth.uid());
    new.decided_at := now();
    if new.status = 'accepted' then
      insert into public.memberships (user_id, role, organization_id, org_role, created_by)
      values (new.user_id, 'org_member', new.organization_id, 'member', new.decided_by)
      on conflict do nothing;
    end if;
  end if;
  return new;
end
$$;
create trigger organization_join_requests_decide before update on public.organization_join_requests
  for each row execute function public.decide_organization_join_request();

revoke all on public.organization_join_requests from anon, authenticated, service_role;
grant select, delete on public.organization_join_requests to authenticated;
grant insert (organization_id, user_id, message), update (status) on public.organization_join_requests to authenticated;
alter table public.organization_join_requests enable row level security;
create policy "Join requests are visible to the person asking and the organization's admins"
  on public.organization_join_requests for select to authenticated
  using (user_id = (select auth.uid()) or public.is_org_admin(organization_id));
create policy "People ask to join an organization they are not in" on public.organization_join_requests
  for insert to authenticated
  with check (user_id = (select auth.uid()) and status = 'pending' and not public.is_org_member(organization_id));
create policy "Join requests are decided by the organization's admins" on public.organization_join_requests
  for update to authenticated
  using (status = 'pending' and public.is_org_admin(organization_id))
  with check (status in ('accepted', 'declined') and public.is_org_admin(organization_id));
create policy "Pending join requests can be withdrawn by the person asking" on public.organization_join_requests
  for delete to authenticated using (user_id = (select auth.uid()) and status = 'pending');

-- 9. Contact requests ----------------------------------------------------------

create table public.organization_contact_requests (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  sender_id uuid references auth.users (id) on delete set null,
  -- Who wrote, as the organization's admins see it to reply (taken from the
  -- account when the request is sent; cleared when the account is deleted).
  sender_name text check (char_length(sender_name) <= 120),
  sender_email text check (char_length(sender_email) <= 254),
  subject text not null check (char_length(btrim(subject)) between 3 and 150),
  message text not null check (char_length(btrim(message)) between 10 and 5000),
  status text not null default 'open' check (status in ('open', 'answered')),
  answered_at timestamptz,
  answered_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.organization_contact_requests is
  'Messages from signed-in people to an organization, read by its admins.';
create index organization_contact_requests_organization_idx on public.organization_contact_requests (organization_id, created_at desc);
create index organization_contact_requests_sender_idx on public.organization_contact_requests (sender_id, created_at desc);

-- The signed-in person's name and address, as a contact request records them.
create or replace function private.my_contact_details()
returns table (display_name text, email text)
language sql stable security definer
set search_path = ''
as $$
  select p.display_name, lower(u.email)
  from auth.users u left join public.profiles p on p.id = u.id
  where u.id = (select auth.uid())
$$;

create or replace function public.stamp_organization_contact_request() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if current_user in ('anon', 'authenticated') then
      new.sender_id := (select auth.uid());
      new.status := 'open';
      new.answered_at := null;
      new.answered_by := null;
      new.created_at := now();
      select d.display_name, d.email into new.sender_name, new.sender_email from private.my_contact_details() d;
    end if;
    return new;
  end if;
  if new.sender_id is null and old.sender_id is not null then
    new.sender_name := null;
    new.sender_email := null;
  end if;
  if new.status is distinct from old.status then
    if new.status = 'answered' then
      new.answered_at := now();
      new.answered_by := (select auth.uid());
    else
      new.answered_at := null;
      new.answered_by := null;
    end if;
  end if;
  return new;
end
$$;
create trigger organization_contact_requests_stamp before insert or update on public.organization_contact_requests
  for each row execute function public.stamp_organization_contact_request();

revoke all on public.organization_contact_requests from anon, authenticated, service_role;
grant select on public.organization_contact_requests to authenticated;
grant insert (organization_id, subject, message), update (status) on public.organization_contact_requests to authenticated;
alter table public.organization_contact_requests enable row level security;
create policy "Contact requests are visible to their sender and the organization's admins"
  on public.organization_contact_requests for select to authenticated
  using (sender_id = (select auth.uid()) or public.is_org_admin(organization_id));
create policy "Members write to verified organizations" on public.organization_contact_requests
  for insert to authenticated
  with check (
    sender_id = (select auth.uid())
    and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified')
  );
create policy "Organization admins mark contact requests answered" on public.organization_contact_requests
  for update to authenticated
  using (public.is_org_admin(organization_id)) with check (public.is_org_admin(organization_id));

-- 10. Duplicate detection ---------------------------------------------------------
-- Organizations a new registration may duplicate: the same website host
-- (verified or waiting for review), or a similar name (verified only, so a
-- name typed into the form never reveals a registration under review).
create or replace function private.find_organization_duplicates(p_name text, p_website text)
returns table (id uuid, slug text, name text, status text, match text, is_member boolean)
language sql stable security definer
set search_path = ''
as $$
  with input as (
    select public.organization_name_key(coalesce(p_name, '')) as name_key,
           nullif(regexp_replace(lower(substring(p_website from '^[A-Za-z]+://([^/:?#]+)')), '^www\.', ''), '') as host
  )
  select o.id, o.slug, o.name, o.status,
         case when i.host is not null and o.website_host = i.host then 'website' else 'name' end,
         public.is_org_member(o.id)
  from public.organizations o, input i
  where o.status in ('verified', 'pending')
    and (
      (i.host is not null and o.website_host = i.host)
      or (o.status = 'verified' and char_length(i.name_key) >= 3
          and public.organization_name_key(o.name) operator(extensions.%) i.name_key
          and extensions.similarity(public.organization_name_key(o.name), i.name_key) >= 0.45)
    )
  order by (i.host is not null and o.website_host = i.host) desc,
           extensions.similarity(public.organization_name_key(o.name), i.name_key) desc, o.name
  limit 5
$$;

-- Whether a page address is taken, by any organization (one under review
-- too): the registration form says so before it is submitted.
create or replace function private.is_organization_slug_taken(p_slug text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.organizations o where o.slug = p_slug)
$$;

-- 11. Mail about organizations ------------------------------------------------------
-- Recorded as notices (private.notices, 20261203150000_notices.sql: who is
-- owed mail and the facts its words need), which the portal words from i18n
-- (`mail.organizations.<kind>.*`) and delivers in the same transaction
-- (src/server/mail/notices.ts). The use case that caused the event asks for
-- its notice after writing everything the recipients depend on (the hubs a
-- registration chose are written after the organization): this function
-- reads the recipients from the records, checks that the caller caused the
-- event, and records each event once (the ledger below), so it can neither
-- mail anyone else nor repeat a mail.
--   registration_submitted         organization  by its admins          to the chosen hubs' coordinators (platform admins when none)
--   registration_verified|declined organization  by whoever decided     to its admins
--   invitation                     invitation    by the org's admins    to the invited address (the caller proves the token)
--   join_requested                 join request  by the person asking   to the org's admins
--   join_accepted|declined         join request  by whoever decided     to the person asking
--   contact_received               contact req.  by its sender          to the org's admins
-- private.notices is created by a later file; this function reads it only
-- when it is called.

create table private.organization_notices (
  kind text not null,
  record_id uuid not null,
  occurrence timestamptz not null,
  recorded_at timestamptz not null default now(),
  primary key (kind, record_id, occurrence)
);
alter table private.organization_notices enable row level security;
revoke all on private.organization_notices from public, anon, authenticated, service_role;

create or replace function private.record_organization_notice(p_kind text, p_record_id uuid, p_token text)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_occurrence timestamptz;
  v_allowed boolean := false;
  v_org public.organizations;
  v_data jsonb;
  v_recipients uuid[];
  v_email text;
  v_count integer;
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  if p_kind in ('registration_submitted', 'registration_verified', 'registration_declined') then
    select * into v_org from public.organizations o where o.id = p_record_id;
    if p_kind = 'registration_submitted' then
      v_occurrence := v_org.submitted_at;
      v_allowed := v_org.status = 'pending' and public.is_org_admin(v_org.id);
      select array_agg(distinct m.user_id) into v_recipients
        from public.organization_hub_requests r
        join public.memberships m on m.hub_id = r.hub_id and m.role = 'hub_coordinator'
       where r.organization_id = v_org.id;
      if v_recipients is null then
        select array_agg(distinct m.user_id) into v_recipients
          from public.memberships m where m.role = 'platform_admin';
      end if;
      v_data := jsonb_build_object(
        'organization', v_org.name,
        'hubs', coalesce((select string_agg(h.name, ', ' order by h.name)
                            from public.organization_hub_requests r join public.hubs h on h.id = r.hub_id
                           where r.organization_id = v_org.id), ''),
        'link', '/organizations/review');
    else
      v_occurrence := v_org.decided_at;
      v_allowed := v_org.decided_by = v_uid
        and v_org.status = case p_kind when 'registration_verified' then 'verified' else 'declined' end;
      v_data := jsonb_build_object(
        'organization', v_org.name,
        'reason', coalesce(v_org.decline_reason, ''),
        'link', case when v_org.status = 'verified' then '/directory/' else '/organizations/' end || v_org.slug);
    end if;
  elsif p_kind = 'invitation' then
    select i.created_at,
           public.is_org_admin(i.organization_id) and i.accepted_at is null and i.revoked_at is null
             and p_token is not null and encode(sha256(convert_to(p_token, 'UTF8')), 'hex') = i.token_hash,
           i.email,
           jsonb_build_object('organization', o.name, 'inviter', coalesce(p.display_name, ''),
             'role', i.org_role, 'expiresAt', i.expires_at,
             'link', '/organizations/invitation?token=' || p_token)
      into v_occurrence, v_allowed, v_email, v_data
      from public.organization_invitations i
      join public.organizations o on o.id = i.organization_id
      left join public.profiles p on p.id = v_uid
     where i.id = p_record_id;
  elsif p_kind = 'join_requested' then
    select j.created_at, j.user_id = v_uid and j.status = 'pending',
           jsonb_build_object('organization', o.name, 'person', coalesce(p.display_name, ''),
             'message', j.message, 'link', '/organizations/' || o.slug || '/team'),
           (select array_agg(m.user_id) from public.memberships m
             where m.organization_id = j.organization_id and m.role = 'org_member' and m.org_role = 'admin')
      into v_occurrence, v_allowed, v_data, v_recipients
      from public.organization_join_requests j
      join public.organizations o on o.id = j.organization_id
      left join public.profiles p on p.id = j.user_id
     where j.id = p_record_id;
  elsif p_kind in ('join_accepted', 'join_declined') then
    select j.decided_at,
           j.decided_by = v_uid and j.status = case p_kind when 'join_accepted' then 'accepted' else 'declined' end,
           jsonb_build_object('organization', o.name, 'link', '/organizations/' || o.slug),
           array[j.user_id]
      into v_occurrence, v_allowed, v_data, v_recipients
      from public.organization_join_requests j
      join public.organizations o on o.id = j.organization_id
     where j.id = p_record_id;
  elsif p_kind = 'contact_received' then
    select c.created_at, c.sender_id = v_uid,
           jsonb_build_object('organization', o.name, 'sender', coalesce(c.sender_name, ''),
             'senderEmail', coalesce(c.sender_email, ''), 'subject', c.subject, 'message', c.message,
             'link', '/organizations/' || o.slug || '/requests'),
           (select array_agg(m.user_id) from public.memberships m
             where m.organization_id = c.organization_id and m.role = 'org_member' and m.org_role = 'admin')
      into v_occurrence, v_allowed, v_data, v_recipients
      from public.organization_contact_requests c
      join public.organizations o on o.id = c.organization_id
     where c.id = p_record_id;
  else
    raise exception 'unknown notice: %', p_kind using errcode = '22023';
  end if;
  if p_kind in ('registration_verified', 'registration_declined') then
    select array_agg(m.user_id) into v_recipients from public.memberships m
     where m.organization_id = v_org.id and m.role = 'org_member' and m.org_role = 'admin';
  end if;
  if not coalesce(v_allowed, false) or v_occurrence is null then
    raise exception 'you cannot send this notice' using errcode = '42501';
  end if;
  insert into private.organization_notices (kind, record_id, occurrence)
  values (p_kind, p_record_id, v_occurrence)
  on conflict do nothing;
  if not found then
    return 0;
  end if;
  if v_email is not null then
    insert into private.notices (recipient_email, kind, data)
    values (v_email, 'organizations.' || p_kind, v_data);
    return 1;
  end if;
  insert into private.notices (recipient_id, kind, data)
  select r, 'organizations.' || p_kind, v_data
    from unnest(coalesce(v_recipients, '{}')) r
   where r is not null
   limit 200;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 12. Search: offerings, hubs and the description join the organization's record ----

create or replace function private.search_sync_organization(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  o public.organizations;
  v_text text;
  v_themes jsonb;
  v_sdgs jsonb;
  hub_slugs jsonb;
  hub_links jsonb;
begin
  select * into o from public.organizations where id = target_id;
  if not found or o.status <> 'verified' then
    perform private.search_delete('organization', target_id::text);
    return;
  end if;
  select string_agg(f.title || '. ' || f.description, E'\n' order by f.position, f.title)
    into v_text
    from public.organization_offerings f where f.organization_id = o.id;
  select coalesce(jsonb_agg(distinct t.theme), '[]'::jsonb) into v_themes
    from public.organization_offerings f cross join lateral unnest(f.themes) t(theme)
   where f.organization_id = o.id;
  select coalesce(jsonb_agg(distinct s.sdg), '[]'::jsonb) into v_sdgs
    from public.organization_offerings f cross join lateral unnest(f.sdgs) s(sdg)
   where f.organization_id = o.id;
  select coalesce(jsonb_agg(h.slug order by h.is_demo, h.name), '[]'::jsonb),
         coalesce(jsonb_agg(jsonb_build_object(
           'id', 'hub:' || h.id, 'type', 'hub', 'title', h.name, 'url', '/hubs/' || h.slug, 'relation', 'hub'
         ) order by h.is_demo, h.name), '[]'::jsonb)
    into hub_slugs, hub_links
    from public.hub_partners hp join public.hubs h on h.id = hp.hub_id
   where hp.organization_id = o.id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'organization',
    'source_id', o.id,
    'title', o.name,
    'summary', o.summary,
    'text', concat_ws(E'\n',
      case when o.country is not null then private.country_name_en(o.country) end,
      nullif(o.description, ''), v_text),
    'url', '/directory/' || o.slug,
    'subtype', o.kind,
    'hubs', hub_slugs,
    'country', o.country,
    'themes', v_themes,
    'sdgs', v_sdgs,
    'links', hub_links,
    'is_demo', o.is_demo,
    'date', o.verified_at
  ));
end
$$;

-- An offering added, changed or removed changes its organization's record
-- (hub_cities.sql already does the same for hub_partners).
create or replace function private.search_on_offering_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.search_sync_organization(
    case when tg_op = 'DELETE' then old.organization_id else new.organization_id end);
  return null;
end
$$;
create trigger organization_offerings_search_sync after insert or update or delete on public.organization_offerings
  for each row execute function private.search_on_offering_change();

-- 13. Personal data -----------------------------------------------------------------
-- Each domain registers a function `(user_id uuid) returns jsonb` that gives
-- everything it holds about one person; private.export_my_personal_data()
-- returns them all for the signed-in person, one key per source. A domain
-- that adds personal data registers its source in its own migration.

create table private.personal_data_sources (
  source text primary key check (source ~ '^[a-z][a-z0-9_-]{1,40}$'),
  function_name text not null check (function_name ~ '^private\.[a-z_][a-z0-9_]*$')
);
alter table private.personal_data_sources enable row level security;
revoke all on private.personal_data_sources from public, anon, authenticated, service_role;

create or replace function private.register_personal_data_source(p_source text, p_function text) returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if to_regprocedure(p_function || '(uuid)') is null then
    raise exception 'no function %(uuid)', p_function using errcode = '22023';
  end if;
  insert into private.personal_data_sources (source, function_name) values (p_source, p_function)
  on conflict (source) do update set function_name = excluded.function_name;
end
$$;

create or replace function private.export_my_personal_data() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_result jsonb := '{}'::jsonb;
  v_part jsonb;
  r record;
begin
  if v_uid is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  for r in select s.source, s.function_name from private.personal_data_sources s order by s.source loop
    execute format('select %s($1)', r.function_name) into v_part using v_uid;
    v_result := v_result || jsonb_build_object(r.source, coalesce(v_part, 'null'::jsonb));
  end loop;
  return v_result;
end
$$;

create or replace function private.personal_data_identity(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'created_at', u.created_at,
                                          'email_confirmed_at', u.email_confirmed_at)
                  from auth.users u where u.id = p_user_id),
    'profile', (select jsonb_build_object('display_name', p.display_name, 'affiliation', p.affiliation,
                                          'created_at', p.created_at, 'updated_at', p.updated_at)
                  from public.profiles p where p.id = p_user_id),
    'roles', coalesce((select jsonb_agg(jsonb_build_object(
                 'role', m.role, 'organization_role', m.org_role, 'granted_at', m.created_at,
                 'hub', h.slug, 'city', c.slug, 'organization', o.slug) order by m.created_at)
               from public.memberships m
               left join public.hubs h on h.id = m.hub_id
               left join public.cities c on c.id = m.city_id
               left join public.organizations o on o.id = m.organization_id
              where m.user_id = p_user_id), '[]'::jsonb),
    'sessions', coalesce((select jsonb_agg(jsonb_build_object(
                 'created_at', s.created_at, 'last_seen_at', s.last_seen_at, 'expires_at', s.expires_at,
                 'revoked_at', s.revoked_at, 'user_agent', s.user_agent, 'ip_address', s.ip_address)
                 order by s.created_at)
               from private.sessions s where s.user_id = p_user_id), '[]'::jsonb),
    'audit_log', coalesce((select jsonb_agg(jsonb_build_object(
                 'action', a.action, 'at', a.created_at, 'by_you', a.actor_id = p_user_id,
                 'about_you', a.target_user_id = p_user_id, 'details', a.details) order by a.created_at)
               from public.audit_log a where a.actor_id = p_user_id or a.target_user_id = p_user_id), '[]'::jsonb)
  )
$$;

create or replace function private.personal_data_hubs(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'membership_applications', coalesce((select jsonb_agg(jsonb_build_object(
        'hub', h.slug, 'city', c.slug, 'organization', o.slug, 'message', a.message, 'status', a.status,
        'decision_reason', a.decision_reason, 'created_at', a.created_at, 'decided_at', a.decided_at)
        order by a.created_at)
      from public.hub_membership_applications a
      join public.hubs h on h.id = a.hub_id
      left join public.cities c on c.id = a.city_id
      left join public.organizations o on o.id = a.organization_id
      where a.applicant_id = p_user_id), '[]'::jsonb),
    'news_written', coalesce((select jsonb_agg(jsonb_build_object('slug', n.slug, 'title', n.title,
        'created_at', n.created_at) order by n.created_at)
      from public.news_items n where n.author_id = p_user_id), '[]'::jsonb),
    'events_created', coalesce((select jsonb_agg(jsonb_build_object('slug', e.slug, 'title', e.title,
        'created_at', e.created_at) order by e.created_at)
      from public.events e where e.created_by = p_user_id), '[]'::jsonb),
    'event_registrations', coalesce((select jsonb_agg(jsonb_build_object('event', e.slug, 'status', r.status,
        'registered_at', r.created_at) order by r.created_at)
      from public.event_registrations r join public.events e on e.id = r.event_id
      where r.user_id = p_user_id), '[]'::jsonb),
    'uploads', coalesce((select jsonb_agg(jsonb_build_object('storage_key', m.storage_key,
        'original_name', m.original_name, 'uploaded_at', m.created_at) order by m.created_at)
      from public.media_files m where m.uploaded_by = p_user_id), '[]'::jsonb)
  )
$$;

create or replace function private.personal_data_organizations(p_user_id uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'registration_draft', (select d.data from public.organization_registration_drafts d where d.user_id = p_user_id),
    'registered', coalesce((select jsonb_agg(jsonb_build_object('organization', o.slug, 'name', o.name,
        'status', o.status, 'terms_version', o.terms_version, 'terms_accepted_at', o.terms_accepted_at,
        'submitted_at', o.submitted_at) order by o.created_at)
      from public.organizations o where o.created_by = p_user_id), '[]'::jsonb),
    'contact_requests_sent', coalesce((select jsonb_agg(jsonb_build_object('organization', o.slug,
        'subject', c.subject, 'message', c.message, 'status', c.status, 'sent_at', c.created_at)
        order by c.created_at)
      from public.organization_contact_requests c join public.organizations o on o.id = c.organization_id
      where c.sender_id = p_user_id), '[]'::jsonb),
    'join_requests', coalesce((select jsonb_agg(jsonb_build_object('organization', o.slug,
        'message', j.message, 'status', j.status, 'created_at', j.created_at, 'decided_at', j.decided_at)
        order by j.created_at)
      from public.organization_join_requests j join public.organizations o on o.id = j.organization_id
      where j.user_id = p_user_id), '[]'::jsonb),
    'invitations_sent', coalesce((select jsonb_agg(jsonb_build_object('organization', o.slug,
        'email', i.email, 'role', i.org_role, 'created_at', i.created_at, 'accepted_at', i.accepted_at,
        'revoked_at', i.revoked_at) order by i.created_at)
      from public.organization_invitations i join public.organizations o on o.id = i.organization_id
      where i.invited_by = p_user_id), '[]'::jsonb),
    'invitations_received', coalesce((select jsonb_agg(jsonb_build_object('organization', o.slug,
        'role', i.org_role, 'created_at', i.created_at, 'accepted_at', i.accepted_at) order by i.created_at)
      from public.organization_invitations i join public.organizations o on o.id = i.organization_id
      join auth.users u on u.id = p_user_id
      where i.email = lower(u.email) or i.accepted_by = p_user_id), '[]'::jsonb)
  )
$$;

select private.register_personal_data_source('identity', 'private.personal_data_identity');
select private.register_personal_data_source('hubs', 'private.personal_data_hubs');
select private.register_personal_data_source('organizations', 'private.personal_data_organizations');

-- The organizations where the signed-in person is the last admin while
-- others remain: their account cannot be deleted (nor can they leave) until
-- someone else is made an admin.
create or replace function private.my_sole_admin_organizations()
returns table (slug text, name text)
language sql stable security definer
set search_path = ''
as $$
  select o.slug, o.name
  from public.memberships mine
  join public.organizations o on o.id = mine.organization_id
  where mine.user_id = (select auth.uid()) and mine.role = 'org_member' and mine.org_role = 'admin'
    and not exists (select 1 from public.memberships m
                     where m.organization_id = o.id and m.role = 'org_member' and m.org_role = 'admin'
                       and m.user_id <> mine.user_id)
    and exists (select 1 from public.memberships m
                 where m.organization_id = o.id and m.role = 'org_member' and m.user_id <> mine.user_id)
  order by o.name
$$;

-- Deletes the signed-in person's account. What belongs to them goes (profile,
-- roles, sessions, drafts, requests to join, registrations for events); what
-- belongs to an organization, a hub or a city stays and loses its author (the
-- pages say "a former member"): news, events, uploads, offerings,
-- organizations they registered, invitations they sent, and contact requests
-- they sent, whose copy of their name and address is cleared. Refused while
-- they are the last admin of an organization others still belong to.
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
  if exists (select 1 from private.my_sole_admin_organizations()) then
    raise exception 'make another member an admin of your organizations first'
      using errcode = '23514', constraint = 'memberships_keep_an_org_admin';
  end if;
  perform private.write_audit('account.deleted', v_uid, '{}'::jsonb);
  delete from auth.users u where u.id = v_uid;
end
$$;

-- Grants -------------------------------------------------------------------------

revoke all on function
  public.default_org_role(), public.keep_an_organization_admin(), private.audit_org_role_change(),
  public.guard_organization_status(), public.stamp_new_organization(), public.add_registrant_as_admin(),
  public.join_hubs_on_verification(), public.limit_organization_offerings(),
  public.check_organization_deliverable(), public.stamp_organization_invitation(),
  public.guard_organization_invitation(), public.decide_organization_join_request(),
  public.stamp_organization_contact_request(),
  private.peek_organization_invitation(text), private.accept_organization_invitation(text),
  private.find_organization_duplicates(text, text), private.is_organization_slug_taken(text),
  private.record_organization_notice(text, uuid, text),
  private.search_sync_organization(uuid), private.search_on_offering_change(),
  private.register_personal_data_source(text, text), private.export_my_personal_data(),
  private.personal_data_identity(uuid), private.personal_data_hubs(uuid), private.personal_data_organizations(uuid),
  private.my_sole_admin_organizations(), private.delete_my_account(), private.my_contact_details()
  from public, anon, authenticated, service_role;

grant execute on function private.peek_organization_invitation(text) to anon, authenticated;
grant execute on function
  private.accept_organization_invitation(text),
  private.find_organization_duplicates(text, text),
  private.is_organization_slug_taken(text),
  private.record_organization_notice(text, uuid, text),
  private.export_my_personal_data(),
  private.my_sole_admin_organizations(),
  private.delete_my_account(),
  private.my_contact_details()
  to authenticated;
