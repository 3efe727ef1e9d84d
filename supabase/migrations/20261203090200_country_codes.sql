-- Country codes, not names. The portal will be read in the six UN languages,
-- so countries are stored as ISO 3166-1 alpha-2 codes ("NO") and named in the
-- reader's language by the i18n module (`countryName(code)`, from the CLDR
-- data of Intl.DisplayNames). `cities.country`, `hubs.countries` and
-- `organizations.country` held English names ("Norway"); they are converted
-- here, and a check constraint keeps every later value a code. The search
-- records' `country` becomes the code too (the facet shows the name), with
-- the English name kept in the record's text so that searching "Norway"
-- still finds the cities of Norway.
--
-- private.country_names: the 249 officially assigned codes
-- (src/lib/taxonomy/country-codes.ts) with their English CLDR names, for the
-- search text and for this conversion; tests/integration/places-data-migrations.test.ts
-- checks that it lists exactly the codes of country-codes.ts.

create table private.country_names (
  code text primary key check (code ~ '^[A-Z]{2}$'),
  name_en text not null check (char_length(name_en) between 2 and 100)
);
comment on table private.country_names is
  'ISO 3166-1 alpha-2 codes with their English (CLDR) names, for search text; pages name countries through the i18n module.';
revoke all on private.country_names from public, anon, authenticated, service_role;

