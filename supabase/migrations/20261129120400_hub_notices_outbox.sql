-- Hands the notices about a membership decision to the identity area's mail
-- outbox (private.outbox) in the same transaction as the decision. Called by
-- the decision use case with the delivery mode the server is configured for
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
