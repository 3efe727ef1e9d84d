-- The membership decision's mail leaves SQL: the trigger records the decision
-- as a notice (private.notices, 20261203150000_notices.sql) with its facts,
-- and the decision use case words it from the i18n module
-- (`mail.hubs.membership_approved` / `mail.hubs.membership_declined`) before
-- the transaction ends. Until now the trigger composed the English subject
-- and body itself (format(...) into public.hub_notifications) and
-- public.send_hub_membership_notices copied them to the outbox.
--
-- public.hub_notifications held nothing but those composed mails (no page
-- reads it), so it goes, with the function that delivered from it.

-- As in 20261203090000_hub_cities.sql (approving adds the city or
-- organization to the application's hub only), with a notice instead of
-- composed words.
create or replace function public.apply_hub_membership_decision() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  hub_name text;
  hub_slug text;
  applicant_name text;
begin
  if new.status = old.status then
    return new;
  end if;
  select h.name, h.slug into hub_name, hub_slug from public.hubs h where h.id = new.hub_id;
  if new.city_id is not null then
    select c.name into applicant_name from public.cities c where c.id = new.city_id;
  else
    select o.name into applicant_name from public.organizations o where o.id = new.organization_id;
  end if;
  if new.status = 'approved' then
    if new.city_id is not null then
      insert into public.hub_cities (hub_id, city_id, created_by)
      values (new.hub_id, new.city_id, new.decided_by)
      on conflict do nothing;
    else
      insert into public.hub_partners (hub_id, organization_id, created_by)
      values (new.hub_id, new.organization_id, new.decided_by)
      on conflict do nothing;
    end if;
  end if;
  if new.status in ('approved', 'declined') then
    insert into private.notices (recipient_id, kind, data)
    values (
      new.applicant_id,
      'hubs.membership_' || new.status,
      jsonb_build_object(
        'hub', hub_name,
        'applicant', applicant_name,
        'reason', coalesce(new.decision_reason, ''),
        'link', '/hubs/' || hub_slug
      )
    );
  end if;
  return new;
end
$$;

drop function public.send_hub_membership_notices(uuid, text);
drop table public.hub_notifications;