insert into private.country_names (code, name_en) values
  ('AD', 'Andorra'), ('AE', 'United Arab Emirates'), ('AF', 'Afghanistan'), ('AG', 'Antigua & Barbuda'),
  ('AI', 'Anguilla'), ('AL', 'Albania'), ('AM', 'Armenia'), ('AO', 'Angola'), ('AQ', 'Antarctica'),
  ('AR', 'Argentina'), ('AS', 'American Samoa'), ('AT', 'Austria'), ('AU', 'Australia'), ('AW', 'Aruba'),
  ('AX', 'Åland Islands'), ('AZ', 'Azerbaijan'), ('BA', 'Bosnia & Herzegovina'), ('BB', 'Barbados'),
  ('BD', 'Bangladesh'), ('BE', 'Belgium'), ('BF', 'Burkina Faso'), ('BG', 'Bulgaria'), ('BH', 'Bahrain'),
  ('BI', 'Burundi'), ('BJ', 'Benin'), ('BL', 'St. Barthélemy'), ('BM', 'Bermuda'), ('BN', 'Brunei'),
  ('BO', 'Bolivia'), ('BQ', 'Caribbean Netherlands'), ('BR', 'Brazil'), ('BS', 'Bahamas'), ('BT', 'Bhutan'),
  ('BV', 'Bouvet Island'), ('BW', 'Botswana'), ('BY', 'Belarus'), ('BZ', 'Belize'), ('CA', 'Canada'),
  ('CC', 'Cocos (Keeling) Islands'), ('CD', 'Congo - Kinshasa'), ('CF', 'Central African Republic'),
  ('CG', 'Congo - Brazzaville'), ('CH', 'Switzerland'), ('CI', 'Côte d’Ivoire'), ('CK', 'Cook Islands'),
  ('CL', 'Chile'), ('CM', 'Cameroon'), ('CN', 'China'), ('CO', 'Colombia'), ('CR', 'Costa Rica'),
  ('CU', 'Cuba'), ('CV', 'Cape Verde'), ('CW', 'Curaçao'), ('CX', 'Christmas Island'), ('CY', 'Cyprus'),
  ('CZ', 'Czechia'), ('DE', 'Germany'), ('DJ', 'Djibouti'), ('DK', 'Denmark'), ('DM', 'Dominica'),
  ('DO', 'Dominican Republic'), ('DZ', 'Algeria'), ('EC', 'Ecuador'), ('EE', 'Estonia'), ('EG', 'Egypt'),
  ('EH', 'Western Sahara'), ('ER', 'Eritrea'), ('ES', 'Spain'), ('ET', 'Ethiopia'), ('FI', 'Finland'),
  ('FJ', 'Fiji'), ('FK', 'Falkland Islands'), ('FM', 'Micronesia'), ('FO', 'Faroe Islands'),
  ('FR', 'France'), ('GA', 'Gabon'), ('GB', 'United Kingdom'), ('GD', 'Grenada'), ('GE', 'Georgia'),
  ('GF', 'French Guiana'), ('GG', 'Guernsey'), ('GH', 'Ghana'), ('GI', 'Gibraltar'), ('GL', 'Greenland'),
  ('GM', 'Gambia'), ('GN', 'Guinea'), ('GP', 'Guadeloupe'), ('GQ', 'Equatorial Guinea'), ('GR', 'Greece'),
  ('GS', 'South Georgia & South Sandwich Islands'), ('GT', 'Guatemala'), ('GU', 'Guam'),
  ('GW', 'Guinea-Bissau'), ('GY', 'Guyana'), ('HK', 'Hong Kong SAR China'),
  ('HM', 'Heard & McDonald Islands'), ('HN', 'Honduras'), ('HR', 'Croatia'), ('HT', 'Haiti'),
  ('HU', 'Hungary'), ('ID', 'Indonesia'), ('IE', 'Ireland'), ('IL', 'Israel'), ('IM', 'Isle of Man'),
  ('IN', 'India'), ('IO', 'British Indian Ocean Territory'), ('IQ', 'Iraq'), ('IR', 'Iran'),
  ('IS', 'Iceland'), ('IT', 'Italy'), ('JE', 'Jersey'), ('JM', 'Jamaica'), ('JO', 'Jordan'), ('JP', 'Japan'),
  ('KE', 'Kenya'), ('KG', 'Kyrgyzstan'), ('KH', 'Cambodia'), ('KI', 'Kiribati'), ('KM', 'Comoros'),
  ('KN', 'St. Kitts & Nevis'), ('KP', 'North Korea'), ('KR', 'South Korea'), ('KW', 'Kuwait'),
  ('KY', 'Cayman Islands'), ('KZ', 'Kazakhstan'), ('LA', 'Laos'), ('LB', 'Lebanon'), ('LC', 'St. Lucia'),
  ('LI', 'Liechtenstein'), ('LK', 'Sri Lanka'), ('LR', 'Liberia'), ('LS', 'Lesotho'), ('LT', 'Lithuania'),
  ('LU', 'Luxembourg'), ('LV', 'Latvia'), ('LY', 'Libya'), ('MA', 'Morocco'), ('MC', 'Monaco'),
  ('MD', 'Moldova'), ('ME', 'Montenegro'), ('MF', 'St. Martin'), ('MG', 'Madagascar'),
  ('MH', 'Marshall Islands'), ('MK', 'North Macedonia'), ('ML', 'Mali'), ('MM', 'Myanmar (Burma)'),
  ('MN', 'Mongolia'), ('MO', 'Macao SAR China'), ('MP', 'Northern Mariana Islands'), ('MQ', 'Martinique'),
  ('MR', 'Mauritania'), ('MS', 'Montserrat'), ('MT', 'Malta'), ('MU', 'Mauritius'), ('MV', 'Maldives'),
  ('MW', 'Malawi'), ('MX', 'Mexico'), ('MY', 'Malaysia'), ('MZ', 'Mozambique'), ('NA', 'Namibia'),
  ('NC', 'New Caledonia'), ('NE', 'Niger'), ('NF', 'Norfolk Island'), ('NG', 'Nigeria'), ('NI', 'Nicaragua'),
  ('NL', 'Netherlands'), ('NO', 'Norway'), ('NP', 'Nepal'), ('NR', 'Nauru'), ('NU', 'Niue'),
  ('NZ', 'New Zealand'), ('OM', 'Oman'), ('PA', 'Panama'), ('PE', 'Peru'), ('PF', 'French Polynesia'),
  ('PG', 'Papua New Guinea'), ('PH', 'Philippines'), ('PK', 'Pakistan'), ('PL', 'Poland'),
  ('PM', 'St. Pierre & Miquelon'), ('PN', 'Pitcairn Islands'), ('PR', 'Puerto Rico'),
  ('PS', 'Palestinian Territories'), ('PT', 'Portugal'), ('PW', 'Palau'), ('PY', 'Paraguay'),
  ('QA', 'Qatar'), ('RE', 'Réunion'), ('RO', 'Romania'), ('RS', 'Serbia'), ('RU', 'Russia'),
  ('RW', 'Rwanda'), ('SA', 'Saudi Arabia'), ('SB', 'Solomon Islands'), ('SC', 'Seychelles'), ('SD', 'Sudan'),
  ('SE', 'Sweden'), ('SG', 'Singapore'), ('SH', 'St. Helena'), ('SI', 'Slovenia'),
  ('SJ', 'Svalbard & Jan Mayen'), ('SK', 'Slovakia'), ('SL', 'Sierra Leone'), ('SM', 'San Marino'),
  ('SN', 'Senegal'), ('SO', 'Somalia'), ('SR', 'Suriname'), ('SS', 'South Sudan'),
  ('ST', 'São Tomé & Príncipe'), ('SV', 'El Salvador'), ('SX', 'Sint Maarten'), ('SY', 'Syria'),
  ('SZ', 'Eswatini'), ('TC', 'Turks & Caicos Islands'), ('TD', 'Chad'),
  ('TF', 'French Southern Territories'), ('TG', 'Togo'), ('TH', 'Thailand'), ('TJ', 'Tajikistan'),
  ('TK', 'Tokelau'), ('TL', 'Timor-Leste'), ('TM', 'Turkmenistan'), ('TN', 'Tunisia'), ('TO', 'Tonga'),
  ('TR', 'Türkiye'), ('TT', 'Trinidad & Tobago'), ('TV', 'Tuvalu'), ('TW', 'Taiwan'), ('TZ', 'Tanzania'),
  ('UA', 'Ukraine'), ('UG', 'Uganda'), ('UM', 'U.S. Outlying Islands'), ('US', 'United States'),
  ('UY', 'Uruguay'), ('UZ', 'Uzbekistan'), ('VA', 'Vatican City'), ('VC', 'St. Vincent & Grenadines'),
  ('VE', 'Venezuela'), ('VG', 'British Virgin Islands'), ('VI', 'U.S. Virgin Islands'), ('VN', 'Vietnam'),
  ('VU', 'Vanuatu'), ('WF', 'Wallis & Futuna'), ('WS', 'Samoa'), ('YE', 'Yemen'), ('YT', 'Mayotte'),
  ('ZA', 'South Africa'), ('ZM', 'Zambia'), ('ZW', 'Zimbabwe');

