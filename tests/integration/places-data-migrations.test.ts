import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBootstrap, migrate } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/types';
import { countryCodes } from '../../src/lib/taxonomy/country-codes';
import { testTargets } from '../support/databases';

const rootDir = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(rootDir, 'supabase', 'migrations');
/** The first of the 2026-12-03 places migrations (hub_cities, sectors, country codes). */
const firstPlacesMigration = '20261203090000';

/**
 * The places migrations convert rows that exist when they run: a database
 * built from the files before them, holding data in the old shape (a city's
 * one `hub_id`, English country names, the old sector keys), is migrated the
 * rest of the way, and every row and search record must come out converted.
 */
describe.each(testTargets())('places data migrations on $name', (target) => {
  let db: Database;
  let dir: string;
  const ids = {
    hub: '00000000-0000-4000-8000-000000000001',
    otherHub: '00000000-0000-4000-8000-000000000002',
    city: '00000000-0000-4000-8000-000000000011',
    lonely: '00000000-0000-4000-8000-000000000012',
    agency: '00000000-0000-4000-8000-000000000021',
    unAgency: '00000000-0000-4000-8000-000000000022',
  };

  beforeAll(async () => {
    db = await target.openEmpty();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-places-migrations-'));
    const files = fs.readdirSync(migrationsDir).filter((file) => file.endsWith('.sql'));
    for (const file of files.filter((name) => name < firstPlacesMigration))
      fs.copyFileSync(path.join(migrationsDir, file), path.join(dir, file));
    await applyBootstrap(db, path.join(rootDir, 'supabase', 'bootstrap.sql'));
    await migrate(db, dir);

    await db.query(
      `insert into public.hubs (id, slug, name, region, countries) values
         ($1, 'old-nordic', 'Old Nordic hub', 'europe', '{Norway,Finland,Norway}'),
         ($2, 'old-andes', 'Old Andean hub', 'americas', '{Peru,"Iran (Islamic Republic of)"}')`,
      [ids.hub, ids.otherHub],
    );
    await db.query(
      `insert into public.cities (id, slug, name, country, region, hub_id) values
         ($1, 'old-fjordby', 'Old Fjordby', 'Norway', 'europe', $3),
         ($2, 'old-lonely', 'Old Lonely', 'Russian Federation', 'europe', null)`,
      [ids.city, ids.lonely, ids.hub],
    );
    await db.query(
      `insert into public.organizations (id, slug, name, kind, country, status) values
         ($1, 'old-agency', 'Old agency', 'public-sector', 'Austria', 'verified'),
         ($2, 'old-un', 'Old UN agency', 'un-agency', '', 'verified')`,
      [ids.agency, ids.unAgency],
    );

    for (const file of files.filter((name) => name >= firstPlacesMigration))
      fs.copyFileSync(path.join(migrationsDir, file), path.join(dir, file));
    await migrate(db, dir);
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('moves each city’s hub into hub_cities and drops cities.hub_id', async () => {
    expect(
      await db.query('select hub_id, city_id from public.hub_cities order by hub_id, city_id'),
    ).toEqual([{ hub_id: ids.hub, city_id: ids.city }]);
    const [column] = await db.query<{ count: number }>(
      `select count(*)::int as count from information_schema.columns
        where table_schema = 'public' and table_name = 'cities' and column_name = 'hub_id'`,
    );
    expect(column!.count).toBe(0);
  });

  it('converts country names to ISO codes, keeping each hub’s countries once and in order', async () => {
    expect(await db.query('select slug, country from public.cities order by slug')).toEqual([
      { slug: 'old-fjordby', country: 'NO' },
      { slug: 'old-lonely', country: 'RU' },
    ]);
    expect(await db.query('select slug, countries from public.hubs order by slug')).toEqual([
      { slug: 'old-andes', countries: ['PE', 'IR'] },
      { slug: 'old-nordic', countries: ['NO', 'FI'] },
    ]);
    expect(
      await db.query('select slug, kind, country from public.organizations order by slug'),
    ).toEqual([
      { slug: 'old-agency', kind: 'public-agency', country: 'AT' },
      { slug: 'old-un', kind: 'international-organization', country: null },
    ]);
  });

  it('rewrites the search records: codes as facet values, English names in the text, every hub', async () => {
    const records = await db.query<{ id: string; country: string | null; hubs: string[] }>(
      `select id, country, hubs from public.search_documents
        where type in ('city', 'hub', 'organization') order by id`,
    );
    expect(records).toEqual(
      expect.arrayContaining([
        { id: `city:${ids.city}`, country: 'NO', hubs: ['old-nordic'] },
        { id: `city:${ids.lonely}`, country: 'RU', hubs: [] },
        { id: `hub:${ids.hub}`, country: null, hubs: ['old-nordic'] },
        { id: `organization:${ids.agency}`, country: 'AT', hubs: [] },
      ]),
    );
    const [fjordby] = await db.query<{ summary: string; subtype: string | null }>(
      `select summary, subtype from public.search_documents where id = $1`,
      [`city:${ids.city}`],
    );
    expect(fjordby!.summary).toBe('Norway · Old Nordic hub');
    const [agency] = await db.query<{ subtype: string }>(
      `select subtype from public.search_documents where id = $1`,
      [`organization:${ids.agency}`],
    );
    expect(agency!.subtype).toBe('public-agency');
  });

  it('refuses names, old sector keys and lower-case codes from now on', async () => {
    const refused = async (sql: string) => {
      await expect(db.query(sql)).rejects.toMatchObject({ code: '23514' });
    };
    await refused(`update public.cities set country = 'Norway' where slug = 'old-fjordby'`);
    await refused(`update public.cities set country = 'no' where slug = 'old-fjordby'`);
    await refused(`update public.hubs set countries = '{NO,Finland}' where slug = 'old-nordic'`);
    await refused(`update public.organizations set country = 'Austria' where slug = 'old-agency'`);
    await refused(`update public.organizations set kind = 'un-agency' where slug = 'old-agency'`);
    await refused(
      `select private.search_upsert(jsonb_build_object('type', 'city', 'source_id', 'x',
         'title', 'X', 'url', '/cities/x', 'country', 'Norway'))`,
    );
    await db.query(`update public.organizations set kind = 'investor' where slug = 'old-agency'`);
  });

  it('names exactly the portal’s ISO 3166-1 codes in private.country_names', async () => {
    const rows = await db.query<{ code: string; name_en: string }>(
      'select code, name_en from private.country_names order by code',
    );
    expect(rows.map((row) => row.code)).toEqual([...countryCodes].sort());
    expect(rows.find((row) => row.code === 'NO')?.name_en).toBe('Norway');
  });
});
