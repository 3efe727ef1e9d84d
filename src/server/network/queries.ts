import type { Queryable } from '../db/types';

export interface NetworkNumbers {
  hubs: number;
  cities: number;
  partners: number;
  deliverables: number;
  kpis: number;
}

/** Live counts for the home page; demo records never count (DESIGN.md: numbers that are true). */
export async function getNetworkNumbers(db: Queryable): Promise<NetworkNumbers> {
  const [row] = await db.query<NetworkNumbers>(
    `select
       (select count(*)::int from public.hubs where not is_demo) as hubs,
       (select count(*)::int from public.cities where not is_demo) as cities,
       (select count(*)::int from public.organizations where not is_demo and status = 'verified') as partners,
       (select count(*)::int from public.deliverables where published) as deliverables,
       (select count(*)::int from public.kpis) as kpis`,
  );
  return row!;
}

export interface HubStripItem {
  slug: string;
  name: string;
  region: string;
  isDemo: boolean;
}

/** The first hubs, real ones first, for the strip on the home page (it links to all of them). */
/** How many hubs the home page names; /hubs lists them all, page by page. */
export const hubStripSize = 12;

export function listHubStrip(db: Queryable): Promise<HubStripItem[]> {
  return db.query<HubStripItem>(
    `select slug, name, region, is_demo as "isDemo" from public.hubs order by is_demo, name limit ${hubStripSize}`,
  );
}
