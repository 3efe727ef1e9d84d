-- Organization sectors: the one vocabulary of `organizations.kind`, shared by
-- the directory, case studies (partner roles, stakeholder maps), procurement
-- and matchmaking (src/lib/taxonomy/sectors.ts):
--   private-sector, academia, civil-society, public-agency,
--   international-organization, investor.
-- `public-sector` becomes `public-agency` and `un-agency` becomes
-- `international-organization` (a UN agency is one kind of international
-- organization); `investor` is new (development banks, funds, investors).
-- The organizations' search records carry the kind as their subtype: the
-- update below refreshes them through the organizations' search trigger.

alter table public.organizations drop constraint organizations_kind_check;
update public.organizations set kind = 'public-agency' where kind = 'public-sector';
update public.organizations set kind = 'international-organization' where kind = 'un-agency';
alter table public.organizations add constraint organizations_kind_check check (kind in (
  'private-sector', 'academia', 'civil-society', 'public-agency', 'international-organization', 'investor'
));
comment on column public.organizations.kind is
  'The sector (src/lib/taxonomy/sectors.ts): private-sector, academia, civil-society, public-agency, international-organization, investor.';
