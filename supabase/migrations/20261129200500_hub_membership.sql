-- Hub membership: the partner organizations of a hub, applications by cities
-- and organizations to join a hub (decided by its coordinators), and the
-- notices that tell applicants the outcome. The hub's rich-text description,
-- which its coordinators edit with the rest of the hub page, is a column of
-- public.hubs (places_and_memberships.sql).
--
-- A decision is one update of the application: triggers stamp who decided
-- and when, link the city or organization to the hub and write the notice,
-- all in that transaction; the decision use case then hands the notices to
-- the mail outbox (send_hub_membership_notices below).

-- partner organizations of a hub ----------------------------------------------
create table public.hub_partners (
  hub_id uuid not null references public.hubs (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (hub_id, organization_id)
);
comment on table public.hub_partners is 'Organizations that are partners of a hub (member cities are cities.hub_id).';
create index hub_partners_organization_id_idx on public.hub_partners (organization_id);

alter table public.hub_partners enable row level security;
grant select on public.hub_partners to anon, authenticated;
grant insert (hub_id, organization_id, created_by), delete on public.hub_partners to authenticated;

create policy "Hub partners are visible to visitors" on public.hub_partners
  for select to anon using (true);
create policy "Hub partners are visible to members" on public.hub_partners
  for select to authenticated using (true);
create policy "Hub partners can be added by the hub's coordinators and admins" on public.hub_partners
  for insert to authenticated
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "Hub partners can be removed by the hub's coordinators and admins" on public.hub_partners
  for delete to authenticated
  using ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));

-- applications to join a hub --------------------------------------------------
create table public.hub_membership_applications (
  id uuid primary key default gen_random_uuid(),
  hub_id uuid not null references public.hubs (id) on delete cascade,
  city_id uuid references public.cities (id) on delete cascade,
  organization_id uuid references public.organizations (id) on delete cascade,
  applicant_id uuid not null references auth.users (id) on delete cascade,
  message text not null default '' check (char_length(message) <= 2000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  decision_reason text check (char_length(decision_reason) <= 2000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  constraint hub_membership_applications_one_applicant check ((city_id is null) <> (organization_id is null)),
  constraint hub_membership_applications_decline_has_reason check (
    status <> 'declined' or char_length(btrim(coalesce(decision_reason, ''))) > 0
  )
);
comment on table public.hub_membership_applications is
  'A city (by its editor) or an organization (by its member) asking to join a hub; coordinators decide.';
create unique index hub_membership_applications_one_pending_idx on public.hub_membership_applications (
  hub_id, coalesce(city_id, organization_id)
) where status = 'pending';
create index hub_membership_applications_applicant_idx on public.hub_membership_applications (applicant_id);
create index hub_membership_applications_city_idx on public.hub_membership_applications (city_id) where city_id is not null;
create index hub_membership_applications_org_idx on public.hub_membership_applications (organization_id)
  where organization_id is not null;

alter table public.hub_membership_applications enable row level security;
grant select on public.hub_membership_applications to authenticated;
grant insert (hub_id, city_id, organization_id, applicant_id, message) on public.hub_membership_applications to authenticated;
grant update (status, decision_reason) on public.hub_membership_applications to authenticated;
grant delete on public.hub_membership_applications to authenticated;

create policy "Applications are visible to the applicant, the applying city or organization and the hub's coordinators"
  on public.hub_membership_applications
  for select to authenticated
  using (
    applicant_id = (select auth.uid())
    or (select public.is_platform_admin())
    or public.is_hub_coordinator(hub_id)
    or (city_id is not null and public.is_city_editor(city_id))
    or (organization_id is not null and public.is_org_member(organization_id))
  );
create policy "City editors and organization members can apply to join a hub" on public.hub_membership_applications
  for insert to authenticated
  with check (
    applicant_id = (select auth.uid())
    and status = 'pending'
    and (
      (city_id is not null and public.is_city_editor(city_id))
      or (
        organization_id is not null and public.is_org_member(organization_id)
        and exists (select 1 from public.organizations o where o.id = organization_id and o.status = 'verified')
      )
    )
  );
create policy "Applications can be decided by the hub's coordinators and admins" on public.hub_membership_applications
  for update to authenticated
  using (status = 'pending' and ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id)))
  with check ((select public.is_platform_admin()) or public.is_hub_coordinator(hub_id));
create policy "Pending applications can be withdrawn by the applicant; admins remove any" on public.hub_membership_applications
  for delete to authenticated
  using ((applicant_id = (select auth.uid()) and status = 'pending') or (select public.is_platform_admin()));