-- The English name of a code, or the code itself when unknown.
create or replace function private.country_name_en(p_code text) returns text
language sql stable
set search_path = ''
as $$
  select coalesce((select n.name_en from private.country_names n where n.code = p_code), p_code)
$$;
revoke all on function private.country_name_en(text) from public, anon, authenticated, service_role;

-- search records name countries by code ---------------------------------------------
create or replace function private.search_sync_hub(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  h public.hubs;
begin
  select * into h from public.hubs where id = target_id;
  if not found then
    perform private.search_delete('hub', target_id::text);
    return;
  end if;
  perform private.search_upsert(jsonb_build_object(
    'type', 'hub',
    'source_id', h.id,
    'title', h.name,
    'summary', h.summary,
    'text', concat_ws('. ', nullif(h.host_name, ''),
      (select string_agg(private.country_name_en(c), ', ' order by o) from unnest(h.countries) with ordinality as u(c, o)),
      h.since_label),
    'url', '/hubs/' || h.slug,
    'hubs', jsonb_build_array(h.slug),
    'country', case when cardinality(h.countries) = 1 then h.countries[1] end,
    'region', h.region,
    'is_demo', h.is_demo
  ));
end
$$;

create or replace function private.search_sync_city(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  c public.cities;
  hub_slugs jsonb;
  hub_links jsonb;
  hub_names text;
begin
  select * into c from public.cities where id = target_id;
  if not found then
    perform private.search_delete('city', target_id::text);
    return;
  end if;
  select coalesce(jsonb_agg(h.slug order by h.is_demo, h.name), '[]'::jsonb),
         coalesce(jsonb_agg(jsonb_build_object(
           'id', 'hub:' || h.id, 'type', 'hub', 'title', h.name, 'url', '/hubs/' || h.slug, 'relation', 'hub'
         ) order by h.is_demo, h.name), '[]'::jsonb),
         string_agg(h.name, ', ' order by h.is_demo, h.name)
    into hub_slugs, hub_links, hub_names
    from public.hub_cities hc join public.hubs h on h.id = hc.hub_id
   where hc.city_id = c.id;
  perform private.search_upsert(jsonb_build_object(
    'type', 'city',
    'source_id', c.id,
    'title', c.name,
    'summary', concat_ws(' · ', private.country_name_en(c.country), hub_names),
    'text', concat_ws('. ', c.kpi_source, c.uncertain_note),
    'url', '/cities/' || c.slug,
    'hubs', hub_slugs,
    'country', c.country,
    'region', c.region,
    'themes', case when c.kpi_implemented then '["kpis"]'::jsonb else '[]'::jsonb end,
    'links', hub_links,
    'is_demo', c.is_demo
  ));
end
$$;

create or replace function private.search_sync_organization(target_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  o public.organizations;
  hub_slugs jsonb;
  hub_links jsonb;
begin
  select * into o from public.organizations where id = target_id;
  if not found or o.status <> 'verified' then
    perform private.search_delete('organization', target_id::text);
    return;
  end if;
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
    'text', case when o.country is not null then private.country_name_en(o.country) end,
    'url', '/directory/' || o.slug,
    'subtype', o.kind,
    'hubs', hub_slugs,
    'country', o.country,
    'links', hub_links,
    'is_demo', o.is_demo
  ));
end
$$;

-- names to codes ----------------------------------------------------------------------
-- Every English CLDR name, and the UN and older spellings the reference
-- research uses (countryCodeFromEnglishName in src/lib/taxonomy/countries.ts).
create temporary table country_lookup (name text primary key, code text not null);
insert into country_lookup (name, code)
select lower(n.name_en), n.code from private.country_names n
on conflict do nothing;
insert into country_lookup (name, code)
select replace(lower(n.name_en), '’', ''''), n.code from private.country_names n
on conflict do nothing;
insert into country_lookup (name, code) values
  ('russian federation', 'RU'),
  ('iran', 'IR'),
  ('iran (islamic republic of)', 'IR'),
  ('republic of korea', 'KR'),
  ('korea, republic of', 'KR'),
  ('democratic people''s republic of korea', 'KP'),
  ('turkey', 'TR'),
  ('cote d''ivoire', 'CI'),
  ('côte d''ivoire', 'CI'),
  ('czech republic', 'CZ'),
  ('swaziland', 'SZ'),
  ('macedonia', 'MK'),
  ('the former yugoslav republic of macedonia', 'MK'),
  ('united states of america', 'US'),
  ('united kingdom of great britain and northern ireland', 'GB'),
  ('viet nam', 'VN'),
  ('lao people’s democratic republic', 'LA'),
  ('lao people''s democratic republic', 'LA'),
  ('syrian arab republic', 'SY'),
  ('republic of moldova', 'MD'),
  ('united republic of tanzania', 'TZ'),
  ('bolivia (plurinational state of)', 'BO'),
  ('venezuela (bolivarian republic of)', 'VE'),
  ('state of palestine', 'PS'),
  ('palestine', 'PS'),
  ('democratic republic of the congo', 'CD'),
  ('congo', 'CG'),
  ('netherlands', 'NL'),
  ('the netherlands', 'NL')
on conflict do nothing;

update public.organizations set country = null where btrim(country) = '';

-- A name nobody knows stops the migration, naming it, rather than losing it.
do $$
declare
  unknown text;
begin
  select string_agg(distinct v, ', ') into unknown
    from (
      select c.country as v from public.cities c
      union all select unnest(h.countries) from public.hubs h
      union all select o.country from public.organizations o where o.country is not null
    ) as used
   where v !~ '^[A-Z]{2}$'
     and not exists (select 1 from country_lookup l where l.name = lower(btrim(used.v)));
  if unknown is not null then
    raise exception 'country names without an ISO 3166-1 code: % (add them to the lookup in this migration)', unknown;
  end if;
end
$$;

update public.cities c set country = l.code
  from country_lookup l where c.country !~ '^[A-Z]{2}$' and l.name = lower(btrim(c.country));
update public.organizations o set country = l.code
  from country_lookup l where o.country !~ '^[A-Z]{2}$' and l.name = lower(btrim(o.country));
update public.hubs h set countries = array(
    select code from (
      select coalesce(l.code, u.c) as code, min(u.o) as first
        from unnest(h.countries) with ordinality as u(c, o)
        left join country_lookup l on u.c !~ '^[A-Z]{2}$' and l.name = lower(btrim(u.c))
       group by 1
    ) as codes order by first
  )
 where exists (select 1 from unnest(h.countries) as c where c !~ '^[A-Z]{2}$');

drop table country_lookup;

alter table public.cities add constraint cities_country_code check (country ~ '^[A-Z]{2}$');
alter table public.organizations add constraint organizations_country_code
  check (country is null or country ~ '^[A-Z]{2}$');
alter table public.hubs add constraint hubs_countries_codes
  check (array_to_string(countries, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$');
comment on column public.cities.country is 'ISO 3166-1 alpha-2 code ("NO"); named by the i18n module.';
comment on column public.organizations.country is 'ISO 3166-1 alpha-2 code, or null; named by the i18n module.';
comment on column public.hubs.countries is 'ISO 3166-1 alpha-2 codes of the countries the hub covers.';

-- Every search record that names a country by code (rows whose country was
-- already a code, or none, kept their old text).
select private.search_rebuild_hubs();
select private.search_rebuild_cities();
select private.search_rebuild_organizations();
alter table public.search_documents add constraint search_documents_country_code
  check (country is null or country ~ '^[A-Z]{2}$');
comment on column public.search_documents.country is 'ISO 3166-1 alpha-2 code of the record''s country, or null.';
