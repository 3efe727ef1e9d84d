import type { Database } from '../../src/server/db/types';
import { demoUserId } from '../../src/server/seed/seed-demo';

/**
 * Synthetic KPI assessments for the benchmark: `cities` invented cities
 * (`bench-city-00001`…), each with a 2023, 2024 and 2025 assessment of all
 * 91 KPIs (values that fit each KPI's measure, named parts for the
 * multi-valued ones, about 5 % "not available"), the 2025 snapshot
 * published with about 90 % of its values shared, and about 15 targets per
 * city. The Fjordby demo editor (`city@demo.u4ssc.local`) is made editor of
 * the first bench city too, so the benchmark can sign in and open its
 * dashboard.
 *
 * Loaded in SQL, in batches, with `session_replication_role = replica`:
 * the rows are consistent by construction, and the per-row triggers (the
 * measure check, the freeze, search records of cities, foreign keys) would
 * multiply the load time without changing what is measured, which is
 * reading and rendering one city's pages.
 */

/** Deterministic id of bench city `n` (1-based). */
export function benchCityId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function benchCitySlug(n: number): string {
  return `bench-city-${String(n).padStart(5, '0')}`;
}

/** One number that fits a kind of value (SQL expression over `kind` and `maxv`). */
const valueOf = (kind: string, max: string) => `case ${kind}
    when 'percentage' then round((random() * 100)::numeric, 1)
    when 'count' then floor(random() * 5000)
    when 'yes-no' then (random() < 0.5)::int
    when 'ratio' then round((random() * coalesce(${max}, 2))::numeric, 3)
    else round((random() * 1000)::numeric, 1)
  end`;

export async function loadBenchAssessments(
  db: Database,
  options: { cities: number; batch?: number; onProgress?: (done: number) => void },
): Promise<void> {
  const batch = options.batch ?? 500;
  for (let from = 1; from <= options.cities; from += batch) {
    const to = Math.min(options.cities, from + batch - 1);
    await db.transaction(async (tx) => {
      await tx.query("set local session_replication_role = 'replica'");
      await tx.query(
        `insert into public.cities (id, slug, name, country, region, is_demo)
         select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
                'bench-city-' || lpad(n::text, 5, '0'), 'Bench City ' || n, 'NO', 'europe', true
           from generate_series($1::int, $2::int) n`,
        [from, to],
      );
      await tx.query(
        `insert into public.kpi_assessments (city_id, reporting_year, version, is_demo, published_at)
         select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, y, 1, true,
                case when y = 2025 then now() - interval '10 days' end
           from generate_series($1::int, $2::int) n cross join generate_series(2023, 2025) y`,
        [from, to],
      );
      await tx.query(
        `insert into public.kpi_assessment_values
           (assessment_id, kpi_code, city_id, status, value, parts, not_available_reason, source, shared)
         select a.id, k.code, a.city_id,
                case when v.na then 'not-available' else 'reported' end,
                case when v.na or k.measure ? 'parts' then null
                     else ${valueOf("k.measure ->> 'kind'", "(k.measure ->> 'max')::numeric")} end,
                case when v.na or not (k.measure ? 'parts') then null
                     else (select jsonb_object_agg(p ->> 'key', ${valueOf("p ->> 'kind'", 'null::numeric')})
                             from jsonb_array_elements(k.measure -> 'parts') p) end,
                case when v.na then 'Not measured in the city' end,
                case when not v.na then 'Bench statistics office, annual survey' end,
                a.reporting_year = 2025 and abs(hashtext(a.id::text || k.code)) % 10 <> 0
           from public.kpi_assessments a
           cross join public.kpis k
           cross join lateral (select abs(hashtext(k.code || a.id::text)) % 20 = 0 as na) v
          where a.city_id between ('00000000-0000-4000-8000-' || lpad(to_hex($1::int), 12, '0'))::uuid
                              and ('00000000-0000-4000-8000-' || lpad(to_hex($2::int), 12, '0'))::uuid`,
        [from, to],
      );
      await tx.query(
        `insert into public.kpi_targets (city_id, kpi_code, part_key, baseline_year, target_value, target_year)
         select ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, k.code, '', 2023,
                ${valueOf("k.measure ->> 'kind'", "(k.measure ->> 'max')::numeric")}, 2030
           from generate_series($1::int, $2::int) n
           cross join public.kpis k
          where not (k.measure ? 'parts') and k.position % 6 = 0`,
        [from, to],
      );
    });
    options.onProgress?.(to);
  }
  await db.query(
    `insert into public.memberships (user_id, role, city_id)
     values ($1, 'city_editor', $2) on conflict do nothing`,
    [demoUserId('city-editor'), benchCityId(1)],
  );
  for (const table of [
    'cities',
    'kpi_assessments',
    'kpi_assessment_values',
    'kpi_targets',
    'memberships',
  ]) {
    await db.query(`analyze public.${table}`);
  }
}
