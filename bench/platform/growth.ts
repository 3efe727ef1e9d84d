import type { Database } from '../../src/server/db/types';

/** Tables the growth step multiplies, with the column that must stay unique. */
const grown = [
  { table: 'news_items', unique: 'slug' },
  { table: 'events', unique: 'slug' },
  { table: 'cities', unique: 'slug' },
] as const;

async function copyableColumns(db: Database, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = $1
        and column_name not in ('id', 'created_at', 'updated_at')
        and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

/**
 * Multiplies the seed's news, events and cities by `factor` (copies with a
 * numbered slug; cities keep their hubs), as the owner, for the growth step:
 * listings and feeds must keep their latency with 100 × the rows.
 */
export async function multiplyRows(db: Database, factor: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, unique } of grown) {
    const columns = await copyableColumns(db, table);
    const list = columns.map((column) => `"${column}"`).join(', ');
    const values = columns
      .map((column) => (column === unique ? `t."${column}" || '-g' || g` : `t."${column}"`))
      .join(', ');
    await db.query(
      `insert into public.${table} (${list})
       select ${values} from public.${table} t, generate_series(1, $1::int - 1) g
        where t."${unique}" !~ '-g[0-9]+$'`,
      [factor],
    );
    if (table === 'cities') {
      await db.query(
        `insert into public.hub_cities (hub_id, city_id)
         select hc.hub_id, copy.id
           from public.cities copy
           join public.cities original on copy.slug ~ ('^' || original.slug || '-g[0-9]+$')
           join public.hub_cities hc on hc.city_id = original.id
         on conflict do nothing`,
      );
    }
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from public.${table}`);
    counts[table] = row!.n;
  }
  return counts;
}
