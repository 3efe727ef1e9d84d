import fs from 'node:fs';
import path from 'node:path';
import type { Database, Queryable } from '../db/types';
import { readDeliverableContent } from '../deliverables/read-content-files';
import { syncDeliverables } from '../deliverables/sync-deliverables';
import { readKpiContent } from '../kpis/read-kpi-content';
import { syncKpis } from '../kpis/sync-kpis';
import { demoSeedSchema, referenceSeedSchema } from './seed-data-schema';
import { seedCaseStudies, seedCityKpiStatus } from './seed-case-studies';
import { seedDemo } from './seed-demo';
import { seedKpiAssessments } from './seed-kpi-assessments';
import { seedNewsAndEvents } from './seed-news-events';
import { seedProcurement } from './seed-procurement';
import { seedDemoOrganizations } from './seed-organizations';
import { upsertCities, upsertHubs } from './upsert-places';

export interface SeedOptions {
  rootDir: string;
  includeDemo: boolean;
  /** Told before each step, for progress on the console. */
  onStep?: (step: string) => void;
}

export interface SeedReport {
  deliverables: number;
  kpis: number;
  hubs: number;
  cities: number;
  demoUsers: number;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Seeds the database in one transaction: reference content (deliverables and
 * the KPI catalogue from `content/`), the real hubs and KPI cities, then, unless disabled, the demo
 * records. Every step upserts by slug, so running it again changes nothing.
 */
export function runSeed(db: Database, options: SeedOptions): Promise<SeedReport> {
  return db.transaction((tx) => seedWithin(tx, options));
}

/** The seed's steps inside a transaction the caller owns (tests roll it back). */
export async function seedWithin(tx: Queryable, options: SeedOptions): Promise<SeedReport> {
  const seedDir = path.join(options.rootDir, 'supabase', 'seed');
  const reference = referenceSeedSchema.parse(readJson(path.join(seedDir, 'reference.json')));
  const demo = options.includeDemo
    ? demoSeedSchema.parse(readJson(path.join(seedDir, 'demo.json')))
    : undefined;
  const deliverables = readDeliverableContent(path.join(options.rootDir, 'content'));
  const kpis = readKpiContent(path.join(options.rootDir, 'content'));

  const step = options.onStep ?? (() => {});
  step(`reference content (${deliverables.length} deliverables, ${kpis.length} KPIs)`);
  const synced = await syncDeliverables(tx, deliverables);
  const syncedKpis = await syncKpis(tx, kpis);
  if (syncedKpis.keptInUse.length > 0)
    step(
      `kept ${syncedKpis.keptInUse.length} KPIs whose files are gone, because cities recorded values for them: ${syncedKpis.keptInUse.join(', ')}`,
    );
  step(`hubs and cities (${reference.hubs.length} hubs, ${reference.cities.length} cities)`);
  const hubIds = await upsertHubs(tx, reference.hubs, false);
  await upsertCities(tx, reference.cities, hubIds, false);
  await seedCityKpiStatus(tx, seedDir);
  if (demo) step(`demo records (${demo.users.length} accounts; hashing their passwords)`);
  const demoReport = demo ? await seedDemo(tx, demo, hubIds) : { users: 0 };
  if (demo) step('demo organizations, their offerings and teams');
  if (demo) await seedDemoOrganizations(tx, seedDir, demo.password);
  if (demo) step('demo news and events');
  if (demo) await seedNewsAndEvents(tx, seedDir);
  if (demo) step('demo case studies');
  const demoCases = demo ? await seedCaseStudies(tx, seedDir) : { caseStudies: 0, cities: 0 };
  if (demo) step('demo procurement processes');
  if (demo) await seedProcurement(tx, seedDir);
  if (demo) step('demo KPI assessments');
  if (demo) await seedKpiAssessments(tx, seedDir);
  return {
    deliverables: synced.upserted,
    kpis: syncedKpis.kpis,
    hubs: reference.hubs.length + (demo?.hubs.length ?? 0),
    cities: reference.cities.length + (demo?.cities.length ?? 0) + demoCases.cities,
    demoUsers: demoReport.users,
  };
}
