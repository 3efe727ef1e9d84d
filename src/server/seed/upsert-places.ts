import type { Queryable } from '../db/types';
import type { CitySeed, HubSeed } from './seed-data-schema';

/** Inserts or updates hubs by slug; returns slug → id. */
export async function upsertHubs(
  db: Queryable,
  hubs: readonly HubSeed[],
  isDemo: boolean,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const hub of hubs) {
    const [row] = await db.query<{ id: string }>(
      `insert into public.hubs (slug, name, region, countries, host_name, summary, since_label, website_url, source_url, is_demo)
       values ($1, $2, $3, $4::text[], $5, $6, $7, $8, $9, $10)
       on conflict (slug) do update set
         name = excluded.name, region = excluded.region, countries = excluded.countries,
         host_name = excluded.host_name, summary = excluded.summary, since_label = excluded.since_label,
         website_url = excluded.website_url, source_url = excluded.source_url, is_demo = excluded.is_demo
       returning id`,
      [
        hub.slug,
        hub.name,
        hub.region,
        hub.countries,
        hub.hostName ?? null,
        hub.summary,
        hub.sinceLabel ?? null,
        hub.websiteUrl ?? null,
        hub.sourceUrl ?? null,
        isDemo,
      ],
    );
    ids.set(hub.slug, row!.id);
  }
  return ids;
}

/**
 * Inserts or updates cities by slug and adds each to its hubs (`hub_cities`);
 * returns slug → id. Membership is only added: a city that joined another hub
 * since (an approved application) stays there.
 */
export async function upsertCities(
  db: Queryable,
  cities: readonly CitySeed[],
  hubIds: ReadonlyMap<string, string>,
  isDemo: boolean,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const city of cities) {
    const cityHubIds = city.hubs.map((slug) => {
      const hubId = hubIds.get(slug);
      if (!hubId) throw new Error(`Seed city ${city.slug} names unknown hub ${slug}`);
      return hubId;
    });
    const [row] = await db.query<{ id: string }>(
      `insert into public.cities
         (slug, name, country, region, latitude, longitude, kpi_implemented, kpi_source, uncertain, uncertain_note, is_demo)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (slug) do update set
         name = excluded.name, country = excluded.country, region = excluded.region,
         latitude = excluded.latitude, longitude = excluded.longitude, kpi_implemented = excluded.kpi_implemented,
         kpi_source = excluded.kpi_source, uncertain = excluded.uncertain,
         uncertain_note = excluded.uncertain_note, is_demo = excluded.is_demo
       returning id`,
      [
        city.slug,
        city.name,
        city.country,
        city.region,
        city.latitude,
        city.longitude,
        !isDemo && Boolean(city.source),
        city.source ?? null,
        city.uncertain,
        city.uncertainNote ?? null,
        isDemo,
      ],
    );
    ids.set(city.slug, row!.id);
    if (cityHubIds.length > 0) {
      await db.query(
        `insert into public.hub_cities (hub_id, city_id, created_by)
         select unnest($1::uuid[]), $2, null
         on conflict do nothing`,
        [cityHubIds, row!.id],
      );
    }
  }
  return ids;
}