-- notices to applicants ---------------------------------------------------------
-- Written only by the decision trigger; send_hub_membership_notices (below)
-- hands each one to the mail outbox and sets delivered_at.
create table public.hub_notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references auth.users (id) on delete cascade,
  kind text not null check (kind in ('membership_approved', 'membership_declined')),
  hub_id uuid references public.hubs (id) on delete cascade,
  application_id uuid references public.hub_membership_applications (id) on delete cascade,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
comment on table public.hub_notifications is 'Mail to send to applicants about hub membership decisions.';
create index hub_notifications_recipient_idx on public.hub_notifications (recipient_id);
create index hub_notifications_undelivered_idx on public.hub_notifications (created_at) where delivered_at is null;

alter table public.hub_notifications enable row level security;
grant select on public.hub_notifications to authenticated;
create policy "Notices are visible to their recipient and admins" on public.hub_notifications
  for select to authenticated
  using (recipient_id = (select auth.uid()) or (select public.is_platform_admin()));

-- decisions ---------------------------------------------------------------------
create or replace function public.stamp_hub_membership_decision() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if old.status <> 'pending' then
    raise exception 'this application has already been decided' using errcode = '42501';
  end if;
  if new.status is distinct from old.status then
    new.decided_by := (select auth.uid());
    new.decided_at := now();
  end if;
  return new;
end
$$;
create trigger hub_membership_applications_stamp_decision before update on public.hub_membership_applications
  for each row execute function public.stamp_hub_membership_decision();

-- Runs as the owner: approving links the city or organization to the hub,
-- which the coordinator could not do row by row under the cities policies.
create or replace function public.apply_hub_membership_decision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  hub_name text;
  applicant_name text;
begin
  if new.status = old.status then
    return new;
  end if;
  select h.name into hub_name from public.hubs h where h.id = new.hub_id;
  if new.city_id is not null then
    select c.name into applicant_name from public.cities c where c.id = new.city_id;
  else
    select o.name into applicant_name from public.organizations o where o.id = new.organization_id;
  end if;
  if new.status = 'approved' then
    if new.city_id is not null then
      update public.cities set hub_id = new.hub_id where id = new.city_id;
    else
      insert into public.hub_partners (hub_id, organization_id, created_by)
      values (new.hub_id, new.organization_id, new.decided_by)
      on conflict do nothing;
    end if;
    insert into public.hub_notifications (recipient_id, kind, hub_id, application_id, subject, body)
    values (
      new.applicant_id, 'membership_approved', new.hub_id, new.id,
      format('%s has joined %s', applicant_name, hub_name),
      format('Your request for %s to join %s was approved.', applicant_name, hub_name)
    );
  elsif new.status = 'declined' then
    insert into public.hub_notifications (recipient_id, kind, hub_id, application_id, subject, body)
    values (
      new.applicant_id, 'membership_declined', new.hub_id, new.id,
      format('Your request to join %s was declined', hub_name),
      format(E'Your request for %s to join %s was declined.\n\nReason given by the coordinators:\n%s',
        applicant_name, hub_name, new.decision_reason)
    );
  end if;
  return new;
end
$$;
revoke execute on function public.apply_hub_membership_decision() from public;
create trigger hub_membership_applications_apply_decision after update on public.hub_membership_applications
  for each row execute function public.apply_hub_membership_decision();

-- notices to the mail outbox ----------------------------------------------------
-- Hands the notices about a membership decision to the mail outbox
-- (mail_outbox.sql) in the same transaction as the decision. Called by the
-- decision use case with the delivery mode the server is configured for
-- ('smtp' or the development 'mailbox'). Only the hub's coordinators and
-- admins may call it, and only for an application of their hub.
create or replace function public.send_hub_membership_notices(p_application_id uuid, p_delivery text)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_hub uuid;
  v_count integer;
begin
  if p_delivery not in ('smtp', 'mailbox') then
    raise exception 'unknown delivery: %', p_delivery using errcode = '22023';
  end if;
  select a.hub_id into v_hub from public.hub_membership_applications a where a.id = p_application_id;
  if v_hub is null or not (public.is_platform_admin() or public.is_hub_coordinator(v_hub)) then
    raise exception 'only the hub''s coordinators can send its notices' using errcode = '42501';
  end if;
  with pending as (
    update public.hub_notifications n set delivered_at = now()
     where n.application_id = p_application_id and n.delivered_at is null
    returning n.recipient_id, n.kind, n.subject, n.body
  ), queued as (
    insert into private.outbox (to_email, kind, subject, body_text, delivery)
    select lower(u.email), 'hubs.' || p.kind, left(p.subject, 300), left(p.body, 20000), p_delivery
      from pending p join auth.users u on u.id = p.recipient_id
     where u.email is not null
    returning 1
  )
  select count(*)::integer into v_count from queued;
  return v_count;
end
$$;
revoke execute on function public.send_hub_membership_notices(uuid, text) from public;
grant execute on function public.send_hub_membership_notices(uuid, text) to authenticated;
